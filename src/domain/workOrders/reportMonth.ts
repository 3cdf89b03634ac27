/** The calendar month a monthly report covers, in Shanghai time. */
import { shanghaiDateString } from '../shanghaiTime'

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/

/** The month before the one `at` falls in (the report of the 1st covers the month just ended). */
export function previousMonth(at: Date): string {
  const [y, m] = shanghaiDateString(at).split('-').map(Number)
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** [from, to) of a month `YYYY-MM` in Shanghai time. */
export function monthRange(month: string): { from: Date; to: Date } {
  const [y, m] = month.split('-').map(Number)
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { from: new Date(`${month}-01T00:00:00+08:00`), to: new Date(`${next}-01T00:00:00+08:00`) }
}
