import { recordQuestionCandidate } from '../../src/services/questionCandidates'
import { actOnOrder } from '../../src/services/workOrderActions'
import { createOrder } from '../../src/services/workOrderIntake'
import { useWorld } from '../helpers/fixtures'

const ctx = useWorld()

describe('the learning loop: candidate similar questions (相似问候选)', () => {
  const candidates = (code: string) =>
    ctx.payload.find({
      collection: 'question-candidates',
      where: { 'entry.code': { equals: code } },
      depth: 0,
      overrideAccess: true,
    })

  it('records the question of a call answered from one entry, masked, and counts repeats', async () => {
    const { entries, users } = ctx.world
    const agent = { ...users.agent, roles: ['agent'] } as never
    const question = '我叫张三，电话13812345678，甲局那个事怎么办理呀'
    for (let i = 0; i < 2; i++) {
      const order = await createOrder(
        ctx.payload,
        { type: 'consultation', channel: 'phone', title: question, content: question, claimant: {} },
        agent,
      )
      await actOnOrder(ctx.payload, order.number, 'answer', { citedEntries: [entries.aPublished.code!] }, agent)
    }
    const found = await candidates(entries.aPublished.code!)
    expect(found.docs.map((c) => [c.text, c.count, c.status])).toEqual([
      ['我叫*，电话*，甲局那个事怎么办理呀', 2, 'pending'],
    ])
  })

  it('skips the entry’s own title and questions too short to learn from', async () => {
    const { entries } = ctx.world
    await recordQuestionCandidate(ctx.payload, entries.bPublished.code!, '乙局已发布')
    await recordQuestionCandidate(ctx.payload, entries.bPublished.code!, '王先生')
    expect((await candidates(entries.bPublished.code!)).totalDocs).toBe(0)
  })

  it('shows candidates to the entry’s unit and kb-admins only; accepting one drafts it into the entry', async () => {
    const { entries, users } = ctx.world
    await recordQuestionCandidate(ctx.payload, entries.aPublished.code!, '甲局的业务去哪里能办好')
    const read = (user: object) =>
      ctx.payload.find({ collection: 'question-candidates', user, overrideAccess: false, depth: 0 })
    expect((await read(users.editorA)).totalDocs).toBe(2)
    expect((await read(users.kbAdmin)).totalDocs).toBe(2)
    expect((await read(users.editorB)).totalDocs).toBe(0)
    await expect(read(users.agent)).rejects.toThrow()

    const wanted = (await read(users.editorA)).docs.find((c) => c.text === '甲局的业务去哪里能办好')!
    await expect(
      ctx.payload.update({
        collection: 'question-candidates',
        id: wanted.id,
        data: { status: 'accepted' },
        user: users.editorB,
        overrideAccess: false,
      }),
    ).rejects.toThrow()
    await ctx.payload.update({
      collection: 'question-candidates',
      id: wanted.id,
      data: { status: 'accepted' },
      user: users.editorA,
      overrideAccess: false,
    })
    const draft = await ctx.payload.findByID({
      collection: 'knowledge-entries',
      id: entries.aPublished.id,
      draft: true,
      overrideAccess: true,
    })
    expect(draft.questions).toEqual(['甲局的业务去哪里能办好'])
    // The live version keeps its questions until the edit is reviewed and published.
    const live = await ctx.payload.findByID({
      collection: 'knowledge-entries',
      id: entries.aPublished.id,
      overrideAccess: true,
    })
    expect(live.questions ?? []).toEqual([])
  })
})
