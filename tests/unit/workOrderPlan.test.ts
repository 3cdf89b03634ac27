/** planOrderAction, action by action, on the official calendar; and the calendar the law gives for any year. */
import { OFFICIAL_DAYS } from '../../src/domain/calendar/officialHolidays'
import { statutoryHolidays } from '../../src/domain/calendar/statutoryHolidays'
import { calendarOf, isWorkingDay, workingTimeBetween } from '../../src/domain/calendar/workCalendar'
import { queueMark } from '../../src/domain/workOrders/clocks'
import { isCreditCode } from '../../src/domain/workOrders/creditCode'
import { arrangementMissingFor } from '../../src/domain/workOrders/deadlines'
import type { OrderAction, OrderState } from '../../src/domain/workOrders/orderFlow'
import {
  type ActionInput,
  type OrderSnapshot,
  planIntake,
  planOrderAction,
  type PlanFacts,
} from '../../src/domain/workOrders/orderPlan'
import { DEFAULT_SLA_RULES } from '../../src/domain/workOrders/orderTypes'
import { canSeeOrder, mayUnmask, visibleDuplicates } from '../../src/domain/workOrders/visibility'

const calendar = calendarOf(OFFICIAL_DAYS)
const limits = { rules: DEFAULT_SLA_RULES, calendar }
const end = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString()
const NOW = new Date('2026-11-25T10:00:00+08:00')
const dispatcher = { id: 2, roles: ['dispatcher' as const], name: '派单员' }
const handler = { id: 3, roles: ['unit-handler' as const], unit: 7, name: '承办人' }
const child = { id: 9, code: 'A1', name: '甲局下属街道', parent: 7 }
const unitA = { id: 7, code: 'A', name: '甲局' }
const unitB = { id: 8, code: 'B', name: '乙局' }

const order = (over: Partial<OrderSnapshot> = {}): OrderSnapshot => ({
  id: 1,
  number: 'GD20261125000001',
  state: 'intake',
  type: 'help',
  title: '路灯损坏',
  content: '幸福小区路灯损坏',
  category: 5,
  createdAt: NOW.toISOString(),
  unit: 7,
  dispatchedAt: '2026-11-24T02:00:00.000Z',
  dueAt: end('2026-12-08'),
  extensionDays: 0,
  pausedMs: 0,
  ...over,
})
const plan = (
  state: OrderState,
  action: OrderAction,
  input: ActionInput = {},
  extra: Partial<PlanFacts> = {},
  over: Partial<OrderSnapshot> = {},
  now = NOW,
) =>
  planOrderAction(
    {
      order: order({ state, ...over }),
      actor:
        [
          'intake',
          'consulting',
          'return_requested',
          'extension_requested',
          'replied',
          'called_back',
          'closed',
        ].includes(state) && !['consult-reply', 'explain'].includes(action)
          ? dispatcher
          : handler,
      units: [],
      cited: [],
      ...extra,
    },
    action,
    input,
    limits,
    now,
  )

