import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

/**
 * `report_flags` of `work_orders`: the report counters of an order that do not depend on the time of
 * the report (`reportFlags` of src/domain/workOrders/reports.ts, one bit per counter in its `COUNTERS`
 * order, `due` left out), written by the services with every change of the order; orders written
 * before it get them here. Then the report window index (Payload names a compound index this long
 * `compound_index_idx`): every column the 30-day summary reads, so its queries read a range of this
 * index and never the wide rows; the narrow (created_at, state, resolution, dispatched_at) index stays
 * for the trend, whose year-long range reads less of it.
 */
const d = 'dispatched_at IS NOT NULL'
const r = `(${d} AND replied_at IS NOT NULL AND replied_at >= dispatched_at)`
const cb = `(${r} AND last_satisfaction IS NOT NULL)`
const GOOD = `('satisfied', 'basically_satisfied')`
/** Bit → condition, as `COUNTERS` orders them (7, `due`, is computed by each report). */
const FLAGS: [number, string][] = [
  [0, '1'],
  [1, `resolution = 'answered'`],
  [2, `type = 'consultation'`],
  [3, `type = 'consultation' AND resolution = 'answered'`],
  [4, `resolution = 'not_accepted'`],
  [5, d],
  [6, r],
  [8, `${r} AND due_at IS NOT NULL AND replied_at <= due_at`],
  [9, `${d} AND returns > 0`],
  [10, `${d} AND extensions > 0`],
  [11, cb],
  [12, `${cb} AND last_satisfaction <> 'unreachable'`],
  [13, `${cb} AND last_satisfaction IN ${GOOD}`],
  [14, `resolution = 'answered' AND answer_rating IS NOT NULL AND answer_rating <> 'unreachable'`],
  [15, `resolution = 'answered' AND answer_rating IN ${GOOD}`],
  [16, 'solved IS NOT NULL'],
  [17, 'solved = 1'],
  [18, `${cb} AND reopens > 0`],
]

export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`work_orders\` ADD \`report_flags\` numeric DEFAULT 0;`)
  const flags = FLAGS.map(([bit, condition]) => `(CASE WHEN ${condition} THEN ${2 ** bit} ELSE 0 END)`).join(' + ')
  await db.run(sql.raw(`UPDATE \`work_orders\` SET \`report_flags\` = ${flags};`))
  await db.run(
    sql`CREATE INDEX \`compound_index_idx\` ON \`work_orders\` (\`created_at\`,\`state\`,\`resolution\`,\`dispatched_at\`,\`replied_at\`,\`due_at\`,\`type\`,\`channel\`,\`district\`,\`unit_id\`,\`category_id\`,\`explanation_accepted\`,\`report_flags\`,\`address\`);`,
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`compound_index_idx\`;`)
  await db.run(sql`ALTER TABLE \`work_orders\` DROP COLUMN \`report_flags\`;`)
}
