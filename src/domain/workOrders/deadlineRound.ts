/**
 * The hourly round in batches: open orders are read state by state in keyset order (by id, which the
 * state index already holds), a batch at a time, and only the orders whose mark changes are written,
 * one bulk update per new mark.
 */
import { startOfShanghaiDay } from '../shanghaiTime'
import { type ClockFacts, type QueueClock, queueMark, runningClocks } from './clocks'
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

/** Where each clock's deadline is stored. */
const CLOCK_FIELD: Record<QueueClock, keyof ClockFacts> = {
  dispatch: 'dispatchDueAt',
  consultation: 'consultDueAt',
  'sign-for': 'signDueAt',
  handling: 'dueAt',
  callback: 'callbackDueAt',
}

/** A query condition in the Local API's `where` shape (plain data, so that it stays in the pure core). */
export type Condition = Record<string, unknown>

/**
 * The orders of a state whose mark may change now, as a query: the mark is the status of the clock due
 * first, so it changes only when that deadline crosses the start of tomorrow (on time → due today) or
 * now (→ overdue), when it moved back out, when the order is unmarked (an action cleared it), marked
 * for a clock that does not run in this state, or waits for a recomputed deadline (and, in a state with
 * two clocks, every overdue order, whose other clock may fall overdue too). Every other open order
 * keeps its mark, and the round does not read it.
 */
export function mayChange(state: string, clockPauses: boolean, now: Date): Condition {
  const probe = Object.fromEntries(Object.values(CLOCK_FIELD).map((f) => [f, now.toISOString()]))
  const clocks = runningClocks({ state, ...probe }, clockPauses).map((c) => c.clock)
  const fields = clocks.map((c) => CLOCK_FIELD[c])
  const tomorrow = startOfShanghaiDay(new Date(startOfShanghaiDay(now).getTime() + 36 * 3_600_000)).toISOString()
  const at = now.toISOString()
  const anyBefore = (t: string): Condition[] => fields.map((f) => ({ [f]: { less_than: t } }))
  const noneBefore = (t: string): Condition[] =>
    fields.map((f) => ({ or: [{ [f]: { greater_than_equal: t } }, { [f]: { exists: false } }] }))
  const marked = (status: DeadlineStatus, rest: Condition): Condition => ({
    and: [{ deadlineStatus: { equals: status } }, rest],
  })
  return {
    and: [
      { state: { equals: state } },
      {
        or: [
          { deadlineWarning: { exists: true } },
          // Unmarked, or marked for a clock of another state: marked now (or cleared).
          ...(clocks.length ? [{ deadlineStatus: { exists: false } }] : []),
          { deadlineClock: { not_in: clocks.length ? clocks : ['-'] } },
          ...(clocks.length
            ? [
                marked('on_time', { or: anyBefore(tomorrow) }),
                marked('due_today', { or: [...anyBefore(at), { and: noneBefore(tomorrow) }] }),
                // With two clocks (dispatched: sign-for and handling) the second may fall overdue too: its 督办.
                clocks.length > 1
                  ? { deadlineStatus: { equals: 'overdue' } }
                  : marked('overdue', { and: noneBefore(at) }),
              ]
            : []),
        ],
      },
    ],
  }
}

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
