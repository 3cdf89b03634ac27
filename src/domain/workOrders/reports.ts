/**
 * Work-order statistics (第二十八条), pure. Every figure is a ratio of counters, and every counter is a
 * sum of one order's 0/1 flags (`orderCounts`), so a database can compute the same counters with
 * GROUP BY or an aggregation pipeline (src/services/reportStore*.ts) and the figures come out of
 * the same folding functions here. `summarize`, `unitRanking` and `trend` are the in-memory path,
 * checked by hand on a fixture; the database paths are checked against them.
 */
import { isWorkingDay, type WorkCalendar, workingDaysBetween } from '../calendar/workCalendar'
import { shanghaiDateString } from '../shanghaiTime'
import { CHANNELS, ORDER_TYPES } from './orderTypes'

/** The fields of an order the reports read; `returned` means a return was requested at some point. */
export type ReportOrder = {
  number?: string
  state: string
  resolution?: string | null
  type: string
  channel?: string | null
  unit?: string | null
  category?: string | null
  district?: string | null
  address?: string | null
  createdAt: string
  dispatchedAt?: string | null
  repliedAt?: string | null
  dueAt?: string | null
  extensions?: number | null
  reopens?: number | null
  returned?: boolean | null
  lastSatisfaction?: string | null
  solved?: boolean | null
  answerRating?: string | null
  explanationAccepted?: boolean | null
}

export const COUNTERS = [
  'volume',
  'answered',
  'consultations',
  'answeredConsultations',
  'notAccepted',
  'dispatched',
  'replied',
  /** Dispatched orders whose deadline has passed or that were replied: the on-time denominator. */
  'due',
  'onTime',
  'returned',
  'extended',
  'calledBack',
  'evaluated',
  'satisfied',
  'answerEvaluated',
  'answerSatisfied',
  'solvedAsked',
  'solved',
  'reopened',
] as const
export type Counter = (typeof COUNTERS)[number]
export type Counts = Record<Counter, number>

export const zeroCounts = (): Counts => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counts

/**
 * A report reads each dimension on its own (the unit ranking, and the breakdowns by type, channel,
 * district and category), never their combinations: so the database returns one group per value of
 * each dimension — a hundred rows or so — instead of one per combination, which on a month of a
 * city's orders is tens of thousands. Every counted order is in exactly one group of each slice.
 */
export const SLICES = ['unit', 'type', 'channel', 'district', 'category'] as const
export type Slice = (typeof SLICES)[number]

/** A value of one dimension; `explained` (unit slice only) keeps accepted 尽责说明 out of a unit's rates. */
export type GroupKey = { slice: Slice; value: string | null; explained: boolean }
export type ReportGroup = GroupKey & Counts

/** Handled orders by the Shanghai days of their (last) dispatch and reply: enough for working-day averages. */
export type HandlingPair = { unit: string | null; dispatchDay: string; replyDay: string; count: number }

export type DayRow = { day: string; volume: number; answered: number; dispatched: number }
export type NamedCount = { name: string; count: number }

const GOOD = ['satisfied', 'basically_satisfied']
const evaluatedScore = (s?: string | null) => Boolean(s && s !== 'unreachable')
const at = (iso?: string | null) => (iso ? Date.parse(iso) : undefined)
const flag = (b: unknown) => (b ? 1 : 0)

/** A split order's children carry the work; counting the parent too would count the claim twice. */
export const counted = (o: ReportOrder) => o.state !== 'split'

/** Whether the order was replied in its current handling round (a reopen dispatches it again). */
const isReplied = (o: ReportOrder) => Boolean(o.dispatchedAt && o.repliedAt && at(o.repliedAt)! >= at(o.dispatchedAt)!)

/** One order's flags, as the database computes them per row. */
export function orderCounts(o: ReportOrder, now: Date): Counts {
  const dispatched = Boolean(o.dispatchedAt)
  const replied = isReplied(o)
  const due = dispatched && Boolean(o.dueAt) && (replied || at(o.dueAt)! < now.getTime())
  const calledBack = replied && Boolean(o.lastSatisfaction)
  const answered = o.resolution === 'answered'
  return {
    volume: 1,
    answered: flag(answered),
    consultations: flag(o.type === 'consultation'),
    answeredConsultations: flag(o.type === 'consultation' && answered),
    notAccepted: flag(o.resolution === 'not_accepted'),
    dispatched: flag(dispatched),
    replied: flag(replied),
    due: flag(due),
    onTime: flag(replied && o.dueAt && at(o.repliedAt)! <= at(o.dueAt)!),
    returned: flag(dispatched && o.returned),
    extended: flag(dispatched && (o.extensions ?? 0) > 0),
    calledBack: flag(calledBack),
    evaluated: flag(calledBack && evaluatedScore(o.lastSatisfaction)),
    satisfied: flag(calledBack && GOOD.includes(o.lastSatisfaction!)),
    answerEvaluated: flag(answered && evaluatedScore(o.answerRating)),
    answerSatisfied: flag(answered && GOOD.includes(o.answerRating ?? '')),
    solvedAsked: flag(o.solved === true || o.solved === false),
    solved: flag(o.solved === true),
    reopened: flag(calledBack && (o.reopens ?? 0) > 0),
  }
}

