import { transitionEntry } from '../../src/services/entryTransitions'
import { myWork } from '../../src/services/myWork'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
const req = () => ({ payload: context.payload, context: {} }) as never

describe('待我处理 lists', () => {
  it('shows each role what waits for it', async () => {
    const { users, entries, units } = context.world
    await transitionEntry(
      context.payload,
      { id: entries.aDraft.id, action: 'submit', actor: users.editorA as never },
      req(),
    )
    // Expiring within 30 days: a published entry of unit A valid until 2026-12-10.
    await context.payload.create({
      collection: 'knowledge-entries',
      data: {
        type: 'faq',
        title: '冬季供暖临时安排',
        unit: units.a.id,
        validUntil: '2026-12-10T00:00:00+08:00',
        _status: 'published',
      } as never,
    })

    const titles = async (who: keyof typeof users) =>
      Object.fromEntries(
        (await myWork(context.payload, users[who] as never)).map((l) => [l.key, l.items.map((i) => i.title)]),
      )

    expect(await titles('reviewerA')).toEqual({
      unit_review: ['甲局草稿'],
      expired: [],
      expiring: ['冬季供暖临时安排'],
    })
    expect((await titles('kbAdmin')).hotline_review).toEqual([])
    await transitionEntry(
      context.payload,
      { id: entries.aDraft.id, action: 'reject', comment: '缺少材料', actor: users.reviewerA as never },
      req(),
    )
    expect(await titles('editorA')).toEqual({ rejected: ['甲局草稿'], expired: [], expiring: ['冬季供暖临时安排'] })
    expect((await titles('editorB')).rejected).toEqual([])
    expect(await titles('agent')).toEqual({})
  })

  it('counts the knowledge base at a glance, scoped to the unit', async () => {
    const { knowledgeOverview } = await import('../../src/services/myWork')
    const { users } = context.world
    expect(await knowledgeOverview(context.payload, users.reviewerA as never)).toEqual({
      expiring: { d30: 1, d7: 0, d1: 0 },
      expired: 0,
      openSupervision: 0,
      openGaps: null,
      unhelpfulFeedback: null,
      missingArrangement: null,
    })
    expect(await knowledgeOverview(context.payload, users.editorB as never)).toMatchObject({ expiring: { d30: 0 } })
    expect(await knowledgeOverview(context.payload, users.kbAdmin as never)).toMatchObject({
      expiring: { d30: 1 },
      openGaps: 0,
      unhelpfulFeedback: 0,
    })
  })

  it('reminds the admins of a missing 调休 arrangement: this year, and from October next year', async () => {
    const { knowledgeOverview } = await import('../../src/services/myWork')
    const { seedWorkCalendar } = await import('../../src/seed/workCalendar')
    const { users } = context.world
    // The test world has no calendar: even this year (2026) lacks its arrangement.
    expect((await knowledgeOverview(context.payload, users.admin as never)).missingArrangement).toBe(2026)
    await seedWorkCalendar(context.payload)
    // 2025 and 2026 are seeded; the clock stands in November 2026, so 2027 is due.
    expect((await knowledgeOverview(context.payload, users.admin as never)).missingArrangement).toBe(2027)
    expect((await knowledgeOverview(context.payload, users.kbAdmin as never)).missingArrangement).toBeNull()
  })
})
