import type { Payload } from 'payload'

import { now } from '../../src/domain/clock'
import { isPastValidity } from '../../src/domain/knowledge/entryRules'
import { ROLES } from '../../src/domain/roles'
import { isDatabaseEmpty, seedDemo } from '../../src/seed/seedDemo'
import { startPayload } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => payload.destroy())

const DAY = 86_400_000

describe('demo data', () => {
  // Seeds the whole demo city twice (entries with versions, audit records, orders): slow on a shared machine.
  it('fills an empty database with the demo city, and resets it on request', async () => {
    expect(await isDatabaseEmpty(payload)).toBe(true)
    await seedDemo(payload, { reset: false })
    expect(await isDatabaseEmpty(payload)).toBe(false)

    const units = await payload.count({ collection: 'units' })
    expect(units.totalDocs).toBeGreaterThanOrEqual(15)

    const users = await payload.find({ collection: 'users', pagination: false })
    const roles = new Set(users.docs.flatMap((u) => u.roles))
    expect([...roles].sort()).toEqual(ROLES.map((r) => r.value).sort())

    const entries = await payload.find({ collection: 'knowledge-entries', pagination: false, draft: true, depth: 0 })
    expect(entries.docs.length).toBeGreaterThanOrEqual(120)
    expect(new Set(entries.docs.map((e) => e.type)).size).toBe(6)
    expect(entries.docs.every((e) => e.category)).toBe(true)

    const today = now().getTime()
    const expiringSoon = entries.docs.filter(
      (e) =>
        e.validUntil && !isPastValidity(e.validUntil, now()) && new Date(e.validUntil).getTime() < today + 30 * DAY,
    )
    const expired = entries.docs.filter((e) => isPastValidity(e.validUntil, now()))
    expect(expiringSoon.length).toBeGreaterThanOrEqual(3)
    expect(expired.length).toBeGreaterThanOrEqual(2)
    expect(expired.every((e) => e._status === 'draft')).toBe(true)
    expect(entries.docs.filter((e) => e.type === 'script').every((e) => e.audience === 'internal')).toBe(true)

    await seedDemo(payload, { reset: true })
    const again = await payload.count({ collection: 'knowledge-entries' })
    expect(again.totalDocs).toBe(entries.docs.length)
  }, 180_000)
})
