import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`anonymised_at\` text;`)
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`anonymised_reason\` text;`)
  await db.run(sql`CREATE INDEX \`work_orders_anonymised_at_idx\` ON \`work_orders\` (\`anonymised_at\`);`)
  await db.run(sql`ALTER TABLE \`personal_data_log\` ADD \`action\` text DEFAULT 'unmask';`)
  await db.run(sql`ALTER TABLE \`personal_data_log\` ADD \`count\` numeric;`)
  await db.run(sql`ALTER TABLE \`personal_data_log\` ADD \`order_numbers\` text;`)
  await db.run(sql`CREATE INDEX \`personal_data_log_action_idx\` ON \`personal_data_log\` (\`action\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`work_orders_anonymised_at_idx\`;`)
  await db.run(sql`ALTER TABLE \`work_orders\` DROP COLUMN \`anonymised_at\`;`)
  await db.run(sql`ALTER TABLE \`work_orders\` DROP COLUMN \`anonymised_reason\`;`)
  await db.run(sql`DROP INDEX \`personal_data_log_action_idx\`;`)
  await db.run(sql`ALTER TABLE \`personal_data_log\` DROP COLUMN \`action\`;`)
  await db.run(sql`ALTER TABLE \`personal_data_log\` DROP COLUMN \`count\`;`)
  await db.run(sql`ALTER TABLE \`personal_data_log\` DROP COLUMN \`order_numbers\`;`)
}
