/**
 * The statutory holidays of 《全国年节及纪念日放假办法》 (as revised with effect from 2025-01-01) for
 * any year: 元旦 1 day, 春节 4 (除夕 to 正月初三), 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3. The lunar
 * dates come from the lunar-calendar library; only the State Council's yearly 调休 arrangement (bridge
 * days, make-up workdays, rest in lieu of a holiday on a weekend) needs the admins.
 */
import { Lunar, Solar } from 'lunar-typescript'

export type StatutoryDay = { date: string; name: string }

const pad = (n: number) => String(n).padStart(2, '0')
const ymd = (s: Solar) => `${s.getYear()}-${pad(s.getMonth())}-${pad(s.getDay())}`
const lunarDay = (year: number, month: number, day: number) => Lunar.fromYmd(year, month, day).getSolar()

const cache = new Map<number, StatutoryDay[]>()

export function statutoryHolidays(year: number): StatutoryDay[] {
  const known = cache.get(year)
  if (known) return known
  const springFestival = lunarDay(year, 1, 1)
  const qingming = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()['清明']
  const days: StatutoryDay[] = [
    { date: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((d) => ({ date: ymd(springFestival.next(d)), name: '春节' })),
    { date: ymd(qingming), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: ymd(lunarDay(year, 5, 5)), name: '端午节' },
    { date: ymd(lunarDay(year, 8, 15)), name: '中秋节' },
    ...[1, 2, 3].map((d) => ({ date: `${year}-10-0${d}`, name: '国庆节' })),
  ]
  cache.set(year, days)
  return days
}

/** Whether a Shanghai calendar day (YYYY-MM-DD) is a statutory holiday. */
export const isStatutoryHoliday = (day: string): boolean =>
  statutoryHolidays(Number(day.slice(0, 4))).some((d) => d.date === day)
