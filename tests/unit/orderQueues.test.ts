/** The desks' queues: who works at which desk, the queue's query on the visibility rule, and how deadlines read. */
import { OFFICIAL_DAYS } from '../../src/domain/calendar/officialHolidays'
import { calendarOf } from '../../src/domain/calendar/workCalendar'
import {
  ageText,
  countdown,
  desksOf,
  pageNumber,
  queueDef,
  queuesOf,
  queueWhere,
} from '../../src/domain/workOrders/orderQueues'

const calendar = calendarOf(OFFICIAL_DAYS)
// Wednesday 2026-11-25, 10:00 in Shanghai.
const NOW = new Date('2026-11-25T10:00:00+08:00')
const dispatcher = { id: 2, roles: ['dispatcher' as const] }
const handler = { id: 3, roles: ['unit-handler' as const], unit: 7 }
const editor = { id: 4, roles: ['unit-editor' as const], unit: 7 }

describe('desks and queues', () => {
  it('puts each role at its desk', () => {
    expect(desksOf(dispatcher)).toEqual(['dispatch'])
    expect(desksOf(handler)).toEqual(['unit'])
    expect(desksOf(editor)).toEqual([])
    expect(desksOf({ id: 1, roles: ['admin'] })).toEqual(['dispatch'])
    expect(queuesOf('dispatch').map((q) => q.key)).toEqual([
      'intake',
      'consulting',
      'return',
      'extension',
      'callback',
      'called_back',
      'explanation',
    ])
  })

  it('gives the hotline every order of a state, and a unit only its own', () => {
    expect(queueWhere('return', dispatcher, NOW)).toEqual({ and: [{ state: { in: ['return_requested'] } }] })
    expect(queueWhere('sign', handler, NOW)).toEqual({
      and: [
        { state: { in: ['dispatched'] } },
        { or: [{ unit: { equals: 7 } }, { subUnit: { equals: 7 } }, { consultUnits: { in: [7] } }] },
      ],
    })
  })

  it('refuses a queue of another desk, and anyone without a desk', () => {
    expect(queueWhere('intake', handler, NOW)).toBeNull()
    expect(queueWhere('sign', dispatcher, NOW)).toBeNull()
    expect(queueWhere('sign', editor, NOW)).toBeNull()
    expect(queueWhere('intake', null, NOW)).toBeNull()
    expect(queueDef('nonsense')).toBeUndefined()
  })

  it('lists as due what falls due before the end of today in Shanghai', () => {
    const where = queueWhere('due', handler, NOW) as { and: Record<string, unknown>[] }
    expect(where.and).toContainEqual({ dueAt: { less_than: '2026-11-25T16:00:00.000Z' } })
  })

  it('lists unaccepted explanations only', () => {
    const where = queueWhere('explanation', dispatcher, NOW) as { and: Record<string, unknown>[] }
    expect(where.and).toContainEqual({ explanation: { exists: true } })
    expect(where.and).toContainEqual({ explanationAccepted: { not_equals: true } })
  })
})

describe('how a deadline reads', () => {
  it('counts working days left, skipping the weekend', () => {
    // Due at the end of Tuesday 2026-12-01: Thursday, Friday, Monday and Tuesday are left.
    const due = new Date('2026-12-02T00:00:00+08:00')
    expect(countdown(due, NOW, calendar)).toEqual({
      status: 'on_time',
      text: '剩余 4 个工作日',
      at: '2026-12-01 23:59',
    })
  })

  it('says due today with the time, and overdue in working days', () => {
    expect(countdown(new Date('2026-11-25T17:00:00+08:00'), NOW, calendar)).toEqual({
      status: 'due_today',
      text: '今日 17:00 到期',
      at: '2026-11-25 17:00',
    })
    expect(countdown(new Date('2026-11-25T09:00:00+08:00'), NOW, calendar).text).toBe('已超期')
    // Due the Thursday before: Friday, Monday and Tuesday have passed since.
    expect(countdown(new Date('2026-11-19T18:00:00+08:00'), NOW, calendar)).toMatchObject({
      status: 'overdue',
      text: '已超期 3 个工作日',
    })
  })

  it('counts hours when the deadline is less than a day away on another day', () => {
    const lateEvening = new Date('2026-11-30T21:55:00+08:00')
    expect(countdown(new Date('2026-12-01T01:55:00+08:00'), lateEvening, calendar)).toEqual({
      status: 'on_time',
      text: '剩余 4 小时',
      at: '2026-12-01 01:55',
    })
  })

  it('shows a working-day deadline as the end of its day, never as midnight of the next', () => {
    expect(countdown(new Date('2026-11-26T00:00:00+08:00'), NOW, calendar)).toMatchObject({
      status: 'due_today',
      at: '2026-11-25 23:59',
    })
  })

  it('says how long an order has waited', () => {
    expect(ageText(new Date('2026-11-25T09:25:00+08:00'), NOW)).toBe('35 分钟')
    expect(ageText(new Date('2026-11-25T06:40:00+08:00'), NOW)).toBe('3 小时 20 分')
    expect(ageText(new Date('2026-11-23T06:00:00+08:00'), NOW)).toBe('2 天 4 小时')
    expect(ageText(new Date('2026-11-25T11:00:00+08:00'), NOW)).toBe('0 分钟')
  })

  it('reads a page number, and page 1 for anything else', () => {
    expect(pageNumber('3')).toBe(3)
    expect(pageNumber(['2', '5'])).toBe(2)
    for (const bad of [undefined, '', '0', '-1', '1.5', 'x', '99999999']) expect(pageNumber(bad)).toBe(1)
  })
})
