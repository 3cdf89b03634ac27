/**
 * Working days in China: Monday to Friday, minus official holidays, plus the weekend days the State
 * Council moves work to (调休). Days are Shanghai calendar days written YYYY-MM-DD.
 */
import { shanghaiDateString, startOfShanghaiDay } from '../shanghaiTime'

export type WorkCalendar = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> }

const DAY_MS = 86_400_000

export const calendarOf = (days: readonly { date: string; kind: 'holiday' | 'workday' }[]): WorkCalendar => ({
  holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
  workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
})

/** Day of week of a Shanghai calendar day (0 Sunday … 6 Saturday). */
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(day)) return true
  if (calendar.holidays.has(day)) return false
  const d = weekday(day)
  return d !== 0 && d !== 6
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)

/**
 * The deadline n working days after `from`: the end (Shanghai midnight after) of the n-th working
 * day following the day of `from` — a matter received on Friday with 1 working day is due by the
 * end of Monday (or of the next working day after a holiday).
 */
export function addWorkingDays(from: Date, n: number, calendar: WorkCalendar): Date {
  let day = shanghaiDateString(from)
  let left = n
  while (left > 0) {
    day = nextDay(day)
    if (isWorkingDay(day, calendar)) left--
  }
  return new Date(startOfShanghaiDay(new Date(`${day}T00:00:00+08:00`)).getTime() + DAY_MS)
}

/** Whole working days that have ended after the day of `from` up to `to` (0 when `to` is not later). */
export function workingDaysBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  let day = shanghaiDateString(from)
  const last = shanghaiDateString(to)
  let count = 0
  while (day < last) {
    day = nextDay(day)
    // A working day counts once it is over: `last` is still running.
    if (day < last && isWorkingDay(day, calendar)) count++
  }
  return count
}