describe('planOrderAction, action by action', () => {
  it('answer: closes citing entries, or records a knowledge gap', () => {
    const cited = plan(
      'intake',
      'answer',
      { citedEntries: ['KB-1'] },
      { cited: [{ code: 'KB-1', version: 'v', title: 't' }] },
    )
    expect(cited).toMatchObject({ to: 'closed', changes: { resolution: 'answered' }, knowledgeGap: undefined })
    expect(plan('intake', 'answer', { noKnowledge: true }).knowledgeGap).toEqual({
      question: '路灯损坏：幸福小区路灯损坏',
      category: 5,
    })
    expect(() => plan('intake', 'answer')).toThrow(/citedEntries/)
  })

  it('not-accept: closes with its category; a duplicate links the original', () => {
    expect(plan('intake', 'not-accept', { reason: 'malicious' }).entry.note).toBe('恶意或无实质内容来电')
    const dup = plan(
      'intake',
      'not-accept',
      { reason: 'duplicate', duplicateOf: 'GD1' },
      { duplicate: { id: 4, number: 'GD1', state: 'accepted' } },
    )
    expect(dup.changes.related).toEqual([4])
    expect(dup.entry.note).toBe('与 GD1 重复，已告知办理进度（办理中）')
  })

  it('consult and consult-reply: several units answer within the 会商 limit', () => {
    const p = plan('intake', 'consult', { units: ['A', 'B'], reason: '职责交叉' }, { units: [unitA, unitB] })
    expect(p).toMatchObject({ to: 'consulting', changes: { consultUnits: [7, 8], consultDueAt: end('2026-11-26') } })
    expect(p.notices.map((n) => n.to)).toEqual([{ unit: 7 }, { unit: 8 }])
    const reply = plan('consulting', 'consult-reply', { text: '属本单位' }, {}, { consultUnits: [7, 8] })
    expect(reply.changes.consultAnswers).toEqual([{ unit: '7', text: '属本单位', at: NOW.toISOString() }])
  })

  it('dispatch: sign-for, return window and handling clocks start; designated after a 会商', () => {
    const p = plan('consulting', 'dispatch', { unit: 'A', designated: true }, { units: [unitA] })
    expect(p.changes).toMatchObject({
      state: 'dispatched',
      unit: 7,
      designated: true,
      dueAt: end('2026-12-09'),
      returnDueAt: end('2026-11-26'),
      signDueAt: '2026-11-26T02:00:00.000Z',
    })
    expect(p.notices).toEqual([{ to: { unit: 7 }, title: '新派工单：GD20261125000001 路灯损坏' }])
    // The unit is recorded on the timeline step, for the unit suggestion to learn from.
    expect(p.entry).toMatchObject({ action: 'dispatch', unit: 7, note: '派发至 甲局（会商后指定承办）' })
  })

  it('split: one dispatched child per unit with its own clocks', () => {
    const p = plan('intake', 'split', { units: ['A', 'B'] }, { units: [unitA, unitB], childNumbers: ['GD2', 'GD3'] })
    expect(p.to).toBe('split')
    expect(p.children.map((c) => [c.number, c.changes.unit, c.changes.dueAt])).toEqual([
      ['GD2', 7, end('2026-12-09')],
      ['GD3', 8, end('2026-12-09')],
    ])
    expect(p.entry.note).toBe('拆分为 GD2、GD3')
    expect(p.children.map((c) => c.timeline[1].unit)).toEqual([7, 8])
  })

  it('accept: signed for', () => {
    expect(plan('dispatched', 'accept').changes).toMatchObject({ state: 'accepted', signedAt: NOW.toISOString() })
  })

  it('subdispatch: only to a child unit, the hotline deadline kept', () => {
    const p = plan('accepted', 'subdispatch', { unit: 'A1' }, { units: [child] })
    expect(p.changes).toEqual({ state: 'accepted', subUnit: 9 })
    expect(() => plan('accepted', 'subdispatch', { unit: 'B' }, { units: [unitB] })).toThrow(/不是本单位的下级单位/)
  })

  it('request-return, approve-return, reject-return', () => {
    expect(() => plan('accepted', 'request-return', { reason: 'x' })).toThrow(/basis/)
    expect(plan('accepted', 'request-return', { reason: 'x', basis: 'y' }).changes).toMatchObject({
      resumeState: 'accepted',
      returns: 1,
    })
    // Counted, for the reports, however many times the order was returned before.
    expect(plan('dispatched', 'request-return', { reason: 'x', basis: 'y' }, {}, { returns: 1 }).changes.returns).toBe(
      2,
    )
    const approved = plan('return_requested', 'approve-return', { unit: 'B' }, { units: [unitB] })
    expect(approved.changes).toMatchObject({ state: 'dispatched', unit: 8, returnRejected: false })
    expect(approved.entry).toMatchObject({ action: 'approve-return', unit: 8 })
    expect(plan('accepted', 'request-return', { reason: 'x', basis: 'y' }).entry.unit).toBeUndefined()
    expect(
      plan('return_requested', 'reject-return', { reason: '属职责' }, {}, { resumeState: 'accepted' }).changes,
    ).toMatchObject({
      state: 'accepted',
      returnRejected: true,
    })
  })

  it('request-extension, approve-extension (working days added), reject-extension', () => {
    expect(() => plan('accepted', 'request-extension', { days: 11, reason: 'x' })).toThrow(/1–10/)
    expect(plan('accepted', 'request-extension', { days: 3, reason: 'x' }).changes.requestedExtensionDays).toBe(3)
    expect(
      plan('extension_requested', 'approve-extension', {}, {}, { requestedExtensionDays: 3 }).changes,
    ).toMatchObject({
      dueAt: end('2026-12-11'),
      extensionDays: 3,
      extensions: 1,
    })
    expect(plan('extension_requested', 'reject-extension').changes).toEqual({
      state: 'accepted',
      requestedExtensionDays: null,
    })
  })

  it('request-info and resume: the pause counts in working time, so a holiday gives no extra days', () => {
    expect(plan('accepted', 'request-info', { reason: '补充照片' }).changes.pausedAt).toBe(NOW.toISOString())
    // Paused 2026-09-30 18:00 → 2026-10-09 09:00: only 09-30 18:00–24:00, 10-08 and 10-09 09:00 are working time.
    const resumed = plan(
      'awaiting_info',
      'resume',
      {},
      {},
      { pausedAt: '2026-09-30T10:00:00.000Z', dispatchedAt: '2026-09-28T02:00:00.000Z' },
      new Date('2026-10-09T09:00:00+08:00'),
    )
    expect(resumed.changes.pausedMs).toBe((6 + 24 + 9) * 3_600_000)
    // help: 10 working days from 09-28 → 10-16 (09-28 counted from 09-29; 10-01..07 off, 09-20/10-10 worked),
    // then 39 working hours on: to 10-19 (Sat 10-17, Sun 10-18 skipped) … 10-20 15:00.
    expect(resumed.changes.dueAt).toBe(new Date('2026-10-20T14:59:59.999+08:00').toISOString())
  })

  it('reply starts the callback clock; callback stores the Chinese label in the note', () => {
    expect(() => plan('accepted', 'reply', { result: 'ok' })).toThrow(/答复/)
    expect(plan('accepted', 'reply', { result: 'ok', text: '已修复' }).changes).toMatchObject({
      state: 'replied',
      callbackDueAt: end('2026-11-27'),
      repliedAt: NOW.toISOString(),
    })
    expect(plan('replied', 'callback', { satisfaction: 'dissatisfied', solved: false }).entry.note).toBe(
      '不满意，问题未解决',
    )
  })

  it('answer-callback: a direct answer rated once at a sampled callback', () => {
    const p = plan('closed', 'answer-callback', { satisfaction: 'satisfied' }, {}, { resolution: 'answered' })
    expect(p.changes).toMatchObject({ state: 'closed', answerRating: 'satisfied' })
    expect(() =>
      plan('closed', 'answer-callback', { satisfaction: 'satisfied' }, {}, { resolution: 'handled' }),
    ).toThrow(/直接答复/)
  })

  it('reject-explanation: a reason, the explanation cleared for another, the unit told', () => {
    const refused = plan(
      'closed',
      'reject-explanation',
      { reason: '附件与诉求无关' },
      {},
      { explanation: 'x', unit: 7 },
    )
    expect(refused.changes).toEqual({ state: 'closed', explanation: null, explanationAccepted: false })
    expect(refused.entry.note).toBe('附件与诉求无关')
    expect(refused.notices).toEqual([{ to: { unit: 7 }, title: expect.stringMatching(/^尽责说明未获认可：/) }])
    expect(() => plan('closed', 'reject-explanation', {}, {}, { explanation: 'x', unit: 7 })).toThrow(/理由/)
    expect(() => plan('closed', 'reject-explanation', { reason: 'r' })).toThrow('承办单位尚未提交尽责说明')
    expect(() =>
      plan('closed', 'reject-explanation', { reason: 'r' }, {}, { explanation: 'x', explanationAccepted: true }),
    ).toThrow('该尽责说明已认可')
  })

  it('reopen, explain, accept-explanation, close', () => {
    expect(plan('called_back', 'reopen', {}, {}, { lastSatisfaction: 'dissatisfied' }).changes).toMatchObject({
      state: 'accepted',
      reopens: 1,
      dueAt: end('2026-12-09'),
    })
    expect(plan('closed', 'explain', { text: '已尽责' }).changes.explanation).toBe('已尽责')
    expect(plan('closed', 'accept-explanation', {}, {}, { explanation: 'x' }).changes.explanationAccepted).toBe(true)
    expect(plan('called_back', 'close').changes).toEqual({ state: 'closed', resolution: 'handled' })
  })

  it('intake starts the dispatch clock in working hours', () => {
    // Friday 16:00 + 4 working hours → Friday 20:00; Friday 22:00 + 4 → 2 h on Friday, 2 h on Monday (weekend off).
    const fri = new Date('2026-11-27T16:00:00+08:00')
    expect(
      planIntake({ type: 'help', title: 't', content: 'c' }, { actor: dispatcher, cited: [] }, limits, fri)
        .dispatchDueAt,
    ).toBe('2026-11-27T12:00:00.000Z')
    const late = new Date('2026-11-27T22:00:00+08:00')
    expect(
      planIntake({ type: 'help', title: 't', content: 'c' }, { actor: dispatcher, cited: [] }, limits, late)
        .dispatchDueAt,
    ).toBe(new Date('2026-11-30T02:00:00+08:00').toISOString())
  })
})

