import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`CREATE INDEX \`createdAt_state_resolution_dispatchedAt_idx\` ON \`work_orders\` (\`created_at\`,\`state\`,\`resolution\`,\`dispatched_at\`);`,
  )
  await db.run(sql`CREATE INDEX \`unit_createdAt_idx\` ON \`work_orders\` (\`unit_id\`,\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`createdAt_state_resolution_dispatchedAt_idx\`;`)
  await db.run(sql`DROP INDEX \`unit_createdAt_idx\`;`)
}
