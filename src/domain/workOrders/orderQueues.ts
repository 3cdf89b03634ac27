/**
 * The desks' queues: which orders wait for whom, as query conditions built on the visibility rule,
 * and how an order's deadline reads in a list (working-day countdown, due today, overdue).
 */
import { workingDaysBetween, type WorkCalendar } from '../calendar/workCalendar'
import { type AccessUser, hasRole, type Role } from '../roles'
import { shanghaiDateString, shanghaiDateTimeString, startOfShanghaiDay } from '../shanghaiTime'
import type { DeadlineStatus } from './deadlineStatus'
import type { OrderState } from './orderFlow'
import { visibleOrdersWhere } from './visibility'

export type Desk = 'dispatch' | 'unit'

export type QueueKey =
  | 'intake'
  | 'consulting'
  | 'return'
  | 'extension'
  | 'callback'
  | 'called_back'
  | 'explanation'
  | 'sign'
  | 'handling'
  | 'due'
  | 'consult_unit'
  | 'done'

export type QueueDef = { key: QueueKey; desk: Desk; label: string; states: readonly OrderState[] }

const UNIT_OPEN: readonly OrderState[] = [
  'dispatched',
  'accepted',
  'return_requested',
  'extension_requested',
  'awaiting_info',
]

export const QUEUES: readonly QueueDef[] = [
  { key: 'intake', desk: 'dispatch', label: '待派发', states: ['intake'] },
  { key: 'consulting', desk: 'dispatch', label: '会商中', states: ['consulting'] },
  { key: 'return', desk: 'dispatch', label: '退回待审核', states: ['return_requested'] },
  { key: 'extension', desk: 'dispatch', label: '延期待审核', states: ['extension_requested'] },
  { key: 'callback', desk: 'dispatch', label: '待回访', states: ['replied'] },
  { key: 'called_back', desk: 'dispatch', label: '已回访待办结', states: ['called_back'] },
  { key: 'explanation', desk: 'dispatch', label: '尽责说明待认定', states: ['called_back', 'closed'] },
  { key: 'sign', desk: 'unit', label: '待签收', states: ['dispatched'] },
  {
    key: 'handling',
    desk: 'unit',
    label: '办理中',
    states: ['accepted', 'return_requested', 'extension_requested', 'awaiting_info'],
  },
  { key: 'due', desk: 'unit', label: '今日到期及超期', states: UNIT_OPEN },
  { key: 'consult_unit', desk: 'unit', label: '会商待答复', states: ['consulting'] },
  { key: 'done', desk: 'unit', label: '已答复', states: ['replied', 'called_back', 'closed'] },
]

const DESK_ROLES: Record<Desk, readonly Role[]> = {
  dispatch: ['admin', 'dispatcher', 'supervisor', 'agent'],
  unit: ['unit-handler'],
}

export const queueDef = (key: string): QueueDef | undefined => QUEUES.find((q) => q.key === key)

/** The desks a user works at, in the order they land on them. */
export const desksOf = (viewer: AccessUser | null | undefined): Desk[] =>
  (['dispatch', 'unit'] as const).filter((d) => hasRole(viewer, ...DESK_ROLES[d]))

export const queuesOf = (desk: Desk): QueueDef[] => QUEUES.filter((q) => q.desk === desk)

export type QueueWhere = Record<string, unknown>

/**
 * The query for one queue as the viewer may see it, or null when the viewer does not work at its desk.
 * The unit's queues are its own orders (dispatched to it or on to it); 会商 only where it was consulted.
 */
export function queueWhere(key: QueueKey, viewer: AccessUser | null | undefined, now: Date): QueueWhere | null {
  const queue = queueDef(key)
  if (!queue || !desksOf(viewer).includes(queue.desk)) return null
  const visible = visibleOrdersWhere(viewer)
  if (visible === false) return null
  const and: QueueWhere[] = [{ state: { in: [...queue.states] } }]
  if (visible !== true) and.push(visible)
  if (key === 'explanation') and.push({ explanation: { exists: true } }, { explanationAccepted: { not_equals: true } })
  // Due before the end of today in Shanghai: due today or already overdue.
  if (key === 'due')
    and.push({ dueAt: { less_than: new Date(startOfShanghaiDay(now).getTime() + 86_400_000).toISOString() } })
  return { and }
}

/** The oldest first where the hotline's clock runs; the nearest deadline first at the unit. */
export const queueSort = (key: QueueKey): string =>
  key === 'intake' || key === 'consulting' ? 'createdAt' : key === 'done' ? '-updatedAt' : 'dueAt'

/** How long an order has waited: 35 分钟, 3 小时 20 分, 2 天 4 小时. */
export function ageText(since: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - since.getTime()) / 60_000))
  if (minutes < 60) return `${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return `${hours} 小时${minutes % 60 ? ` ${minutes % 60} 分` : ''}`
  return `${Math.floor(hours / 24)} 天${hours % 24 ? ` ${hours % 24} 小时` : ''}`
}

export type Countdown = { status: DeadlineStatus; text: string; at: string }

/**
 * A deadline as a desk reads it: 剩余 3 个工作日 / 剩余 4 小时 / 今日 17:00 到期 / 已超期 2 个工作日. A working-day
 * deadline ends at midnight; the countdown shows it as the end of its day (23:59), never as 00:00 of the next.
 */
export function countdown(due: Date, now: Date, calendar: WorkCalendar): Countdown {
  const shown = new Date(due.getTime() - (due.getTime() % 60_000 === 0 && isMidnight(due) ? 60_000 : 0))
  const at = shanghaiDateTimeString(shown)
  if (due.getTime() <= now.getTime()) {
    const late = workingDaysBetween(due, now, calendar)
    return { status: 'overdue', text: late > 0 ? `已超期 ${late} 个工作日` : '已超期', at }
  }
  if (shanghaiDateString(shown) === shanghaiDateString(now))
    return { status: 'due_today', text: `今日 ${at.slice(11)} 到期`, at }
  // Within a day (an hours clock past midnight) hours say more than "1 working day".
  const hours = (due.getTime() - now.getTime()) / 3_600_000
  if (hours < 24) return { status: 'on_time', text: `剩余 ${Math.ceil(hours)} 小时`, at }
  const left = workingDaysBetween(now, shown, calendar) + 1
  return { status: 'on_time', text: `剩余 ${left} 个工作日`, at }
}

const isMidnight = (d: Date) => shanghaiDateTimeString(d).endsWith('00:00')

/** Page numbers from a query string: a whole number from 1, anything else is page 1. */
export const pageNumber = (raw: unknown): number => {
  const n = Number(Array.isArray(raw) ? raw[0] : raw)
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1
}
