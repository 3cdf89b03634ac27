/** Work-order numbers: GD + Shanghai date + a six-digit sequence of that day, e.g. GD20261125000123. */
import { shanghaiDateString } from '../shanghaiTime'

export const orderNumberPrefix = (at: Date): string => `GD${shanghaiDateString(at).replaceAll('-', '')}`

export const formatOrderNumber = (at: Date, sequence: number): string =>
  `${orderNumberPrefix(at)}${String(sequence).padStart(6, '0')}`

/** The next sequence after the day's highest number (or 1). */
export const nextSequence = (highest: string | undefined, at: Date): number =>
  highest?.startsWith(orderNumberPrefix(at)) ? Number(highest.slice(-6)) + 1 : 1

/** The day's numbers as a range of the unique number index: the highest is read without scanning the table. */
export const dayNumberRange = (at: Date): { first: string; last: string } => ({
  first: formatOrderNumber(at, 1),
  last: formatOrderNumber(at, 999_999),
})
