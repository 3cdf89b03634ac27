/**
 * Work-order statistics for a period, from the orders themselves (their timeline, deadline and
 * callback): pure, so that a hand-computed fixture can check every rate.
 */
import { shanghaiDateString } from '../shanghaiTime'

export type ReportOrder = {
  number: string
  state: string
  resolution?: string | null
  type: string
  unit?: string | null
  category?: string | null
  district?: string | null
  address?: string | null
  dueAt?: string | null
  extensions?: number | null
  reopens?: number | null
  lastSatisfaction?: string | null
  explanationAccepted?: boolean | null
  createdAt: string
  timeline: { at: string; action: string }[]
}

const rate = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 1000 : null)
const has = (o: ReportOrder, action: string) => o.timeline.some((t) => t.action === action)
const lastAt = (o: ReportOrder, action: string) => o.timeline.filter((t) => t.action === action).at(-1)?.at

/** Replied by the deadline in force (extensions included). */
const onTime = (o: ReportOrder) => {
  const replied = lastAt(o, 'reply')
  return Boolean(replied && o.dueAt && Date.parse(replied) <= Date.parse(o.dueAt))
}
const overdue = (o: ReportOrder, now: Date) => {
  if (!o.dueAt) return false
  const replied = lastAt(o, 'reply')
  return replied
    ? Date.parse(replied) > Date.parse(o.dueAt)
    : o.state !== 'closed' && Date.parse(o.dueAt) < now.getTime()
}
const satisfied = (o: ReportOrder) => o.lastSatisfaction === 'satisfied' || o.lastSatisfaction === 'basically_satisfied'
const evaluated = (o: ReportOrder) => Boolean(o.lastSatisfaction && o.lastSatisfaction !== 'unreachable')

function top(values: (string | null | undefined)[], n = 5) {
  const counts = new Map<string, number>()
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1)
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
    .map(([name, count]) => ({ name, count }))
}

export function summarize(all: readonly ReportOrder[], now: Date, supervisionCount = 0) {
  // A split order's children carry the work; counting the parent too would count the claim twice.
  const orders = all.filter((o) => o.state !== 'split')
  const dispatched = orders.filter((o) => has(o, 'dispatch'))
  const replied = dispatched.filter((o) => has(o, 'reply'))
  const calledBack = dispatched.filter((o) => has(o, 'callback'))
  const scored = calledBack.filter(evaluated)
  return {
    volume: orders.length,
    directAnswerRate: rate(orders.filter((o) => o.resolution === 'answered').length, orders.length),
    notAccepted: orders.filter((o) => o.resolution === 'not_accepted').length,
    dispatchCount: dispatched.length,
    onTimeRate: rate(replied.filter(onTime).length, replied.length),
    returnRate: rate(dispatched.filter((o) => has(o, 'request-return')).length, dispatched.length),
    extensionRate: rate(dispatched.filter((o) => (o.extensions ?? 0) > 0).length, dispatched.length),
    callbackRate: rate(calledBack.length, replied.length),
    satisfactionRate: rate(scored.filter(satisfied).length, scored.length),
    reopenRate: rate(calledBack.filter((o) => (o.reopens ?? 0) > 0).length, calledBack.length),
    overdue: dispatched.filter((o) => overdue(o, now)).length,
    supervision: supervisionCount,
    topCategories: top(orders.map((o) => o.category)),
    topAddresses: top(orders.map((o) => o.address)),
  }
}

/** Per unit: its dispatched orders, on-time and satisfaction rates; best first. Explained orders do not count against it. */
export function unitRanking(all: readonly ReportOrder[], now: Date) {
  const byUnit = new Map<string, ReportOrder[]>()
  for (const o of all) if (o.unit && has(o, 'dispatch')) byUnit.set(o.unit, [...(byUnit.get(o.unit) ?? []), o])
  return [...byUnit]
    .map(([unit, orders]) => {
      const counted = orders.filter((o) => !o.explanationAccepted)
      const replied = counted.filter((o) => has(o, 'reply'))
      const scored = counted.filter(evaluated)
      return {
        unit,
        orders: orders.length,
        onTimeRate: rate(replied.filter(onTime).length, replied.length),
        satisfactionRate: rate(scored.filter(satisfied).length, scored.length),
        overdue: counted.filter((o) => overdue(o, now)).length,
        returns: orders.filter((o) => has(o, 'request-return')).length,
      }
    })
    .sort(
      (a, b) =>
        (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
        (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1) ||
        a.unit.localeCompare(b.unit),
    )
}

export type Interval = 'day' | 'week' | 'month'

/** The Shanghai day, the Monday of its week, or its month. */
export function bucketOf(at: Date, interval: Interval): string {
  const day = shanghaiDateString(at)
  if (interval === 'day') return day
  if (interval === 'month') return day.slice(0, 7)
  const d = new Date(`${day}T00:00:00Z`)
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000)
  return monday.toISOString().slice(0, 10)
}

export function trend(all: readonly ReportOrder[], interval: Interval) {
  const counts = new Map<string, { volume: number; answered: number; dispatched: number }>()
  for (const o of all.filter((x) => x.state !== 'split')) {
    const key = bucketOf(new Date(o.createdAt), interval)
    const c = counts.get(key) ?? { volume: 0, answered: 0, dispatched: 0 }
    c.volume++
    if (o.resolution === 'answered') c.answered++
    if (has(o, 'dispatch')) c.dispatched++
    counts.set(key, c)
  }
  return [...counts].sort((a, b) => a[0].localeCompare(b[0])).map(([period, c]) => ({ period, ...c }))
}
