import crypto from 'node:crypto'

import fc from 'fast-check'

import { OFFICIAL_DAYS } from '../../src/domain/calendar/officialHolidays'
import { calendarOf } from '../../src/domain/calendar/workCalendar'
import type { AccessUser } from '../../src/domain/roles'
import { calendarWarning, dueAt } from '../../src/domain/workOrders/deadlines'
import {
  decideOrderAction,
  ORDER_ACTIONS,
  ORDER_STATES,
  type OrderAction,
  type OrderFlowError,
  type OrderState,
} from '../../src/domain/workOrders/orderFlow'
import { formatOrderNumber, nextSequence } from '../../src/domain/workOrders/orderNumber'
import {
  decryptField,
  encryptField,
  keyedHash,
  maskIdNumber,
  maskName,
  maskPhone,
} from '../../src/domain/workOrders/personalData'

const calendar = calendarOf(OFFICIAL_DAYS)
const iso = (d: Date) => d.toISOString()

describe('work-order deadlines', () => {
  it('holds the issue’s calendar examples', () => {
    // 2026-09-30 10:00 + 5 working days → 2026-10-13 23:59:59 Shanghai.
    expect(iso(dueAt(new Date('2026-09-30T10:00:00+08:00'), { workingDays: 5 }, calendar))).toBe(
      '2026-10-13T15:59:59.999Z',
    )
    // 2026-02-13 16:00 + 3 working days → 2026-02-25 23:59:59 (02-14 is a make-up workday).
    expect(iso(dueAt(new Date('2026-02-13T16:00:00+08:00'), { workingDays: 3 }, calendar))).toBe(
      '2026-02-25T15:59:59.999Z',
    )
    // 2025: 09-30 + 1 → the National Day week ends 10-08, 10-09 is the first working day.
    expect(iso(dueAt(new Date('2025-09-30T10:00:00+08:00'), { workingDays: 1 }, calendar))).toBe(
      '2025-10-09T15:59:59.999Z',
    )
  })

  it('runs urgent limits in natural hours', () => {
    expect(iso(dueAt(new Date('2026-10-01T10:00:00+08:00'), { hours: 24 }, calendar))).toBe('2026-10-02T02:00:00.000Z')
  })

  it('warns when the calendar lacks a year the deadline needs', () => {
    expect(
      calendarWarning(new Date('2026-12-28T10:00:00+08:00'), new Date('2027-01-08T10:00:00+08:00'), calendar),
    ).toMatch(/缺少 2027 年/)
    expect(
      calendarWarning(new Date('2026-11-25T10:00:00+08:00'), new Date('2026-12-08T10:00:00+08:00'), calendar),
    ).toBeUndefined()
  })
})

describe('claimant personal data', () => {
  const key = crypto.randomBytes(32)

  it('encrypts and decrypts any text, never storing it in clear', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (plain) => {
        const stored = encryptField(plain, key)
        expect(stored).not.toContain(plain.length > 3 ? plain : '\u0000never')
        expect(decryptField(stored, key)).toBe(plain)
      }),
    )
    expect(() => decryptField(encryptField('13812345678', key), crypto.randomBytes(32))).toThrow()
  })

  it('hashes phones alike whatever the spacing, and masks them', () => {
    expect(keyedHash('138 1234-5678', key)).toBe(keyedHash('13812345678', key))
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('0000-8610001')).toBe('*******0001')
    expect(maskName('张三')).toBe('张*')
    expect(maskName('欧阳娜娜')).toBe('欧***')
    expect(maskIdNumber('110101199001011234')).toBe('110***********1234')
  })
})

describe('work-order numbers', () => {
  it('count per Shanghai day', () => {
    const at = new Date('2026-11-25T01:00:00+08:00')
    expect(formatOrderNumber(at, 123)).toBe('GD20261125000123')
    expect(nextSequence('GD20261125000123', at)).toBe(124)
    expect(nextSequence('GD20261124000999', at)).toBe(1)
    expect(nextSequence(undefined, at)).toBe(1)
  })
})

