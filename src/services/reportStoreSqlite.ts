/**
 * The report counters on SQLite: GROUP BY over `work_orders` through the adapter's own drizzle
 * instance. Dates are ISO strings there, so comparing them as text compares the instants; a row's
 * flags are `reportFlags` of src/domain/workOrders/reports.ts, stored with the order, and `due`.
 */
import { type SQLiteAdapter, sql } from '@payloadcms/db-sqlite'
import type { Payload } from 'payload'

import type { SuggestionOutcome } from '../domain/intake/suggestionAccuracy'
import { shanghaiDateString, startOfShanghaiDay } from '../domain/shanghaiTime'
import { COUNTERS, type Counter, type DayRow, type ReportGroup, type Slice } from '../domain/workOrders/reports'
import type { ReportScope, ReportStore } from './reportStore'

type SQL = ReturnType<typeof sql>
type Db = { all<T>(query: SQL): Promise<T[]> }

const inList = (column: SQL, values: readonly (string | number)[]) =>
  values.length
    ? sql`${column} IN (${sql.join(
        values.map((v) => sql`${Number(v)}`),
        sql`, `,
      )})`
    : sql`0`

function where(s: ReportScope): SQL {
  const parts: SQL[] = [
    sql`created_at >= ${s.from.toISOString()}`,
    sql`created_at < ${s.to.toISOString()}`,
    sql`(state IS NULL OR state <> 'split')`,
  ]
  if (s.type) parts.push(sql`type = ${s.type}`)
  if (s.district) parts.push(sql`district = ${s.district}`)
  if (s.units) parts.push(inList(sql`unit_id`, s.units))
  if (s.categories) parts.push(inList(sql`category_id`, s.categories))
  return sql.join(parts, sql` AND `)
}

const DAY_MS = 86_400_000
const bit = (c: Counter) => 2 ** COUNTERS.indexOf(c)

/**
 * A row's flags: those stored with the order (`report_flags`, see `reportFlags`) and `due`, which
 * depends on the time of the report: dispatched, a deadline, and replied or the deadline passed.
 */
const flags = (now: string) => {
  const [dispatched, replied, due] = (['dispatched', 'replied', 'due'] as const).map((c) => sql.raw(String(bit(c))))
  return sql`(COALESCE(report_flags, 0) | CASE WHEN report_flags & ${dispatched} AND due_at IS NOT NULL
    AND (report_flags & ${replied} OR due_at < ${now}) THEN ${due} ELSE 0 END)`
}

/**
 * The slices grouped together in one sort of the period: within a bundle, the combinations of values
 * (with the flags) stay far fewer than the period's orders, so each slice sums a small table.
 */
const BUNDLES: readonly (readonly Slice[])[] = [
  ['unit', 'category'],
  ['type', 'channel', 'district'],
]

const idOrNull = (v: unknown) => (v === null || v === undefined ? null : String(v))

