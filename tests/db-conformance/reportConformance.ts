/**
 * The database report path against the pure one: the hand-computed fixture stored as work orders,
 * then the figures, ranking and trend from the database's aggregation must equal the in-memory
 * functions' on the same orders. Shared by the SQLite test and the MongoDB conformance test.
 */
import type { Payload } from 'payload'

import {
  groupOrders,
  type ReportGroup,
  type ReportOrder,
  SLICES,
  summarize,
  trend,
  unitRanking,
} from '../../src/domain/workOrders/reports'
import { reportStore } from '../../src/services/reportStore'
import { loadCalendar } from '../../src/services/supervision'
import { reportSummary, reportTrend } from '../../src/services/workOrderReports'
import { FIXTURE, now } from '../helpers/reportFixture'

const from = new Date('2026-11-01T00:00:00+08:00')
const to = new Date('2026-12-01T00:00:00+08:00')

/** Stores the fixture (units 甲/乙 coded RA/RB, categories by name); a return request is a timeline step, counted in `returns`. */
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
        returns: returned ? 1 : 0,
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
  // Every counted order once in each slice.
  for (const slice of SLICES)
    expect(groups.filter((g) => g.slice === slice).reduce((s, g) => s + g.volume, 0)).toBe(
      orders.filter((o) => o.state !== 'split').length,
    )
  const masked = (g: ReportGroup) =>
    g.slice === 'unit' || g.slice === 'category' ? { ...g, value: g.value && 'id' } : g
  expect(sorted(groups.map(masked))).toEqual(sorted(groupOrders(orders, now).map(masked)))

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

/**
 * Intake suggestion outcomes grouped by the database equal those grouped here from the same orders:
 * Shanghai months (an order at 2026-08-31 20:00 UTC is September), only closed orders' categories, the
 * unit match only when both units are set. Needs `storeFixture` first (its units and categories).
 */
export async function expectSameSuggestionOutcomes(payload: Payload) {
  const byCode = async (collection: 'units' | 'categories', code: string) =>
    (await payload.find({ collection, where: { code: { equals: code } }, depth: 0 })).docs[0].id
  const [a, b] = [await byCode('units', 'RA'), await byCode('units', 'RB')]
  const [sz, hb] = [await byCode('categories', 'R-SZ'), await byCode('categories', 'R-HB')]
  const orders = [
    {
      createdAt: '2026-08-05T02:00:00.000Z',
      state: 'closed',
      suggestedCategory: sz,
      category: sz,
      suggestedUnit: a,
      unit: a,
    },
    {
      createdAt: '2026-08-06T02:00:00.000Z',
      state: 'closed',
      suggestedCategory: sz,
      category: hb,
      suggestedUnit: a,
      unit: b,
    },
    {
      createdAt: '2026-08-31T20:00:00.000Z',
      state: 'closed',
      suggestedCategory: hb,
      category: hb,
      suggestedUnit: b,
      unit: b,
    },
    {
      createdAt: '2026-09-02T02:00:00.000Z',
      state: 'accepted',
      suggestedCategory: hb,
      category: hb,
      suggestedUnit: a,
      unit: a,
    },
    {
      createdAt: '2026-09-03T02:00:00.000Z',
      state: 'intake',
      suggestedCategory: sz,
      category: null,
      suggestedUnit: a,
      unit: null,
    },
    // Before the period, and without suggestions: left out.
    {
      createdAt: '2026-06-30T02:00:00.000Z',
      state: 'closed',
      suggestedCategory: sz,
      category: sz,
      suggestedUnit: a,
      unit: a,
    },
    {
      createdAt: '2026-09-04T02:00:00.000Z',
      state: 'closed',
      suggestedCategory: null,
      category: sz,
      suggestedUnit: null,
      unit: a,
    },
  ]
  for (const [i, o] of orders.entries())
    await payload.create({
      collection: 'work-orders',
      data: { ...o, number: `SUG-${i}`, type: 'complaint', title: '建议准确率', content: '建议准确率' } as never,
    })
  const str = (v: unknown) => (v === null || v === undefined ? null : String(v))
  const expected = new Map<string, { count: number } & Record<string, unknown>>()
  for (const o of orders.slice(0, 5)) {
    const row = {
      month: o.createdAt < '2026-08-31T16:00:00.000Z' ? '2026-08' : '2026-09',
      suggestedCategory: str(o.suggestedCategory),
      category: o.state === 'closed' ? str(o.category) : null,
      unitRight: o.suggestedUnit && o.unit ? String(o.suggestedUnit) === String(o.unit) : null,
    }
    const key = JSON.stringify(row)
    expected.set(key, { ...row, count: (expected.get(key)?.count ?? 0) + 1 })
  }
  const stored = await reportStore(payload).suggestionOutcomes(new Date('2026-08-01T00:00:00+08:00'))
  expect(sorted(stored.filter((r) => r.suggestedCategory !== null || r.unitRight !== null))).toEqual(
    sorted([...expected.values()]),
  )
}
