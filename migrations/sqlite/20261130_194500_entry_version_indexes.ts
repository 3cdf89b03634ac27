import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Every save of an entry scanned what every entry had saved before, so an import slowed down with each
 * entry stored (quadratic): Payload re-reads the new version with its hasMany texts (tags, questions …)
 * by parent, and its own index on that table starts with `order`; and it counts and clears the
 * `latest` flag of the entry's versions `WHERE latest AND parent_id = ?`, for which SQLite chose the
 * index on `latest` (true for every entry) over the one on `parent_id`.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`_knowledge_entries_v_texts_parent_idx\` ON \`_knowledge_entries_v_texts\` (\`parent_id\`);`,
  )
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`_knowledge_entries_v_parent_latest_idx\` ON \`_knowledge_entries_v\` (\`parent_id\`, \`latest\`);`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`_knowledge_entries_v_texts_parent_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`_knowledge_entries_v_parent_latest_idx\`;`)
}