/**
 * One order's flags that do not depend on the time of the report — every counter but `due` — packed
 * one bit per counter in `COUNTERS` order. The write path stores them with the order (`reportFlags`),
 * so that a report reads one integer per order and adds only the `due` bit.
 */
export function reportFlags(o: ReportOrder): number {
  const counts = orderCounts(o, new Date(0))
  return COUNTERS.reduce((flags, c, bit) => (c !== 'due' && counts[c] ? flags | (1 << bit) : flags), 0)
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : typeof v === 'string' ? v : null)

/** `reportFlags` of a work order as stored or about to be (dates as strings or Dates, `returns` a count). */
export function storedReportFlags(doc: Record<string, unknown>): number {
  return reportFlags({
    state: String(doc.state ?? ''),
    type: String(doc.type ?? ''),
    resolution: doc.resolution as string | null,
    createdAt: iso(doc.createdAt) ?? '',
    dispatchedAt: iso(doc.dispatchedAt),
    repliedAt: iso(doc.repliedAt),
    dueAt: iso(doc.dueAt),
    extensions: Number(doc.extensions ?? 0),
    reopens: Number(doc.reopens ?? 0),
    returned: Number(doc.returns ?? 0) > 0,
    lastSatisfaction: doc.lastSatisfaction as string | null,
    solved: doc.solved as boolean | null,
    answerRating: doc.answerRating as string | null,
  })
}

export function addCounts(into: Counts, c: Counts): Counts {
  for (const k of COUNTERS) into[k] += c[k]
  return into
}

const keysOf = (o: ReportOrder): GroupKey[] => [
  { slice: 'unit', value: o.unit ?? null, explained: Boolean(o.explanationAccepted) },
  { slice: 'type', value: o.type, explained: false },
  { slice: 'channel', value: o.channel ?? null, explained: false },
  { slice: 'district', value: o.district || null, explained: false },
  { slice: 'category', value: o.category ?? null, explained: false },
]

/** The in-memory equivalent of the database's GROUP BY over the period's orders, slice by slice. */
export function groupOrders(orders: readonly ReportOrder[], now: Date): ReportGroup[] {
  const groups = new Map<string, ReportGroup>()
  for (const o of orders.filter(counted)) {
    const counts = orderCounts(o, now)
    for (const key of keysOf(o)) {
      const id = JSON.stringify(key)
      const group = groups.get(id) ?? { ...key, ...zeroCounts() }
      addCounts(group, counts)
      groups.set(id, group)
    }
  }
  return [...groups.values()]
}

export function handlingPairs(orders: readonly ReportOrder[]): HandlingPair[] {
  const pairs = new Map<string, HandlingPair>()
  for (const o of orders.filter((x) => counted(x) && isReplied(x))) {
    const pair = {
      unit: o.unit ?? null,
      dispatchDay: shanghaiDateString(new Date(o.dispatchedAt!)),
      replyDay: shanghaiDateString(new Date(o.repliedAt!)),
    }
    const id = JSON.stringify(pair)
    const found = pairs.get(id)
    if (found) found.count++
    else pairs.set(id, { ...pair, count: 1 })
  }
  return [...pairs.values()]
}

/**
 * Handling time in working days: the number of the working day on which the reply came, counted from
 * the day after dispatch — a reply on the dispatch day is 0, on the next working day 1, so an order
 * with an N-working-day limit replied in time took at most N.
 */
export function handlingWorkingDays(dispatchDay: string, replyDay: string, calendar: WorkCalendar): number {
  if (replyDay <= dispatchDay) return 0
  const from = new Date(`${dispatchDay}T12:00:00+08:00`)
  const to = new Date(`${replyDay}T12:00:00+08:00`)
  return workingDaysBetween(from, to, calendar) + (isWorkingDay(replyDay, calendar) ? 1 : 0)
}

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places
export const rate = (part: number, whole: number) => (whole ? round(part / whole, 3) : null)

/** Per calendar, the working days of each (dispatch day, reply day) seen: units share their days. */
const handlingDaysSeen = new WeakMap<WorkCalendar, Map<string, number>>()