describe('the calendar the law gives for any year', () => {
  it('knows the statutory holidays of a year without an arrangement (2027), lunar dates included', () => {
    expect(statutoryHolidays(2027).map((d) => `${d.date} ${d.name}`)).toEqual([
      '2027-01-01 元旦',
      '2027-02-05 春节',
      '2027-02-06 春节',
      '2027-02-07 春节',
      '2027-02-08 春节',
      '2027-04-05 清明节',
      '2027-05-01 劳动节',
      '2027-05-02 劳动节',
      '2027-06-09 端午节',
      '2027-09-15 中秋节',
      '2027-10-01 国庆节',
      '2027-10-02 国庆节',
      '2027-10-03 国庆节',
    ])
    expect(isWorkingDay('2027-01-01', calendar)).toBe(false)
    expect(isWorkingDay('2027-02-08', calendar)).toBe(false)
    expect(isWorkingDay('2027-01-04', calendar)).toBe(true)
  })

  it('agrees with the 2026 notice on the statutory days it lists', () => {
    for (const d of statutoryHolidays(2026)) expect([d.date, calendar.holidays.has(d.date)]).toEqual([d.date, true])
  })

  it('counts working time only on working days, make-up workdays included', () => {
    // 2026-10-10 (Saturday) is a make-up workday.
    expect(
      workingTimeBetween(new Date('2026-10-09T12:00:00+08:00'), new Date('2026-10-12T12:00:00+08:00'), calendar),
    ).toBe((12 + 24 + 12) * 3_600_000)
  })

  it('reminds the admins from October on while next year is missing', () => {
    expect(arrangementMissingFor(new Date('2026-09-30T10:00:00+08:00'), calendar)).toBeUndefined()
    expect(arrangementMissingFor(new Date('2026-10-01T10:00:00+08:00'), calendar)).toBe(2027)
    expect(arrangementMissingFor(new Date('2027-01-05T10:00:00+08:00'), calendar)).toBe(2027)
  })

  it('marks the worst running clock of the order’s queue', () => {
    const marks = queueMark(
      { state: 'dispatched', signDueAt: '2026-11-24T02:00:00.000Z', dueAt: end('2026-11-25') },
      true,
      NOW,
    )
    expect(marks.map((m) => [m.clock, m.status])).toEqual([
      ['sign-for', 'overdue'],
      ['handling', 'due_today'],
    ])
  })
})

