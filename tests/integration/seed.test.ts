import type { Payload } from 'payload'

import { now } from '../../src/domain/clock'
import { isPastValidity } from '../../src/domain/knowledge/entryRules'
import { ROLES } from '../../src/domain/roles'
import { isDatabaseEmpty, seedDemo } from '../../src/seed/seedDemo'
import { browseCategory } from '../../src/services/categoryBrowse'
import { suggestForIntake } from '../../src/services/intakeSuggestions'
import { expiredPublicEntry } from '../../src/services/knowledgeQueries'
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
    // The intake model learned from the demo's closed orders: the console suggests categories from the start.
    const { categories } = await suggestForIntake(payload, { title: '公积金提取', content: '租房提取公积金要带什么' })
    expect(categories[0]?.path).toBe('住房公积金/提取')
    await seedDemo(payload, { reset: true })
    const again = await payload.count({ collection: 'knowledge-entries' })
    expect(again.totalDocs).toBe(entries.docs.length)
  }, 480_000)

  // Reads the demo city seeded by the test above.
  it('takes expired entries down with a link to their successor, and lists every category', async () => {
    // Taken down as the daily round would, each pointing the public to its successor (410 page).
    const expired = (
      await payload.find({ collection: 'knowledge-entries', pagination: false, draft: true, depth: 0 })
    ).docs.filter((e) => isPastValidity(e.validUntil, now()))
    expect(expired.every((e) => e.workflowState === 'expired')).toBe(true)
    const oldPolicy = expired.find((e) => e.title.includes('2024年版'))!
    const gone = await expiredPublicEntry(payload, oldPolicy.code!, now())
    expect(gone?.replacements.map((r) => r.title)).toEqual(['江临市高校毕业生就业补贴政策（2026年版）'])

    // Browsing a top category lists the public entries of its subcategories, a page at a time.
    const top = await payload.find({
      collection: 'categories',
      where: { code: { exists: true } },
      sort: 'order',
      limit: 1,
    })
    const firstPage = await browseCategory(payload, top.docs[0].code, 1, 5, now())
    expect(firstPage.found).toBeGreaterThan(0)
    expect(firstPage.entries.length).toBeLessThanOrEqual(5)
    expect(firstPage.entries.every((e) => e.category.startsWith(firstPage.path) && e.type !== 'script')).toBe(true)
    const everyCategoryLists = await payload.find({
      collection: 'categories',
      where: { parent: { exists: false } },
      pagination: false,
    })
    for (const c of everyCategoryLists.docs)
      expect((await browseCategory(payload, c.code, 1, 10, now())).found).toBeGreaterThan(0)
    await expect(browseCategory(payload, 'NO-SUCH', 1, 10, now())).rejects.toMatchObject({ status: 404 })
  }, 60_000)
})
