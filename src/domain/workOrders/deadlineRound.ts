/**
 * The hourly round in batches: open orders are read state by state in keyset order (by id, which the
 * state index already holds), a batch at a time, and only the orders whose mark changes are written,
 * one bulk update per new mark.
 */
import { type ClockFacts, type QueueClock, queueMark } from './clocks'
import type { DeadlineStatus } from './deadlineStatus'

/** States in which some clock may run: the round looks at these only. */
export const ROUND_STATES = [
  'intake',
  'consulting',
  'dispatched',
  'accepted',
  'return_requested',
  'extension_requested',
  'awaiting_info',
  'replied',
] as const

export type RoundOrder = ClockFacts & {
  id: number | string
  deadlineStatus?: string | null
  deadlineClock?: string | null
}

export type MarkChange = { status: DeadlineStatus | null; clock: QueueClock | null; ids: (number | string)[] }

/** The orders of a batch whose mark (worst running clock) differs from the stored one, grouped by their new mark. */
export function markChanges(orders: readonly RoundOrder[], clockPauses: boolean, now: Date): MarkChange[] {
  const groups = new Map<string, MarkChange>()
  for (const order of orders) {
    const worst = queueMark(order, clockPauses, now)[0]
    const status = worst?.status ?? null
    const clock = worst?.clock ?? null
    if (status === (order.deadlineStatus ?? null) && clock === (order.deadlineClock ?? null)) continue
    const key = `${status}|${clock}`
    const group = groups.get(key) ?? { status, clock, ids: [] }
    group.ids.push(order.id)
    groups.set(key, group)
  }
  return [...groups.values()]
}

/** Where the next batch of a state starts: after the last id read, or done when the batch was not full. */
export function nextKey<T extends { id: number | string }>(
  batch: readonly T[],
  batchSize: number,
): number | string | null {
  return batch.length < batchSize ? null : batch[batch.length - 1].id
}
