/** Work orders whose report figures are counted by hand in tests/unit/workOrderReports.test.ts. */
import { OFFICIAL_DAYS } from '../../src/domain/calendar/officialHolidays'
import { calendarOf } from '../../src/domain/calendar/workCalendar'
import type { ReportOrder } from '../../src/domain/workOrders/reports'

export const now = new Date('2026-11-30T12:00:00+08:00')
export const calendar = calendarOf(OFFICIAL_DAYS)
const sh = (local: string) => new Date(`${local}+08:00`).toISOString()
const order = (over: Partial<ReportOrder>): ReportOrder => ({
  state: 'closed',
  type: 'help',
  channel: 'phone',
  createdAt: '2026-11-20T02:00:00.000Z',
  ...over,
})

/** Nine counted orders and a split parent; every figure below is counted by hand. */
export const FIXTURE: ReportOrder[] = [
  // Consultation answered directly, rated at a sampled callback: satisfied, solved.
  order({
    number: 'A1',
    type: 'consultation',
    resolution: 'answered',
    category: '社保',
    answerRating: 'satisfied',
    solved: true,
  }),
  order({ number: 'A2', resolution: 'not_accepted', channel: 'web' }),
  // A consultation still at intake: counts against first-contact resolution.
  order({ number: 'A3', type: 'consultation', state: 'intake' }),
  // 甲, dispatched Friday, replied Wednesday (3 working days), on time, satisfied and solved.
  order({
    number: 'B1',
    unit: '甲',
    category: '市政',
    address: '幸福路1号',
    district: '东城区',
    resolution: 'handled',
    dispatchedAt: sh('2026-11-20T11:00:00'),
    repliedAt: sh('2026-11-25T11:00:00'),
    dueAt: '2026-11-27T15:59:59.999Z',
    lastSatisfaction: 'satisfied',
    solved: true,
  }),
  // 甲, return requested, replied late on Thursday (4 working days), dissatisfied, unsolved, reopened once.
  order({
    number: 'B2',
    type: 'complaint',
    channel: 'wechat',
    unit: '甲',
    category: '市政',
    address: '幸福路1号',
    district: '东城区',
    state: 'called_back',
    dispatchedAt: sh('2026-11-20T11:00:00'),
    repliedAt: sh('2026-11-26T11:00:00'),
    dueAt: '2026-11-24T15:59:59.999Z',
    returned: true,
    lastSatisfaction: 'dissatisfied',
    solved: false,
    reopens: 1,
  }),
  // 乙, extended, not replied and past its deadline: overdue although never replied.
  order({
    number: 'C1',
    unit: '乙',
    category: '环保',
    district: '西城区',
    state: 'accepted',
    createdAt: '2026-11-23T02:00:00.000Z',
    dispatchedAt: sh('2026-11-23T11:00:00'),
    dueAt: '2026-11-28T15:59:59.999Z',
    extensions: 1,
  }),
  // 乙, replied the next working day, claimant unreachable at callback.
  order({
    number: 'C2',
    channel: 'sms',
    unit: '乙',
    category: '环保',
    state: 'called_back',
    createdAt: '2026-11-23T02:00:00.000Z',
    dispatchedAt: sh('2026-11-23T11:00:00'),
    repliedAt: sh('2026-11-24T11:00:00'),
    dueAt: '2026-12-05T15:59:59.999Z',
    lastSatisfaction: 'unreachable',
  }),
  // 乙, open and not yet due: outside the on-time denominator. Created 01:30 Shanghai on the 23rd.
  order({
    number: 'C3',
    unit: '乙',
    category: '环保',
    state: 'accepted',
    createdAt: '2026-11-22T17:30:00.000Z',
    dispatchedAt: sh('2026-11-27T11:00:00'),
    dueAt: '2026-12-11T15:59:59.999Z',
  }),
  // 乙, reopened after a dissatisfied callback: its old reply does not count for the new round.
  order({
    number: 'R1',
    unit: '乙',
    category: '市政',
    state: 'accepted',
    createdAt: '2026-11-23T02:00:00.000Z',
    dispatchedAt: sh('2026-11-26T11:00:00'),
    repliedAt: sh('2026-11-24T11:00:00'),
    dueAt: '2026-12-10T15:59:59.999Z',
    lastSatisfaction: 'dissatisfied',
    reopens: 1,
  }),
  order({ number: 'P', state: 'split', dispatchedAt: sh('2026-11-20T11:00:00') }),
]
