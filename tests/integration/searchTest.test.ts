/**
 * 检索测试: hits with why they matched for kb-admins and unit editors; a unit's editor sees internal
 * entries of their own unit only; other roles are refused.
 */
import { rebuildIndex } from '../../src/jobs/syncIndex'
import { CONFIDENT_AT } from '../../src/search/confidence'
import { searchEngine } from '../../src/search/searchEngine'
import { ServiceError } from '../../src/services/errors'
import { searchTest } from '../../src/services/searchTest'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
const at = new Date('2026-11-25T10:00:00+08:00')

beforeAll(async () => {
  const { payload, world } = context
  const create = (title: string, unit: number | string, audience: 'public' | 'internal') =>
    payload.create({
      collection: 'knowledge-entries',
      data: { type: 'faq', title, unit, audience, _status: 'published' } as never,
    })
  await create('停车收费标准答复口径（甲局内部）', world.units.a.id, 'internal')
  await create('停车收费标准答复口径（乙局内部）', world.units.b.id, 'internal')
  await create('停车收费标准', world.units.b.id, 'public')
  await rebuildIndex(payload)
})

const titles = async (user: unknown) =>
  (await searchTest(context.payload, searchEngine(), user as never, '停车收费标准', at)).hits.map((h) => h.title)

describe('search test (检索测试)', () => {
  it('shows kb-admins every entry, ranked, with why each matched and whether it is confident', async () => {
    const { hits } = await searchTest(
      context.payload,
      searchEngine(),
      context.world.users.kbAdmin as never,
      '停车收费标准',
      at,
    )
    expect(hits.map((h) => h.title)).toEqual(
      expect.arrayContaining(['停车收费标准', '停车收费标准答复口径（甲局内部）', '停车收费标准答复口径（乙局内部）']),
    )
    expect(hits[0]!.title).toBe('停车收费标准')
    // Near-duplicate siblings leave the best hit no lead: it would not be marked 可信.
    for (const h of hits) expect(h.confident).toBe(h.confidence >= CONFIDENT_AT)
    expect(hits[0]!.signals!.margin).toBeLessThan(0.5)
    expect(hits[0]!.explanation!.fields).toContain('title')
    expect(hits[0]!.explanation!.words.every((w) => w.matched)).toBe(true)
    expect(hits[0]!.explanation!.words.map((w) => w.word).join('')).toBe('停车收费标准')
  })

  it('shows a unit editor public entries and the internal entries of their own unit only', async () => {
    const seen = await titles(context.world.users.editorA)
    expect(seen).toContain('停车收费标准')
    expect(seen).toContain('停车收费标准答复口径（甲局内部）')
    expect(seen).not.toContain('停车收费标准答复口径（乙局内部）')
  })

  it('refuses agents, supervisors and the anonymous with 403', async () => {
    for (const user of [context.world.users.agent, context.world.users.supervisor, null]) {
      await expect(titles(user)).rejects.toMatchObject({ status: 403 })
      await expect(titles(user)).rejects.toBeInstanceOf(ServiceError)
    }
  })
})