describe('work-order flow', () => {
  const now = new Date('2026-11-25T10:00:00+08:00')
  const actors: Record<string, AccessUser> = {
    agent: { id: 1, roles: ['agent'] },
    dispatcher: { id: 2, roles: ['dispatcher'] },
    handler: { id: 3, roles: ['unit-handler'], unit: 7 },
    otherHandler: { id: 4, roles: ['unit-handler'], unit: 8 },
    editor: { id: 5, roles: ['unit-editor'], unit: 7 },
  }
  /** Allowed (action, states, actors), written from the issue. */
  const ALLOWED: [OrderAction, OrderState[], string[]][] = [
    ['answer', ['intake'], ['agent', 'dispatcher']],
    ['not-accept', ['intake'], ['agent', 'dispatcher']],
    ['consult', ['intake'], ['dispatcher']],
    ['consult-reply', ['consulting'], ['handler']],
    ['dispatch', ['intake', 'consulting'], ['dispatcher']],
    ['split', ['intake', 'consulting'], ['dispatcher']],
    ['accept', ['dispatched'], ['handler']],
    ['subdispatch', ['accepted'], ['handler']],
    ['request-return', ['dispatched', 'accepted'], ['handler']],
    ['approve-return', ['return_requested'], ['dispatcher']],
    ['reject-return', ['return_requested'], ['dispatcher']],
    ['request-extension', ['accepted'], ['handler']],
    ['approve-extension', ['extension_requested'], ['dispatcher']],
    ['reject-extension', ['extension_requested'], ['dispatcher']],
    ['request-info', ['accepted'], ['handler']],
    ['resume', ['awaiting_info'], ['handler']],
    ['reply', ['accepted'], ['handler']],
    ['callback', ['replied'], ['dispatcher']],
    ['answer-callback', ['closed'], ['dispatcher']],
    ['reopen', ['called_back'], ['dispatcher']],
    ['explain', ['called_back', 'closed'], ['handler']],
    ['accept-explanation', ['called_back', 'closed'], ['dispatcher']],
    ['reject-explanation', ['called_back', 'closed'], ['dispatcher']],
    ['close', ['called_back'], ['dispatcher']],
  ]
  const facts = (state: OrderState) => ({
    state,
    unit: 7,
    lastSatisfaction: 'dissatisfied',
    explanation: '已多次上门',
    resolution: 'answered',
    consultUnits: [7],
    returnDueAt: '2026-11-26T15:59:59.999Z',
  })

  it.each(ORDER_STATES.map((s) => s.value))('from %s: every action by every actor', (state) => {
    for (const { value: action } of ORDER_ACTIONS) {
      for (const [who, actor] of Object.entries(actors)) {
        const allowed = ALLOWED.some(
          ([a, states, whoList]) => a === action && states.includes(state) && whoList.includes(who),
        )
        const stateFits = ALLOWED.some(([a, states]) => a === action && states.includes(state))
        let outcome: string
        try {
          outcome = decideOrderAction(facts(state), action, actor, now).from
        } catch (err) {
          outcome = `refused ${(err as OrderFlowError).status}`
        }
        expect([action, who, outcome]).toEqual([action, who, allowed ? state : `refused ${stateFits ? 403 : 400}`])
      }
    }
  })

  it('keeps to the return window, one extension, one reopen after 不满意, and designated units', () => {
    const h = actors.handler
    expect(() =>
      decideOrderAction(
        { state: 'accepted', unit: 7, returnDueAt: '2026-11-24T15:59:59.999Z' },
        'request-return',
        h,
        now,
      ),
    ).toThrow('已超过退回申请时限')
    expect(() => decideOrderAction({ state: 'accepted', unit: 7, designated: true }, 'request-return', h, now)).toThrow(
      '不能再申请退回',
    )
    expect(() => decideOrderAction({ state: 'accepted', unit: 7, extensions: 1 }, 'request-extension', h, now)).toThrow(
      '最多延期 1 次',
    )
    const d = actors.dispatcher
    expect(() => decideOrderAction({ state: 'called_back', lastSatisfaction: 'satisfied' }, 'reopen', d, now)).toThrow(
      '只有回访不满意',
    )
    expect(() =>
      decideOrderAction({ state: 'called_back', lastSatisfaction: 'dissatisfied', reopens: 1 }, 'reopen', d, now),
    ).toThrow('最多重办 1 次')
    expect(
      decideOrderAction({ state: 'return_requested', resumeState: 'dispatched' }, 'reject-return', d, now).to,
    ).toBe('dispatched')
  })
})

describe('time-limit rules', () => {
  it('pick the most specific rule', async () => {
    const { DEFAULT_SLA_RULES, pickRule } = await import('../../src/domain/workOrders/orderTypes')
    expect(pickRule(DEFAULT_SLA_RULES, 'handling', { type: 'complaint' })).toMatchObject({ workingDays: 15 })
    expect(pickRule(DEFAULT_SLA_RULES, 'handling', { type: 'complaint', urgency: 'urgent' })).toMatchObject({
      hours: 24,
    })
    expect(pickRule(DEFAULT_SLA_RULES, 'return-window', { type: 'help' })).toMatchObject({ workingDays: 1 })
    expect(pickRule(DEFAULT_SLA_RULES, 'return-window', { type: 'help', complex: true })).toMatchObject({
      workingDays: 2,
    })
  })
})

describe('deadline status and repeated problems', () => {
  it('tells on time, due today and overdue apart by Shanghai day', async () => {
    const { deadlineStatus } = await import('../../src/domain/workOrders/deadlineStatus')
    const now = new Date('2026-11-25T10:00:00+08:00')
    expect(deadlineStatus(new Date('2026-11-25T23:59:59.999+08:00'), now)).toBe('due_today')
    expect(deadlineStatus(new Date('2026-11-26T23:59:59.999+08:00'), now)).toBe('on_time')
    expect(deadlineStatus(new Date('2026-11-24T23:59:59.999+08:00'), now)).toBe('overdue')
  })

  it('groups orders on the same category and address within the window', async () => {
    const { repeatedProblems } = await import('../../src/domain/workOrders/deadlineStatus')
    const now = new Date('2026-11-25T10:00:00+08:00')
    const o = (id: number, address: string, daysAgo: number, category: number | null = 5) => ({
      id,
      category,
      address,
      createdAt: new Date(now.getTime() - daysAgo * 86_400_000).toISOString(),
    })
    const groups = repeatedProblems(
      [
        o(1, '幸福小区 3号楼', 1),
        o(2, '幸福小区3号楼', 5),
        o(3, '幸福小区3号楼', 20),
        o(4, '幸福小区3号楼', 40),
        o(5, '别处', 1),
        o(6, '幸福小区3号楼', 2, null),
      ],
      now,
      30,
      3,
    )
    expect(groups).toHaveLength(1)
    expect(groups[0].orders.map((x) => x.id)).toEqual([1, 2, 3])
  })
})
