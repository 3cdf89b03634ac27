import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

/**
 * The report window index of `work_orders` (Payload names a compound index this long
 * `compound_index_idx`): every column the 30-day summary reads, so its queries read a range of this
 * index and never the wide rows. The narrow (created_at, state, resolution, dispatched_at) index stays
 * for the trend, whose year-long range reads less of it.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`CREATE INDEX \`compound_index_idx\` ON \`work_orders\` (\`created_at\`,\`state\`,\`resolution\`,\`dispatched_at\`,\`replied_at\`,\`due_at\`,\`type\`,\`channel\`,\`district\`,\`unit_id\`,\`category_id\`,\`explanation_accepted\`,\`last_satisfaction\`,\`answer_rating\`,\`solved\`,\`returns\`,\`extensions\`,\`reopens\`,\`address\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
}
