/**
 * The report counters on MongoDB: aggregation pipelines over the `work-orders` model of the adapter.
 * Dates are BSON dates there; `{ $gt: [x, null] }` means "set". A row's flags are the pipeline form of
 * `orderCounts` in src/domain/workOrders/reports.ts (tests/db-conformance checks them against it).
 */
import type { Payload } from 'payload'

import type { SuggestionOutcome } from '../domain/intake/suggestionAccuracy'
import { COUNTERS, type Counter, type GroupKey, SLICES, type Slice } from '../domain/workOrders/reports'
import type { ReportScope, ReportStore } from './reportStore'

type Model = { aggregate<T>(pipeline: object[]): Promise<T[]> }
type Expr = Record<string, unknown> | string | number | boolean | null

const TZ = 'Asia/Shanghai'
const set = (field: string): Expr => ({ $gt: [field, null] })
const all = (...conditions: Expr[]): Expr => ({ $and: conditions })
const GOOD = ['satisfied', 'basically_satisfied']
const idString = (field: string): Expr => ({ $cond: [set(field), { $toString: field }, null] })

function match(s: ReportScope): object {
  const m: Record<string, unknown> = { createdAt: { $gte: s.from, $lt: s.to }, state: { $ne: 'split' } }
  if (s.type) m.type = s.type
  if (s.district) m.district = s.district
  const ids: Expr[] = []
  if (s.units) ids.push({ $in: [idString('$unit'), s.units.map(String)] })
  if (s.categories) ids.push({ $in: [idString('$category'), s.categories.map(String)] })
  if (ids.length) m.$expr = all(...ids)
  return { $match: m }
}

const dispatched = set('$dispatchedAt')
const replied = all(dispatched, set('$repliedAt'), { $gte: ['$repliedAt', '$dispatchedAt'] })

/** Adds `d` dispatched, `r` replied in the current round and `cb` called back. */
const stages = [
  { $addFields: { d: dispatched, r: replied } },
  { $addFields: { cb: all('$r', set('$lastSatisfaction')) } },
]

const flag = (now: Date): Record<Counter, Expr> => ({
  volume: true,
  answered: { $eq: ['$resolution', 'answered'] },
  consultations: { $eq: ['$type', 'consultation'] },
  answeredConsultations: all({ $eq: ['$type', 'consultation'] }, { $eq: ['$resolution', 'answered'] }),
  notAccepted: { $eq: ['$resolution', 'not_accepted'] },
  dispatched: '$d',
  replied: '$r',
  due: all('$d', set('$dueAt'), { $or: ['$r', { $lt: ['$dueAt', now] }] }),
  onTime: all('$r', set('$dueAt'), { $lte: ['$repliedAt', '$dueAt'] }),
  returned: all('$d', { $gt: ['$returns', 0] }),
  extended: all('$d', { $gt: ['$extensions', 0] }),
  calledBack: '$cb',
  evaluated: all('$cb', { $ne: ['$lastSatisfaction', 'unreachable'] }),
  satisfied: all('$cb', { $in: ['$lastSatisfaction', GOOD] }),
  answerEvaluated: all({ $eq: ['$resolution', 'answered'] }, set('$answerRating'), {
    $ne: ['$answerRating', 'unreachable'],
  }),
  answerSatisfied: all({ $eq: ['$resolution', 'answered'] }, { $in: ['$answerRating', GOOD] }),
  solvedAsked: { $in: ['$solved', [true, false]] },
  solved: { $eq: ['$solved', true] },
  reopened: all('$cb', { $gt: ['$reopens', 0] }),
})

const day = (field: string): Expr => ({ $dateToString: { format: '%Y-%m-%d', date: field, timezone: TZ } })
const count = (condition: Expr) => ({ $sum: { $cond: [condition, 1, 0] } })

