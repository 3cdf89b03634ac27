/** The default store of the search limits (src/auth/immediateMemoryStore.ts): fixed windows, answered at once. */
import { jest } from '@jest/globals'

import { ImmediateMemoryStore } from '../../src/auth/immediateMemoryStore'

describe('ImmediateMemoryStore', () => {
  let clock = 1_000_000
  beforeEach(() => {
    clock = 1_000_000
    jest.spyOn(Date, 'now').mockImplementation(() => clock)
  })
  afterEach(() => jest.restoreAllMocks())

  const store = () => {
    const s = new ImmediateMemoryStore()
    s.init({ windowMs: 60_000 })
    return s
  }

  it('counts each key in its own window, answering without a promise', () => {
    const s = store()
    const first = s.increment('a')
    expect(first).not.toHaveProperty('then')
    expect(first).toEqual({ totalHits: 1, resetTime: new Date(1_060_000) })
    clock += 30_000
    expect(s.increment('a')).toEqual({ totalHits: 2, resetTime: new Date(1_060_000) })
    expect(s.increment('b')).toEqual({ totalHits: 1, resetTime: new Date(1_090_000) })
  })

  it('starts a new window once the last one has ended, also for a key not seen for several windows', () => {
    const s = store()
    s.increment('a')
    s.increment('a')
    clock += 60_000
    expect(s.increment('a')).toEqual({ totalHits: 1, resetTime: new Date(1_120_000) })
    clock += 200_000
    expect(s.increment('a')).toEqual({ totalHits: 1, resetTime: new Date(clock + 60_000) })
  })

  it("keeps a key's count across the store's own turnover while the key's window lasts", () => {
    const s = store()
    s.increment('a') // the store's windows turn over every minute from here
    clock += 50_000
    expect(s.increment('b')).toEqual({ totalHits: 1, resetTime: new Date(1_110_000) })
    clock += 20_000
    expect(s.increment('b')).toEqual({ totalHits: 2, resetTime: new Date(1_110_000) })
  })

  it('takes a hit back, forgets one key or all', () => {
    const s = store()
    s.increment('a')
    s.increment('a')
    s.decrement('a')
    expect(s.increment('a').totalHits).toBe(2)
    s.resetKey('a')
    expect(s.increment('a').totalHits).toBe(1)
    s.increment('b')
    s.resetAll()
    expect(s.increment('a').totalHits).toBe(1)
    expect(s.increment('b').totalHits).toBe(1)
  })
})
