import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`knowledge_entries\` ADD \`source_item_code\` text;`)
  await db.run(
    sql`CREATE INDEX \`knowledge_entries_source_source_item_code_idx\` ON \`knowledge_entries\` (\`source_item_code\`);`,
  )
  await db.run(sql`ALTER TABLE \`_knowledge_entries_v\` ADD \`version_source_item_code\` text;`)
  await db.run(
    sql`CREATE INDEX \`_knowledge_entries_v_version_source_version_source_item__idx\` ON \`_knowledge_entries_v\` (\`version_source_item_code\`);`,
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`knowledge_entries_source_source_item_code_idx\`;`)
  await db.run(sql`ALTER TABLE \`knowledge_entries\` DROP COLUMN \`source_item_code\`;`)
  await db.run(sql`DROP INDEX \`_knowledge_entries_v_version_source_version_source_item__idx\`;`)
  await db.run(sql`ALTER TABLE \`_knowledge_entries_v\` DROP COLUMN \`version_source_item_code\`;`)
}