export function mongoReportStore(payload: Payload): ReportStore {
  const model = (payload.db as unknown as { collections: Record<string, Model> }).collections['work-orders']
  return {
    async groups(s, now) {
      // Each order's dimensions and flags once, then one $group per slice (see SLICES).
      const f = flag(now)
      const dimensions: Record<Slice, Expr> = {
        unit: idString('$unit'),
        type: '$type',
        channel: { $ifNull: ['$channel', null] },
        district: { $cond: [{ $gt: ['$district', ''] }, '$district', null] },
        category: idString('$category'),
      }
      const [facets] = await model.aggregate<Record<Slice, ({ _id: GroupKey } & Record<Counter, number>)[]>>([
        match(s),
        ...stages,
        {
          $project: {
            ...dimensions,
            explained: { $eq: ['$explanationAccepted', true] },
            ...Object.fromEntries(COUNTERS.map((c) => [c, { $cond: [f[c], 1, 0] }])),
          },
        },
        {
          $facet: Object.fromEntries(
            SLICES.map((slice) => [
              slice,
              [
                {
                  $group: {
                    _id: {
                      slice: { $literal: slice },
                      value: `$${slice}`,
                      explained: slice === 'unit' ? '$explained' : { $literal: false },
                    },
                    ...Object.fromEntries(COUNTERS.map((c) => [c, { $sum: `$${c}` }])),
                  },
                },
              ],
            ]),
          ),
        },
      ])
      return SLICES.flatMap((slice) => facets?.[slice] ?? []).map(({ _id, ...counts }) => ({ ..._id, ...counts }))
    },

    async handling(s) {
      const rows = await model.aggregate<{
        _id: { unit: string | null; dispatchDay: string; replyDay: string }
        count: number
      }>([
        match(s),
        { $match: { $expr: replied } },
        {
          $group: {
            _id: { unit: idString('$unit'), dispatchDay: day('$dispatchedAt'), replyDay: day('$repliedAt') },
            count: { $sum: 1 },
          },
        },
      ])
      return rows.map(({ _id, count: n }) => ({ ..._id, count: n }))
    },

    async addresses(s, n) {
      const rows = await model.aggregate<{ _id: string; count: number }>([
        match(s),
        { $match: { address: { $nin: [null, ''] } } },
        { $group: { _id: '$address', count: { $sum: 1 } } },
        { $sort: { count: -1, _id: 1 } },
        { $limit: n },
      ])
      return rows.map((r) => ({ name: r._id, count: r.count }))
    },

    async days(s) {
      const rows = await model.aggregate<{ _id: string; volume: number; answered: number; dispatched: number }>([
        match(s),
        {
          $group: {
            _id: day('$createdAt'),
            volume: { $sum: 1 },
            answered: count({ $eq: ['$resolution', 'answered'] }),
            dispatched: count(dispatched),
          },
        },
        { $sort: { _id: 1 } },
      ])
      return rows.map(({ _id, ...c }) => ({ day: _id, ...c }))
    },

    async suggestionOutcomes(from) {
      const rows = await model.aggregate<{ _id: Omit<SuggestionOutcome, 'count'>; count: number }>([
        {
          $match: {
            createdAt: { $gte: from },
            $or: [{ suggestedCategory: { $ne: null } }, { suggestedUnit: { $ne: null } }],
          },
        },
        {
          $group: {
            _id: {
              month: { $dateToString: { format: '%Y-%m', date: '$createdAt', timezone: TZ } },
              suggestedCategory: idString('$suggestedCategory'),
              category: { $cond: [{ $eq: ['$state', 'closed'] }, idString('$category'), null] },
              unitRight: {
                $cond: [
                  all(set('$suggestedUnit'), set('$unit')),
                  { $eq: [{ $toString: '$suggestedUnit' }, { $toString: '$unit' }] },
                  null,
                ],
              },
            },
            count: { $sum: 1 },
          },
        },
      ])
      return rows.map(({ _id, count: n }) => ({ ..._id, count: n }))
    },
  }
}