describe('unified social credit codes and who sees an order', () => {
  it('checks the GB 32100-2015 check character', () => {
    expect(isCreditCode('91110108551385082Q')).toBe(true)
    expect(isCreditCode('91440300708461136T')).toBe(true)
    expect(isCreditCode('91110108551385082A')).toBe(false)
    expect(isCreditCode('9111010855138508')).toBe(false)
  })

  it('lets a unit see its own, child-unit and 会商 orders, never a confidential claimant’s links', () => {
    const h = { id: 1, roles: ['unit-handler' as const], unit: 9 }
    expect(canSeeOrder(h, { unit: 7, subUnit: 9 })).toBe(true)
    expect(canSeeOrder(h, { unit: 7, consultUnits: [8, 9] })).toBe(true)
    expect(canSeeOrder(h, { unit: 7 })).toBe(false)
    expect(mayUnmask(h, { unit: 9, confidential: true, state: 'accepted' })).toMatchObject({ allowed: false })
    const links = [
      { unit: 9, confidential: false, n: 1 },
      { unit: 8, confidential: false, n: 2 },
      { unit: 9, confidential: true, n: 3 },
    ]
    expect(visibleDuplicates(h, { unit: 9 }, links).map((l) => l.n)).toEqual([1])
    expect(visibleDuplicates(h, { unit: 9, confidential: true }, links)).toEqual([])
    expect(visibleDuplicates({ id: 2, roles: ['agent'] }, { unit: 9 }, links)).toHaveLength(3)
  })
})
