/**
 * The pieces several app servers share through the database, each with two "instances" in this
 * process on one database (the two-process proof is tests/cluster/twoInstances.test.ts): a lease
 * exactly one holds, rate limits counted together, and a start that survives an unreachable engine.
 */
import type { Payload } from 'payload'

import { DatabaseRateLimitStore } from '../../src/auth/databaseRateLimitStore'
import { createLease } from '../../src/jobs/lease'
import { startSearchFollower } from '../../src/jobs/searchFollower'
import type { SearchEngine } from '../../src/search/types'
import { TypesenseEngine } from '../../src/search/typesense/TypesenseEngine'
import { startPayload } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(async () => {
  await payload?.destroy()
})

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

describe('several app servers on one database', () => {
  it('lets exactly one instance hold a lease slot, and another take over when the holder stops', async () => {
    const slotMs = 400
    const a = createLease(payload, 'test-lease', slotMs)
    const b = createLease(payload, 'test-lease', slotMs)
    let bAcquired = 0
    b.onAcquire(async () => void bAcquired++)
    // Both ask at once, many times: never both.
    for (let i = 0; i < 5; i++) {
      const [ha, hb] = await Promise.all([a.held(), b.held()])
      expect(Number(ha) + Number(hb)).toBe(1)
      await sleep(slotMs / 4)
    }
    const holder = (await a.held()) ? a : b
    const other = holder === a ? b : a
    // The holder keeps renewing while it asks; the other never gets a slot meanwhile.
    for (let i = 0; i < 6; i++) {
      expect(await holder.held()).toBe(true)
      expect(await other.held()).toBe(false)
      await sleep(slotMs / 3)
    }
    // The holder stops asking (it died): within two slots the other holds the lease.
    await sleep(2 * slotMs)
    expect(await other.held()).toBe(true)
    if (other === b) expect(bAcquired).toBeGreaterThan(0)
  })

  it('counts a rate limit across instances', async () => {
    const one = new DatabaseRateLimitStore(payload, 'test-limit')
    const two = new DatabaseRateLimitStore(payload, 'test-limit')
    for (const s of [one, two]) s.init({ windowMs: 60_000 } as never)
    await one.increment('client')
    await two.increment('client')
    const third = await one.increment('client')
    expect(third.totalHits).toBe(3)
    expect((await two.get('client')).totalHits).toBe(3)
    await two.decrement('client')
    expect((await one.get('client')).totalHits).toBe(2)
    await one.resetKey('client')
    expect((await two.get('client')).totalHits).toBe(0)
  })

  it('starts with an unreachable Typesense and says so, instead of aborting', async () => {
    const shared = globalThis as { __hotlineKbSearchEngine?: SearchEngine }
    const previous = shared.__hotlineKbSearchEngine
    // A closed port on this machine: no server at all answers.
    shared.__hotlineKbSearchEngine = new TypesenseEngine({ url: 'http://127.0.0.1:9', apiKey: 'x', alias: 'kb' })
    try {
      const follower = await startSearchFollower(payload, { intervalMs: 60_000 })
      follower.stop()
      expect(follower.settingsApplied).toBe(false)
      expect((await shared.__hotlineKbSearchEngine.health()).status).toBe('down')
    } finally {
      shared.__hotlineKbSearchEngine = previous
    }
  }, 120_000)
})
