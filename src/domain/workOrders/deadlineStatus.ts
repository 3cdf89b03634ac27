/** Where an open order stands against its deadline, and which orders describe the same problem. */
import { shanghaiDateString } from '../shanghaiTime'

/** States in which the unit's clock runs; 待补充 too, unless the `pause-clock` rule stops it there. */
export const openStates = (clockPausedWhileAwaitingInfo: boolean): string[] => [
  'dispatched',
  'accepted',
  'return_requested',
  'extension_requested',
  ...(clockPausedWhileAwaitingInfo ? [] : ['awaiting_info']),
]

export type DeadlineStatus = 'on_time' | 'due_today' | 'overdue'

export function deadlineStatus(dueAt: Date, now: Date): DeadlineStatus {
  if (dueAt.getTime() < now.getTime()) return 'overdue'
  return shanghaiDateString(dueAt) === shanghaiDateString(now) ? 'due_today' : 'on_time'
}

export type ProblemOrder = {
  id: number | string
  category?: string | number | null
  address?: string | null
  createdAt: string
}

/** The same category and address (whitespace ignored) within `days`; groups of at least `min` orders. */
export function repeatedProblems<T extends ProblemOrder>(
  orders: readonly T[],
  now: Date,
  days: number,
  min: number,
): { key: string; orders: T[] }[] {
  const since = now.getTime() - days * 86_400_000
  const groups = new Map<string, T[]>()
  for (const o of orders) {
    const address = o.address?.replace(/\s+/g, '')
    if (!o.category || !address || Date.parse(o.createdAt) < since) continue
    const key = `${o.category}|${address}`
    groups.set(key, [...(groups.get(key) ?? []), o])
  }
  return [...groups].filter(([, list]) => list.length >= min).map(([key, list]) => ({ key, orders: list }))
}
