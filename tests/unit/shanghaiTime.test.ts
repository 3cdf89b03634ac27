import fc from 'fast-check'

import { now, fixClock } from '../../src/domain/clock'
import {
  endOfValidityDay,
  parseHotlineDate,
  shanghaiDateString,
  startOfShanghaiDay,
} from '../../src/domain/shanghaiTime'

describe('Shanghai calendar days', () => {
  it('reads a date-only string as Shanghai midnight', () => {
    expect(parseHotlineDate('2026-11-25')?.toISOString()).toBe('2026-11-24T16:00:00.000Z')
    expect(parseHotlineDate('2026-11-25T09:30:00+08:00')?.toISOString()).toBe('2026-11-25T01:30:00.000Z')
  })

  it('rejects dates that do not exist or do not parse', () => {
    expect(parseHotlineDate('2026-02-30')).toBeUndefined()
    expect(parseHotlineDate('昨天')).toBeUndefined()
  })

  it('finds the day of late-evening UTC instants in Shanghai', () => {
    const at = new Date('2026-11-25T17:00:00Z') // 01:00 on the 26th in Shanghai
    expect(shanghaiDateString(at)).toBe('2026-11-26')
    expect(startOfShanghaiDay(at).toISOString()).toBe('2026-11-25T16:00:00.000Z')
    expect(endOfValidityDay(at).toISOString()).toBe('2026-11-26T16:00:00.000Z')
  })

  it('round-trips every day between 2000 and 2100', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        (d) => {
          const day = shanghaiDateString(d)
          return shanghaiDateString(parseHotlineDate(day)!) === day && startOfShanghaiDay(d).getTime() <= d.getTime()
        },
      ),
    )
  })
})

describe('clock', () => {
  afterEach(() => fixClock(undefined))

  it('returns the fixed time when HOTLINE_NOW fixed it, as a copy', () => {
    fixClock(new Date('2026-11-25T02:00:00Z'))
    const a = now()
    a.setFullYear(2000)
    expect(now().toISOString()).toBe('2026-11-25T02:00:00.000Z')
  })

  it('follows the real time otherwise', () => {
    const before = Date.now()
    expect(now().getTime()).toBeGreaterThanOrEqual(before)
  })
})
