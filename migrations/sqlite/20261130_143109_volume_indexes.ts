import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`state_dueAt_idx\` ON \`work_orders\` (\`state\`,\`due_at\`);`)
  await db.run(sql`CREATE INDEX \`category_createdAt_idx\` ON \`work_orders\` (\`category_id\`,\`created_at\`);`)
  // Loading entries reads their hasMany texts by parent; Payload's own index starts with `order`.
  await db.run(
    sql`CREATE INDEX IF NOT EXISTS \`knowledge_entries_texts_parent_idx\` ON \`knowledge_entries_texts\` (\`parent_id\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`state_dueAt_idx\`;`)
  await db.run(sql`DROP INDEX \`category_createdAt_idx\`;`)
  await db.run(sql`DROP INDEX IF EXISTS \`knowledge_entries_texts_parent_idx\`;`)
}
