/**
 * Work-order time limits: N working days end at the end (23:59:59 Shanghai) of the N-th working day
 * after the day they start; working hours count only time on working days; urgent limits run in
 * natural hours. A span that needs a year whose 调休 arrangement the admins have not entered is
 * computed from the statutory holidays and weekends alone, and says so.
 */
import { addWorkingDays, addWorkingTime, type WorkCalendar } from '../calendar/workCalendar'
import { shanghaiDateString } from '../shanghaiTime'

export type TimeLimit = { workingDays?: number | null; workingHours?: number | null; hours?: number | null }

/** The last instant of the limit: 23:59:59.999 Shanghai of the due day, or start + (working) hours. */
export function dueAt(start: Date, limit: TimeLimit, calendar: WorkCalendar): Date {
  if (limit.hours) return new Date(start.getTime() + limit.hours * 3_600_000)
  if (limit.workingHours) return addWorkingTime(start, limit.workingHours * 3_600_000, calendar)
  return new Date(addWorkingDays(start, limit.workingDays ?? 0, calendar).getTime() - 1)
}

/** Years from `start` to `due` whose arrangement the calendar lacks. */
export function missingYears(start: Date, due: Date, calendar: WorkCalendar): number[] {
  const from = Number(shanghaiDateString(start).slice(0, 4))
  const to = Number(shanghaiDateString(due).slice(0, 4))
  const missing: number[] = []
  for (let y = from; y <= to; y++) if (!calendar.arrangedYears.has(y)) missing.push(y)
  return missing
}

/** A warning when the span from start to due touches a year without its 调休 arrangement. */
export function calendarWarning(start: Date, due: Date, calendar: WorkCalendar): string | undefined {
  const missing = missingYears(start, due, calendar)
  return missing.length
    ? `工作日历缺少 ${missing.join('、')} 年的调休安排，期限按法定节假日和周末推算，请管理员补充后核对`
    : undefined
}

/** From October on, the next year's arrangement is due: the year to remind the admins of, if missing. */
export function arrangementMissingFor(now: Date, calendar: WorkCalendar): number | undefined {
  const [year, month] = shanghaiDateString(now).split('-').map(Number)
  if (!calendar.arrangedYears.has(year)) return year
  return month >= 10 && !calendar.arrangedYears.has(year + 1) ? year + 1 : undefined
}
