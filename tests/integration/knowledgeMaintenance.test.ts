import { fixClock } from '../../src/domain/clock'
import { runKnowledgeMaintenance } from '../../src/jobs/knowledgeMaintenance'
import { indexEntry } from '../../src/jobs/syncIndex'
import { searchEngine } from '../../src/search/searchEngine'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { transitionEntry } from '../../src/services/entryTransitions'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
const at = (s: string) => fixClock(new Date(s))
const req = () => ({ payload: context.payload, context: {} }) as never

const notifications = async (where: object = {}) =>
  (await context.payload.find({ collection: 'notifications', where: where as never, pagination: false, depth: 0 })).docs
const entryById = (id: number) => context.payload.findByID({ collection: 'knowledge-entries', id })

let soon: { id: number; code: string }
let tomorrow: { id: number; code: string }

beforeAll(async () => {
  at('2026-11-25T10:00:00+08:00')
  await seedWorkCalendar(context.payload)
  const create = (title: string, validUntil: string) =>
    context.payload.create({
      collection: 'knowledge-entries',
      data: { type: 'faq', title, unit: context.world.units.a.id, validUntil, _status: 'published' } as never,
    }) as Promise<{ id: number; code: string }>
  soon = await create('供暖季报修电话', '2026-12-24T00:00:00+08:00')
  tomorrow = await create('第三季度物价补贴发放通知', '2026-11-26T00:00:00+08:00')
})

afterAll(() => at('2026-11-25T10:00:00+08:00'))

describe('the daily knowledge round', () => {
  it('alerts the unit once per threshold, however often it runs', async () => {
    const first = await runKnowledgeMaintenance(context.payload)
    // Two entries × editor-a and reviewer-a of unit A.
    expect(first.alerts).toBe(4)
    expect((await notifications({ entry: { equals: soon.id } })).map((n) => n.title)).toEqual([
      expect.stringMatching(/^30 天内到期/),
      expect.stringMatching(/^30 天内到期/),
    ])
    expect((await notifications({ entry: { equals: tomorrow.id } }))[0].title).toMatch(/^1 天内到期/)
    expect(first.emails).toBe(2)
    const again = await runKnowledgeMaintenance(context.payload)
    expect(again).toMatchObject({ alerts: 0, emails: 0, expired: [] })
    // Sixteen days later the first entry crosses the 7-day threshold: one new alert each.
    at('2026-12-17T09:00:00+08:00')
    const later = await runKnowledgeMaintenance(context.payload)
    expect((await notifications({ entry: { equals: soon.id } })).filter((n) => /^7 天内/.test(n.title))).toHaveLength(2)
    expect(later.alerts).toBe(2)
  })

  it('expires an entry past its validUntil: off the public index, marked for agents who ask', async () => {
    // The run on 12-17 above already expired the entry that lapsed on 11-26.
    const entry = await entryById(tomorrow.id)
    expect(entry).toMatchObject({ workflowState: 'expired', _status: 'draft' })
    await indexEntry(context.payload, tomorrow.code)
    const query = { text: '物价补贴发放', now: new Date('2026-12-17T09:00:00+08:00') }
    expect((await searchEngine().search({ ...query, audience: 'public' })).hits).toEqual([])
    expect((await searchEngine().search({ ...query, audience: 'agent' })).hits).toEqual([])
    const asked = await searchEngine().search({ ...query, audience: 'agent', includeExpired: true })
    expect(asked.hits[0]).toMatchObject({ expired: true, document: { code: tomorrow.code, status: 'expired' } })
    const audit = await context.payload.find({ collection: 'audit-log', where: { entry: { equals: tomorrow.id } } })
    expect(audit.docs[0]).toMatchObject({ action: 'expire', actorName: '系统', to: 'expired' })
  })

  it('opens supervision when it stays stale, and closes it only once the entry is republished', async () => {
    const items = await context.payload.find({
      collection: 'supervision-items',
      where: { entry: { equals: tomorrow.id } },
    })
    expect(items.docs).toHaveLength(1)
    const item = items.docs[0]
    expect(item).toMatchObject({ reason: 'expired_stale', status: 'open' })
    // Opened 2026-12-17 (Thursday) + 5 working days → end of Thursday 12-24.
    expect(item.deadline).toBe('2026-12-24T16:00:00.000Z')
    const kbAdmin = { user: context.world.users.kbAdmin, overrideAccess: false } as const
    await expect(
      context.payload.update({ collection: 'supervision-items', id: item.id, data: { status: 'closed' }, ...kbAdmin }),
    ).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/须先更新并重新发布/) })

    at('2026-12-18T09:00:00+08:00')
    await context.payload.update({
      collection: 'knowledge-entries',
      id: tomorrow.id,
      draft: true,
      data: { validUntil: '2027-03-31T00:00:00+08:00' } as never,
      user: context.world.users.editorA,
      overrideAccess: false,
    })
    await transitionEntry(
      context.payload,
      { id: tomorrow.id, action: 'submit', actor: context.world.users.editorA as never },
      req(),
    )
    await transitionEntry(
      context.payload,
      { id: tomorrow.id, action: 'approve_unit', actor: context.world.users.reviewerA as never },
      req(),
    )
    await transitionEntry(
      context.payload,
      { id: tomorrow.id, action: 'approve_hotline', actor: context.world.users.kbAdmin as never },
      req(),
    )
    const closed = await context.payload.update({
      collection: 'supervision-items',
      id: item.id,
      data: { status: 'closed', closeNote: '已更新有效期' },
      ...kbAdmin,
    })
    expect(closed).toMatchObject({ status: 'closed' })
    expect(closed.closedAt).toBeTruthy()
  })

  it('escalates overdue supervision to the supervisors', async () => {
    const agent = { user: context.world.users.agent, overrideAccess: false } as const
    const report = await context.payload.create({
      collection: 'error-reports',
      data: { entry: soon.id, description: '报修电话已变更为 0000-8611111' },
      ...agent,
    })
    expect(report).toMatchObject({
      status: 'new',
      reportedBy: expect.objectContaining({ id: context.world.users.agent.id }),
    })
    const kbAdmin = { user: context.world.users.kbAdmin, overrideAccess: false } as const
    await expect(
      context.payload.update({ collection: 'error-reports', id: report.id, data: { status: 'dismissed' }, ...kbAdmin }),
    ).rejects.toMatchObject({ status: 400 })
    await context.payload.update({
      collection: 'error-reports',
      id: report.id,
      data: { status: 'supervised' },
      ...kbAdmin,
    })
    const linked = await context.payload.findByID({ collection: 'error-reports', id: report.id, depth: 0 })
    expect(linked.supervision).toBeTruthy()
    expect((await notifications({ kind: { equals: 'supervision_opened' }, entry: { equals: soon.id } })).length).toBe(2)

    at('2027-01-04T09:00:00+08:00')
    const result = await runKnowledgeMaintenance(context.payload)
    expect(result.escalated).toBe(1)
    const item = await context.payload.findByID({ collection: 'supervision-items', id: linked.supervision as number })
    expect(item.status).toBe('escalated')
    expect(
      (
        await notifications({
          recipient: { equals: context.world.users.supervisor.id },
          kind: { equals: 'supervision_overdue' },
        })
      ).length,
    ).toBe(1)
  })
})
