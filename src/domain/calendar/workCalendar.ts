/**
 * Working days in China: Monday to Friday, minus the statutory holidays the law fixes for every year,
 * minus the extra rest days and plus the weekend workdays of the State Council's yearly arrangement
 * (调休), which the admins enter. Days are Shanghai calendar days written YYYY-MM-DD.
 */
import { shanghaiDateString, startOfShanghaiDay } from '../shanghaiTime'
import { isStatutoryHoliday } from './statutoryHolidays'

export type WorkCalendar = {
  holidays: ReadonlySet<string>
  workdays: ReadonlySet<string>
  /** Years whose 调休 arrangement the admins have entered. */
  arrangedYears: ReadonlySet<number>
}

const DAY_MS = 86_400_000

export const calendarOf = (days: readonly { date: string; kind: 'holiday' | 'workday' }[]): WorkCalendar => ({
  holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
  workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
  arrangedYears: new Set(days.map((d) => Number(d.date.slice(0, 4)))),
})

/** Day of week of a Shanghai calendar day (0 Sunday … 6 Saturday). */
const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay()

export function isWorkingDay(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.has(day)) return true
  if (calendar.holidays.has(day) || isStatutoryHoliday(day)) return false
  const d = weekday(day)
  return d !== 0 && d !== 6
}

const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10)
const dayStart = (day: string) => startOfShanghaiDay(new Date(`${day}T00:00:00+08:00`)).getTime()

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
  return new Date(dayStart(day) + DAY_MS)
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

/** The time between two instants that falls on working days (ms); rest days do not count. */
export function workingTimeBetween(from: Date, to: Date, calendar: WorkCalendar): number {
  let total = 0
  let t = from.getTime()
  while (t < to.getTime()) {
    const day = shanghaiDateString(new Date(t))
    const end = Math.min(dayStart(day) + DAY_MS, to.getTime())
    if (isWorkingDay(day, calendar)) total += end - t
    t = end
  }
  return total
}

/** `at` moved on by `ms` of working time: rest days in between are skipped. */
export function addWorkingTime(at: Date, ms: number, calendar: WorkCalendar): Date {
  let t = at.getTime()
  let left = ms
  while (left > 0) {
    const day = shanghaiDateString(new Date(t))
    const end = dayStart(day) + DAY_MS
    if (isWorkingDay(day, calendar)) {
      const step = Math.min(left, end - t)
      left -= step
      t += step
      if (left === 0) break
    }
    t = end
  }
  return new Date(t)
}