export function averageHandlingDays(pairs: readonly HandlingPair[], calendar: WorkCalendar): number | null {
  const n = pairs.reduce((s, p) => s + p.count, 0)
  if (!n) return null
  const seen = handlingDaysSeen.get(calendar) ?? new Map<string, number>()
  handlingDaysSeen.set(calendar, seen)
  const daysOf = (p: HandlingPair) => {
    const key = `${p.dispatchDay}/${p.replyDay}`
    let days = seen.get(key)
    if (days === undefined) seen.set(key, (days = handlingWorkingDays(p.dispatchDay, p.replyDay, calendar)))
    return days
  }
  const days = pairs.reduce((s, p) => s + p.count * daysOf(p), 0)
  return round(days / n, 2)
}

/** The rates of a set of counters. Satisfaction counts handled orders and rated direct answers alike. */
export function figures(c: Counts) {
  return {
    volume: c.volume,
    directAnswerRate: rate(c.answered, c.volume),
    firstContactRate: rate(c.answeredConsultations, c.consultations),
    notAccepted: c.notAccepted,
    dispatchCount: c.dispatched,
    dueCount: c.due,
    onTimeRate: rate(c.onTime, c.due),
    overdue: c.due - c.onTime,
    solvedRate: rate(c.solved, c.solvedAsked),
    returnRate: rate(c.returned, c.dispatched),
    extensionRate: rate(c.extended, c.dispatched),
    callbackRate: rate(c.calledBack, c.replied),
    satisfactionRate: rate(c.satisfied + c.answerSatisfied, c.evaluated + c.answerEvaluated),
    handledSatisfactionRate: rate(c.satisfied, c.evaluated),
    answerSatisfactionRate: rate(c.answerSatisfied, c.answerEvaluated),
    reopenRate: rate(c.reopened, c.calledBack),
  }
}
export type Figures = ReturnType<typeof figures>

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Most first, then by name in code-point order (as both databases sort strings). */
export function top(counts: Iterable<[string, number]>, n = 5): NamedCount[] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || byCodePoint(a[0], b[0]))
    .slice(0, n)
    .map(([name, count]) => ({ name, count }))
}

export function topAddresses(orders: readonly ReportOrder[], n = 5): NamedCount[] {
  const counts = new Map<string, number>()
  for (const o of orders) if (counted(o) && o.address) counts.set(o.address, (counts.get(o.address) ?? 0) + 1)
  return top(counts, n)
}

const TYPE_LABEL = new Map<string, string>(ORDER_TYPES.map((t) => [t.value, t.label]))
const CHANNEL_LABEL = new Map<string, string>(CHANNELS.map((c) => [c.value, c.label]))

export const DIMENSIONS = [
  { key: 'type', label: '诉求类型', name: (v: string | null) => (v ? (TYPE_LABEL.get(v) ?? v) : '未填') },
  { key: 'channel', label: '来源渠道', name: (v: string | null) => (v ? (CHANNEL_LABEL.get(v) ?? v) : '未填') },
  { key: 'district', label: '区域', name: (v: string | null) => v ?? '未填' },
  { key: 'category', label: '诉求分类', name: (v: string | null) => v ?? '未分类' },
] as const
export type Dimension = (typeof DIMENSIONS)[number]['key']
export type Breakdown = { name: string } & Figures

function fold<K>(groups: readonly ReportGroup[], keyOf: (g: ReportGroup) => K): Map<K, Counts> {
  const out = new Map<K, Counts>()
  for (const g of groups) {
    const k = keyOf(g)
    out.set(k, addCounts(out.get(k) ?? zeroCounts(), g))
  }
  return out
}

/** Per value of one dimension, the most orders first. */
export function breakdown(groups: readonly ReportGroup[], dimension: Dimension): Breakdown[] {
  const name = DIMENSIONS.find((d) => d.key === dimension)!.name
  return [
    ...fold(
      groups.filter((g) => g.slice === dimension),
      (g) => name(g.value),
    ),
  ]
    .map(([n, c]) => ({ name: n, ...figures(c) }))
    .sort((a, b) => b.volume - a.volume || byCodePoint(a.name, b.name))
}

export type ReportInput = {
  groups: readonly ReportGroup[]
  handling: readonly HandlingPair[]
  addresses: readonly NamedCount[]
  supervision: number
  calendar: WorkCalendar
}

