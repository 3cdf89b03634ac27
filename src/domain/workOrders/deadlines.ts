/**
 * Work-order time limits: N working days end at the end (23:59:59 Shanghai) of the N-th working day
 * after the day they start; urgent limits run in natural hours. A calendar that does not cover a
 * year the deadline needs is reported, not guessed over.
 */
import { addWorkingDays, type WorkCalendar } from '../calendar/workCalendar'
import { shanghaiDateString } from '../shanghaiTime'

export type TimeLimit = { workingDays?: number | null; hours?: number | null }

/** The last instant of the limit: 23:59:59.999 Shanghai of the due day, or start + hours. */
export function dueAt(start: Date, limit: TimeLimit, calendar: WorkCalendar): Date {
  if (limit.hours) return new Date(start.getTime() + limit.hours * 3_600_000)
  return new Date(addWorkingDays(start, limit.workingDays ?? 0, calendar).getTime() - 1)
}

/** Years the calendar lists days for (the official notice of each year adds its holidays). */
export const coveredYears = (calendar: WorkCalendar): Set<number> =>
  new Set([...calendar.holidays, ...calendar.workdays].map((d) => Number(d.slice(0, 4))))

/** A warning when the span from start to due touches a year the calendar has no notice for. */
export function calendarWarning(start: Date, due: Date, calendar: WorkCalendar): string | undefined {
  const years = coveredYears(calendar)
  const from = Number(shanghaiDateString(start).slice(0, 4))
  const to = Number(shanghaiDateString(due).slice(0, 4))
  const missing: number[] = []
  for (let y = from; y <= to; y++) if (!years.has(y)) missing.push(y)
  return missing.length
    ? `工作日历缺少 ${missing.join('、')} 年的节假日安排，期限按普通周末推算，请管理员补充后核对`
    : undefined
}
