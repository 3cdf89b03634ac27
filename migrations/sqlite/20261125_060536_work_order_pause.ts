import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`paused_at\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`paused_ms\` numeric DEFAULT 0;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`work_orders\` DROP COLUMN \`paused_at\`;`)
  await db.run(sql`ALTER TABLE \`work_orders\` DROP COLUMN \`paused_ms\`;`)
}