export function summaryOf(r: ReportInput) {
  // Every counted order has one type: the type slice holds them all once.
  const all =
    fold(
      r.groups.filter((g) => g.slice === 'type'),
      () => 'all',
    ).get('all') ?? zeroCounts()
  return {
    ...figures(all),
    averageHandlingDays: averageHandlingDays(r.handling, r.calendar),
    supervision: r.supervision,
    topCategories: breakdown(r.groups, 'category')
      .filter((b) => b.name !== '未分类')
      .slice(0, 5)
      .map((b) => ({ name: b.name, count: b.volume })),
    topAddresses: [...r.addresses],
    breakdowns: Object.fromEntries(DIMENSIONS.map((d) => [d.key, breakdown(r.groups, d.key)])) as Record<
      Dimension,
      Breakdown[]
    >,
  }
}
export type Summary = ReturnType<typeof summaryOf>

export type UnitRow = {
  unit: string
  orders: number
  onTimeRate: number | null
  satisfactionRate: number | null
  solvedRate: number | null
  overdue: number
  returns: number
  averageHandlingDays: number | null
}

/**
 * Per unit: its dispatched orders, on-time, satisfaction and solved rates, overdue orders, returns and
 * handling time; best first. Orders whose 尽责说明 was accepted count in volume, not against the rates.
 */
export function unitRankingOf(
  groups: readonly ReportGroup[],
  handling: readonly HandlingPair[],
  calendar: WorkCalendar,
): UnitRow[] {
  const units = groups.filter((g) => g.slice === 'unit' && g.value && g.dispatched)
  const all = fold(units, (g) => g.value!)
  const rated = fold(
    units.filter((g) => !g.explained),
    (g) => g.value!,
  )
  return [...all]
    .map(([unit, c]) => {
      const r = rated.get(unit) ?? zeroCounts()
      return {
        unit,
        orders: c.dispatched,
        onTimeRate: rate(r.onTime, r.due),
        satisfactionRate: rate(r.satisfied, r.evaluated),
        solvedRate: rate(r.solved, r.solvedAsked),
        overdue: r.due - r.onTime,
        returns: c.returned,
        averageHandlingDays: averageHandlingDays(
          handling.filter((p) => p.unit === unit),
          calendar,
        ),
      }
    })
    .sort(
      (a, b) =>
        (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) ||
        (b.satisfactionRate ?? -1) - (a.satisfactionRate ?? -1) ||
        byCodePoint(a.unit, b.unit),
    )
}

export function summarize(orders: readonly ReportOrder[], now: Date, calendar: WorkCalendar, supervision = 0) {
  return summaryOf({
    groups: groupOrders(orders, now),
    handling: handlingPairs(orders),
    addresses: topAddresses(orders),
    supervision,
    calendar,
  })
}

export const unitRanking = (orders: readonly ReportOrder[], now: Date, calendar: WorkCalendar) =>
  unitRankingOf(groupOrders(orders, now), handlingPairs(orders), calendar)

export type Interval = 'day' | 'week' | 'month'

/** The Shanghai day, the Monday of its week, or its month. */
export function bucketOf(at: Date, interval: Interval): string {
  return bucketOfDay(shanghaiDateString(at), interval)
}

export function bucketOfDay(day: string, interval: Interval): string {
  if (interval === 'day') return day
  if (interval === 'month') return day.slice(0, 7)
  const d = new Date(`${day}T00:00:00Z`)
  const monday = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000)
  return monday.toISOString().slice(0, 10)
}

/** Orders per Shanghai day of creation, the in-memory equivalent of the database's day rows. */
export function dayRows(orders: readonly ReportOrder[]): DayRow[] {
  const days = new Map<string, DayRow>()
  for (const o of orders.filter(counted)) {
    const day = shanghaiDateString(new Date(o.createdAt))
    const d = days.get(day) ?? { day, volume: 0, answered: 0, dispatched: 0 }
    d.volume++
    d.answered += flag(o.resolution === 'answered')
    d.dispatched += flag(o.dispatchedAt)
    days.set(day, d)
  }
  return [...days.values()].sort((a, b) => byCodePoint(a.day, b.day))
}

export function trendOf(days: readonly DayRow[], interval: Interval) {
  const buckets = new Map<string, { period: string; volume: number; answered: number; dispatched: number }>()
  for (const d of days) {
    const period = bucketOfDay(d.day, interval)
    const b = buckets.get(period) ?? { period, volume: 0, answered: 0, dispatched: 0 }
    b.volume += d.volume
    b.answered += d.answered
    b.dispatched += d.dispatched
    buckets.set(period, b)
  }
  return [...buckets.values()].sort((a, b) => byCodePoint(a.period, b.period))
}

export const trend = (orders: readonly ReportOrder[], interval: Interval) => trendOf(dayRows(orders), interval)
