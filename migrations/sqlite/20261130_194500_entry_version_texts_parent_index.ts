import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * Saving an entry re-reads its new version with the version's hasMany texts (tags, questions, …) by
 * parent; Payload's own index on that table starts with `order`, so each save scanned every version's
 * texts and an import slowed down with every entry already stored.
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`_knowledge_entries_v_texts_parent_idx\` ON \`_knowledge_entries_v_texts\` (\`parent_id\`);`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX IF EXISTS \`_knowledge_entries_v_texts_parent_idx\`;`)
}
