import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * `returns` of `work_orders`: how many return requests an order's timeline holds, written by the
 * request-return action, so that reports count returned orders without reading timelines. Orders
 * written before it get it from their timeline (JSON as Payload stores it, without spaces).
 */
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`returns\` numeric DEFAULT 0;`)
  await db.run(sql`
    UPDATE \`work_orders\`
    SET \`returns\` = (length(\`timeline\`) - length(replace(\`timeline\`, '"action":"request-return"', '')))
      / length('"action":"request-return"')
    WHERE instr(\`timeline\`, '"action":"request-return"') > 0;`)
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`work_orders\` DROP COLUMN \`returns\`;`)
}
