import fc from 'fast-check'

import { OFFICIAL_DAYS } from '../../src/domain/calendar/officialHolidays'
import { addWorkingDays, calendarOf, isWorkingDay, workingDaysBetween } from '../../src/domain/calendar/workCalendar'
import { shanghaiDateString } from '../../src/domain/shanghaiTime'

const calendar = calendarOf(OFFICIAL_DAYS)
const at = (s: string) => new Date(s)

describe('work calendar', () => {
  it('knows weekends, holidays and make-up workdays', () => {
    expect(isWorkingDay('2026-11-25', calendar)).toBe(true) // Wednesday
    expect(isWorkingDay('2026-11-28', calendar)).toBe(false) // Saturday
    expect(isWorkingDay('2026-10-05', calendar)).toBe(false) // National Day, a Monday
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true) // Saturday, made a workday
  })

  it('counts deadlines in working days across weekends and holidays', () => {
    // Friday 2026-11-27 + 1 working day → due by the end of Monday 11-30.
    expect(addWorkingDays(at('2026-11-27T15:00:00+08:00'), 1, calendar).toISOString()).toBe('2026-11-30T16:00:00.000Z')
    // Wednesday 2026-09-30 + 1 → National Day week off → Thursday 10-08.
    expect(addWorkingDays(at('2026-09-30T10:00:00+08:00'), 1, calendar).toISOString()).toBe('2026-10-08T16:00:00.000Z')
    // Friday 10-09 + 1 → Saturday 10-10 is a make-up workday.
    expect(addWorkingDays(at('2026-10-09T10:00:00+08:00'), 1, calendar).toISOString()).toBe('2026-10-10T16:00:00.000Z')
  })

  it('counts the working days that have passed', () => {
    expect(workingDaysBetween(at('2026-11-20T10:00:00+08:00'), at('2026-11-25T10:00:00+08:00'), calendar)).toBe(2) // Mon, Tue
    expect(workingDaysBetween(at('2026-11-25T10:00:00+08:00'), at('2026-11-25T18:00:00+08:00'), calendar)).toBe(0)
  })

  it('agrees with itself: n working days later, n−1 of them have passed by the deadline day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 364 }), fc.integer({ min: 1, max: 15 }), (offset, n) => {
        const from = new Date(Date.parse('2026-01-01T09:00:00+08:00') + offset * 86_400_000)
        const due = addWorkingDays(from, n, calendar)
        const lastDay = new Date(due.getTime() - 1)
        expect(workingDaysBetween(from, lastDay, calendar)).toBe(n - 1)
        expect(isWorkingDay(shanghaiDateString(lastDay), calendar)).toBe(true)
      }),
    )
  })
})
