/**
 * The clocks of every queue an order passes through — dispatch (from intake), 会商 answers, sign-for
 * and return window (from dispatch), handling (from dispatch, plus approved extensions and the 待补充
 * pauses counted in working time), callback (from the reply) — computed from the order's own facts,
 * so that a deadline guessed without a year's 调休 arrangement can be computed again once it is known.
 */
import { addWorkingDays, addWorkingTime, type WorkCalendar } from '../calendar/workCalendar'
import { calendarWarning, dueAt, missingYears } from './deadlines'
import { deadlineStatus, type DeadlineStatus } from './deadlineStatus'
import { pickRule, type SlaKind, type SlaRule } from './orderTypes'

export type Limits = { rules: readonly SlaRule[]; calendar: WorkCalendar }
export type OrderKind = { type: string; urgency?: string | null; complex?: boolean | null }

export class MissingRuleError extends Error {}

/** Kinds without which no order can be handled; the queue clocks (dispatch, sign-for, 会商) are optional. */
const REQUIRED: readonly SlaKind[] = ['handling', 'return-window', 'callback', 'max-extension']

export function ruleFor(limits: Limits, kind: SlaKind, order: OrderKind): SlaRule | undefined {
  const rule = pickRule(limits.rules, kind, order)
  if (!rule && REQUIRED.includes(kind))
    throw new MissingRuleError(`没有适用的时限规则（${kind}），请管理员在“时限规则”中配置`)
  return rule
}

export type Due = { due: string; warning: string | null }

/** A deadline from `start` by the rule of its kind, with a warning when a year's arrangement is missing. */
export function clockDue(limits: Limits, kind: SlaKind, start: Date, order: OrderKind): Due | null {
  const rule = ruleFor(limits, kind, order)
  if (!rule) return null
  const due = dueAt(start, rule, limits.calendar)
  return { due: due.toISOString(), warning: calendarWarning(start, due, limits.calendar) ?? null }
}

export type HandlingFacts = OrderKind & {
  dispatchedAt?: string | null
  extensionDays?: number | null
  pausedMs?: number | null
}

/** The handling deadline: the limit from dispatch, then approved extension days, then paused working time. */
export function handlingDue(limits: Limits, order: HandlingFacts): Due | null {
  if (!order.dispatchedAt) return null
  const start = new Date(order.dispatchedAt)
  const rule = ruleFor(limits, 'handling', order)!
  let due = dueAt(start, rule, limits.calendar)
  if (order.extensionDays) due = new Date(addWorkingDays(due, order.extensionDays, limits.calendar).getTime() - 1)
  if (order.pausedMs)
    due = rule.hours ? new Date(due.getTime() + order.pausedMs) : addWorkingTime(due, order.pausedMs, limits.calendar)
  return { due: due.toISOString(), warning: calendarWarning(start, due, limits.calendar) ?? null }
}

export type QueueClock = 'dispatch' | 'consultation' | 'sign-for' | 'handling' | 'callback'
export const QUEUE_CLOCKS: readonly { value: QueueClock; label: string }[] = [
  { value: 'dispatch', label: '派发' },
  { value: 'consultation', label: '会商答复' },
  { value: 'sign-for', label: '签收' },
  { value: 'handling', label: '办理' },
  { value: 'callback', label: '回访' },
]

export type ClockFacts = {
  state?: string | null
  dispatchDueAt?: string | null
  consultDueAt?: string | null
  signDueAt?: string | null
  dueAt?: string | null
  callbackDueAt?: string | null
  pausedAt?: string | null
}

/** The clocks running in the order's state, and who answers for each (the hotline or the unit). */
export function runningClocks(
  order: ClockFacts,
  clockPausedWhileAwaitingInfo: boolean,
): { clock: QueueClock; dueAt: string; by: 'hotline' | 'unit' }[] {
  const out: { clock: QueueClock; dueAt: string | null | undefined; by: 'hotline' | 'unit' }[] = []
  switch (order.state) {
    case 'intake':
      out.push({ clock: 'dispatch', dueAt: order.dispatchDueAt, by: 'hotline' })
      break
    case 'consulting':
      out.push({ clock: 'consultation', dueAt: order.consultDueAt, by: 'unit' })
      break
    case 'dispatched':
      out.push(
        { clock: 'sign-for', dueAt: order.signDueAt, by: 'unit' },
        { clock: 'handling', dueAt: order.dueAt, by: 'unit' },
      )
      break
    case 'awaiting_info':
      if (!clockPausedWhileAwaitingInfo) out.push({ clock: 'handling', dueAt: order.dueAt, by: 'unit' })
      break
    case 'accepted':
    case 'return_requested':
    case 'extension_requested':
      out.push({ clock: 'handling', dueAt: order.dueAt, by: 'unit' })
      break
    case 'replied':
      out.push({ clock: 'callback', dueAt: order.callbackDueAt, by: 'hotline' })
      break
  }
  return out.filter((c): c is { clock: QueueClock; dueAt: string; by: 'hotline' | 'unit' } => Boolean(c.dueAt))
}

const SEVERITY: Record<DeadlineStatus, number> = { on_time: 0, due_today: 1, overdue: 2 }

/** The order's mark for lists: the worst of its running clocks, and which clock that is. */
export function queueMark(
  order: ClockFacts,
  clockPausedWhileAwaitingInfo: boolean,
  now: Date,
): { status: DeadlineStatus; clock: QueueClock; dueAt: string; by: 'hotline' | 'unit' }[] {
  return runningClocks(order, clockPausedWhileAwaitingInfo)
    .map((c) => ({ ...c, status: deadlineStatus(new Date(c.dueAt), now) }))
    .sort((a, b) => SEVERITY[b.status] - SEVERITY[a.status] || a.dueAt.localeCompare(b.dueAt))
}

/** Whether a deadline still rests on a guess: its span touches a year without an arrangement. */
export const stillGuessed = (due: string, now: Date, calendar: WorkCalendar): boolean =>
  missingYears(new Date(Math.min(now.getTime(), Date.parse(due))), new Date(due), calendar).length > 0