export function sqliteReportStore(payload: Payload): ReportStore {
  const db = (payload.db as unknown as SQLiteAdapter).drizzle as unknown as Db
  return {
    async groups(s, now) {
      // Each order's dimensions and its flags (stored with the order, and `due`), once: a temporary
      // table of the period, read from the covering report index. Then the orders counted by
      // (dimensions, flags) in two bundles whose combinations stay few — (unit, category, explained)
      // and (type, channel, district): two sorts of the period instead of one per slice; each slice
      // sums a bundle's counts, and the counters come from those: a hundred rows or so come back, not
      // one per combination of dimensions.
      const sums = sql.join(
        COUNTERS.map((c, bit) => sql`TOTAL(n * ((flags >> ${sql.raw(String(bit))}) & 1)) AS ${sql.identifier(c)}`),
        sql`, `,
      )
      const bundles = BUNDLES.map((bundle, i) => {
        const columns = sql.join(
          [...bundle, ...(bundle.includes('unit') ? ['explained'] : []), 'flags'].map((c) => sql.identifier(c)),
          sql`, `,
        )
        return sql`${sql.identifier(`bundle${i}`)} AS MATERIALIZED (
          SELECT ${columns}, COUNT(*) AS n FROM period GROUP BY ${columns}
        )`
      })
      const selects = BUNDLES.flatMap((bundle, i) =>
        bundle.map(
          (slice) => sql`SELECT ${slice} AS slice, value, explained, ${sums} FROM (
            SELECT ${sql.identifier(slice)} AS value, ${slice === 'unit' ? sql`explained` : sql`0`} AS explained,
              flags, SUM(n) AS n
            FROM ${sql.identifier(`bundle${i}`)} GROUP BY 1, 2, 3
          ) GROUP BY 2, 3`,
        ),
      )
      const rows = await db.all<Record<string, unknown>>(sql`
        WITH period AS MATERIALIZED (
          SELECT unit_id AS unit, type, channel, NULLIF(district, '') AS district, category_id AS category,
            COALESCE(explanation_accepted, 0) AS explained, ${flags(now.toISOString())} AS flags
          FROM work_orders WHERE ${where(s)}
        ), ${sql.join(bundles, sql`, `)}
        ${sql.join(selects, sql` UNION ALL `)}`)
      return rows.map(
        (row) =>
          ({
            slice: row.slice as Slice,
            value: idOrNull(row.value),
            explained: Boolean(Number(row.explained)),
            ...Object.fromEntries(COUNTERS.map((c) => [c, Number(row[c] ?? 0)])),
          }) as ReportGroup,
      )
    },

    async handling(s) {
      // Thousands of (unit, day, day) rows: one JSON array comes back instead, since the client's cost
      // per row (an object per row, a property per column) outweighed the grouping itself.
      const [row] = await db.all<{ pairs: string | null }>(sql`
        SELECT json_group_array(json_array(unit, dispatchDay, replyDay, count)) AS pairs FROM (
          SELECT unit_id AS unit, date(dispatched_at, '+8 hours') AS dispatchDay,
            date(replied_at, '+8 hours') AS replyDay, COUNT(*) AS count
          FROM work_orders
          WHERE ${where(s)} AND dispatched_at IS NOT NULL AND replied_at IS NOT NULL AND replied_at >= dispatched_at
          GROUP BY 1, 2, 3
        )`)
      const pairs = JSON.parse(row?.pairs ?? '[]') as [unknown, string, string, number][]
      return pairs.map(([unit, dispatchDay, replyDay, count]) => ({
        unit: idOrNull(unit),
        dispatchDay,
        replyDay,
        count,
      }))
    },

    async addresses(s, n) {
      const rows = await db.all<{ name: string; count: number }>(sql`
        SELECT address AS name, COUNT(*) AS count FROM work_orders
        WHERE ${where(s)} AND address IS NOT NULL AND address <> ''
        GROUP BY address ORDER BY count DESC, address LIMIT ${n}`)
      return rows.map((r) => ({ name: r.name, count: Number(r.count) }))
    },

    async days(s) {
      // One aggregate per Shanghai day over a range of the (created_at, state, resolution, dispatched_at)
      // index: no row is read from the table and nothing is sorted, unlike a GROUP BY on a computed day.
      const ranges: { day: string; from: Date; to: Date }[] = []
      for (let t = startOfShanghaiDay(s.from).getTime(); t < s.to.getTime(); t += DAY_MS) {
        const from = new Date(Math.max(t, s.from.getTime()))
        ranges.push({ day: shanghaiDateString(from), from, to: new Date(Math.min(t + DAY_MS, s.to.getTime())) })
      }
      const rows: DayRow[] = []
      // SQLite allows 500 terms in a compound SELECT.
      for (let i = 0; i < ranges.length; i += 400) {
        const selects = ranges.slice(i, i + 400).map(
          (r) => sql`SELECT ${r.day} AS day, COUNT(*) AS volume, TOTAL(resolution = 'answered') AS answered,
            TOTAL(dispatched_at IS NOT NULL) AS dispatched FROM work_orders WHERE ${where({ ...s, ...r })}`,
        )
        rows.push(...(await db.all<DayRow>(sql.join(selects, sql` UNION ALL `))))
      }
      return rows
        .filter((r) => Number(r.volume) > 0)
        .map((r) => ({
          day: r.day,
          volume: Number(r.volume),
          answered: Number(r.answered),
          dispatched: Number(r.dispatched),
        }))
    },

    async suggestionOutcomes(from) {
      const rows = await db.all<{
        month: string
        suggested: unknown
        category: unknown
        unitRight: unknown
        count: number
      }>(sql`
        SELECT strftime('%Y-%m', created_at, '+8 hours') AS month, suggested_category_id AS suggested,
          CASE WHEN state = 'closed' THEN category_id END AS category,
          CASE WHEN suggested_unit_id IS NOT NULL AND unit_id IS NOT NULL THEN suggested_unit_id = unit_id END AS unitRight,
          COUNT(*) AS count
        FROM work_orders
        WHERE created_at >= ${from.toISOString()} AND (suggested_category_id IS NOT NULL OR suggested_unit_id IS NOT NULL)
        GROUP BY 1, 2, 3, 4`)
      return rows.map((r): SuggestionOutcome => ({
        month: r.month,
        suggestedCategory: idOrNull(r.suggested),
        category: idOrNull(r.category),
        unitRight: r.unitRight === null || r.unitRight === undefined ? null : Boolean(Number(r.unitRight)),
        count: Number(r.count),
      }))
    },
  }
}
