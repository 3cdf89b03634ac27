/** Expiry and review-due alerts at 30, 7 and 1 days, once per threshold. */
import { shanghaiDateString } from '../shanghaiTime'

export const ALERT_THRESHOLDS = [30, 7, 1] as const

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000

/** Calendar days from today to the due day (Shanghai): 0 on the day itself. */
export const daysUntil = (due: Date, now: Date): number =>
  dayNumber(shanghaiDateString(due)) - dayNumber(shanghaiDateString(now))

/** The tightest threshold a due date has reached, or undefined when it is further away or past. */
export function alertThreshold(due: Date, now: Date): number | undefined {
  const left = daysUntil(due, now)
  if (left < 0) return undefined
  return [...ALERT_THRESHOLDS].sort((a, b) => a - b).find((t) => left <= t)
}

export type AlertKind = 'expiring' | 'review_due'

/** The same alert for the same due day and threshold is sent once. */
export const alertKey = (
  kind: AlertKind,
  entryId: string | number,
  due: Date,
  threshold: number,
  recipient: string | number,
) => `${kind}:${entryId}:${shanghaiDateString(due)}:${threshold}:${recipient}`
