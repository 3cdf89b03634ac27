/** Dates as the hotline means them: calendar days in Asia/Shanghai (UTC+8 all year, no DST). */
const OFFSET_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/

/** 'YYYY-MM-DD' is midnight in Shanghai; anything else is parsed as a full timestamp. */
export function parseHotlineDate(value: string): Date | undefined {
  const m = DATE_ONLY.exec(value.trim())
  const t = m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) - OFFSET_MS : Date.parse(value)
  if (Number.isNaN(t)) return undefined
  const d = new Date(t)
  // Date.UTC rolls 2026-02-30 over to March; a date that does not exist is an error, not a guess.
  if (m && shanghaiDateString(d) !== value.trim()) return undefined
  return d
}

export function startOfShanghaiDay(at: Date): Date {
  return new Date(Math.floor((at.getTime() + OFFSET_MS) / DAY_MS) * DAY_MS - OFFSET_MS)
}

export function shanghaiDateString(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10)
}

/** A "valid until" day includes the whole day: the entry lapses at the next Shanghai midnight. */
export function endOfValidityDay(validUntil: Date): Date {
  return new Date(startOfShanghaiDay(validUntil).getTime() + DAY_MS)
}

/** 2026-11-30 14:05, the product's one date-time style. */
export function shanghaiDateTimeString(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')
}
