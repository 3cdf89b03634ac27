import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`knowledge_entries\` ADD \`published_at\` text;`)
  await db.run(sql`ALTER TABLE \`_knowledge_entries_v\` ADD \`version_published_at\` text;`)
  // Live entries keep citing the version they had: their last save.
  await db.run(sql`UPDATE \`knowledge_entries\` SET \`published_at\` = \`updated_at\` WHERE \`_status\` = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`knowledge_entries\` DROP COLUMN \`published_at\`;`)
  await db.run(sql`ALTER TABLE \`_knowledge_entries_v\` DROP COLUMN \`version_published_at\`;`)
}
