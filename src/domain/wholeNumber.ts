/**
 * Counts of days, hours, requests: whole numbers within a sane range. Without a bound a value such as
 * 1e308 is stored and later breaks date arithmetic (an Invalid Date, a 500) far from where it came in.
 */
export type WholeNumberRange = { min: number; max: number }

/** `true`, or the message (Chinese, for the form) saying what is allowed. */
export function checkWholeNumber(value: unknown, { min, max }: WholeNumberRange): true | string {
  if (value === null || value === undefined || value === '') return true
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    return `须为 ${min}–${max} 之间的整数`
  }
  return true
}
