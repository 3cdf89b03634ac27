/**
 * The database report path against the pure one: the hand-computed fixture stored as work orders,
 * then the figures, ranking and trend from the database's aggregation must equal the in-memory
 * functions' on the same orders. Shared by the SQLite test and the MongoDB conformance test.
 */
import type { Payload } from 'payload'

import { groupOrders, type ReportOrder, summarize, trend, unitRanking } from '../../src/domain/workOrders/reports'
import { reportStore } from '../../src/services/reportStore'
import { loadCalendar } from '../../src/services/supervision'
import { reportSummary, reportTrend } from '../../src/services/workOrderReports'
import { FIXTURE, now } from '../helpers/reportFixture'

const from = new Date('2026-11-01T00:00:00+08:00')
const to = new Date('2026-12-01T00:00:00+08:00')

/** Stores the fixture (units 甲/乙 coded RA/RB, categories by name); a return request is a timeline step. */
export async function storeFixture(payload: Payload) {
  const ids = new Map<string, string | number>()
  for (const [name, code] of [
    ['甲', 'RA'],
    ['乙', 'RB'],
  ]) {
    ids.set(`unit:${name}`, (await payload.create({ collection: 'units', data: { name, code, kind: 'other' } })).id)
  }
  for (const [name, code] of [
    ['市政', 'R-SZ'],
    ['环保', 'R-HB'],
    ['社保', 'R-SB'],
  ]) {
    ids.set(`category:${name}`, (await payload.create({ collection: 'categories', data: { name, code } })).id)
  }
  for (const [i, o] of FIXTURE.entries()) {
    const { returned, unit, category, number, ...fields } = o
    await payload.create({
      collection: 'work-orders',
      data: {
        ...fields,
        number: `RPT-${number ?? i}`,
        title: '报表工单',
        content: '报表一致性',
        unit: unit ? ids.get(`unit:${unit}`) : undefined,
        category: category ? ids.get(`category:${category}`) : undefined,
        timeline: returned ? [{ at: o.dispatchedAt, action: 'request-return' }] : [],
      } as never,
    })
  }
}

const sorted = <T>(rows: T[]) => [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))

export async function expectSameFigures(payload: Payload, orders: readonly ReportOrder[] = FIXTURE) {
  const calendar = await loadCalendar(payload)
  const stored = await payload.find({ collection: 'work-orders', where: { number: { like: 'RPT-' } }, limit: 0 })
  expect(stored.totalDocs).toBe(FIXTURE.length)
  expect(new Date(stored.docs.find((d) => d.number === 'RPT-C3')!.createdAt).toISOString()).toBe(
    '2026-11-22T17:30:00.000Z',
  )

  // Counters, group by group (the store returns ids; only whether a unit or category is set is compared here).
  const groups = await reportStore(payload).groups({ from, to }, now)
  expect(groups.reduce((s, g) => s + g.volume, 0)).toBe(orders.filter((o) => o.state !== 'split').length)
  expect(sorted(groups.map((g) => ({ ...g, unit: g.unit && 'u', category: g.category && 'c' })))).toEqual(
    sorted(groupOrders(orders, now).map((g) => ({ ...g, unit: g.unit && 'u', category: g.category && 'c' }))),
  )

  // Figures, breakdowns, ranking and trend through the service, against the pure functions.
  const { summary, ranking } = await reportSummary(payload, { from, to }, now)
  expect(summary).toEqual(summarize(orders, now, calendar, 0))
  expect(ranking).toEqual(unitRanking(orders, now, calendar))
  expect(await reportTrend(payload, { from, to }, 'day')).toEqual(trend(orders, 'day'))
  expect(await reportTrend(payload, { from, to }, 'week')).toEqual(trend(orders, 'week'))

  // Filters: one unit, one category, one type.
  const only = (keep: (o: ReportOrder) => boolean) => orders.filter(keep)
  expect((await reportSummary(payload, { from, to, unit: 'RA' }, now)).summary).toEqual(
    summarize(
      only((o) => o.unit === '甲'),
      now,
      calendar,
      0,
    ),
  )
  expect((await reportSummary(payload, { from, to, category: '环保' }, now)).summary).toEqual(
    summarize(
      only((o) => o.category === '环保'),
      now,
      calendar,
      0,
    ),
  )
  expect((await reportSummary(payload, { from, to, type: 'help' }, now)).ranking).toEqual(
    unitRanking(
      only((o) => o.type === 'help'),
      now,
      calendar,
    ),
  )
}
