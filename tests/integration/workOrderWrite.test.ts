/**
 * The lean write of work orders (src/services/workOrderWrite.ts): it stores what the Local API's create and
 * update would store, field by field; intakes arriving together share one transaction and each gets its
 * own number; a failure in the middle of an intake group or of an action leaves no trace.
 */
import { jest } from '@jest/globals'
import type { Payload } from 'payload'

import { inTransaction } from '../../src/services/transaction'
import { actOnOrder } from '../../src/services/workOrderActions'
import { claimantData } from '../../src/services/workOrderClaimant'
import { createOrder } from '../../src/services/workOrderIntake'
import { insertOrder, prepareOrder, updateOrder } from '../../src/services/workOrderWrite'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
const ORDER = 'work-orders'

/** The stored document, without what differs by nature between two inserts (id, number, write time, row ids). */
async function stored(payload: Payload, id: number | string) {
  const doc = await payload.findByID({ collection: ORDER, id, depth: 0, overrideAccess: true, showHiddenFields: true })
  const { id: _id, number: _number, updatedAt: _updatedAt, ...rest } = doc
  return { ...rest, citedEntries: (rest.citedEntries ?? []).map(({ id: _rowId, ...row }) => row) }
}

const count = (payload: Payload, collection: 'work-orders' | 'knowledge-gaps' = ORDER) =>
  payload.count({ collection, overrideAccess: true }).then((r) => r.totalDocs)

let claimant: ReturnType<typeof claimantData> | undefined
/** An order with a value in every kind of field: groups, a list, a to-many relation, JSON, dates. */
function fixture() {
  const { units, entries } = context.world
  // Encrypted once: each encryption draws a new nonce.
  claimant ??= claimantData({ name: '李四', phone: '13900001111', idNumber: '110101199001011234', confidential: true })
  return {
    createdAt: '2026-11-30T02:00:00.000Z',
    state: 'intake',
    type: 'complaint',
    urgency: 'urgent',
    title: '夜间施工噪音',
    content: '幸福路工地每晚十一点后仍在施工',
    district: '东城区',
    address: '幸福路 8 号',
    claimant,
    citedEntries: [{ code: entries.aPublished.code!, version: '1', title: '甲局已发布' }],
    suggestedUnit: units.a.id,
    suggestions: { categories: [], units: [{ id: units.a.id, name: '甲局' }] },
    dispatchDueAt: '2026-11-30T06:00:00.000Z',
    timeline: [{ at: '2026-11-30T02:00:00.000Z', action: 'create', label: '登记', actor: 'agent', to: 'intake' }],
  }
}

describe('the lean write of a work order', () => {
  it('stores on insert the document the Local API create stores', async () => {
    const { payload } = context
    const viaLocalApi = await payload.create({
      collection: ORDER,
      data: { ...fixture(), number: 'GD20261130900001' } as never,
      overrideAccess: true,
    })
    const related = [viaLocalApi.id]
    await payload.update({ collection: ORDER, id: viaLocalApi.id, data: { related } as never, overrideAccess: true })
    const local = await payload.create({
      collection: ORDER,
      data: { ...fixture(), related, number: 'GD20261130900002' } as never,
      overrideAccess: true,
    })
    const lean = await inTransaction(payload, async (req) =>
      insertOrder(payload, await prepareOrder(payload, { ...fixture(), related }, req), 'GD20261130900003', req),
    )
    expect(lean.number).toBe('GD20261130900003')
    const leanStored = await stored(payload, lean.id)
    expect(leanStored).toEqual(await stored(payload, local.id))
    // Defaults filled as the collection declares them.
    expect(leanStored).toMatchObject({ channel: 'phone', complex: false, pausedMs: 0, extensions: 0, reopens: 0 })
    expect(leanStored.claimant).toMatchObject({ kind: 'person', anonymous: false, confidential: true })
  })

  it('stores on update what the Local API update stores, a changed group merged with the stored one', async () => {
    const { payload, world } = context
    const make = (number: string) =>
      payload.create({
        collection: ORDER,
        data: { ...fixture(), reply: { result: '已处理', contacted: true }, number } as never,
        overrideAccess: true,
      })
    const [a, b] = [await make('GD20261130900011'), await make('GD20261130900012')]
    const changes = {
      state: 'closed',
      resolution: 'answered',
      answer: '已按规定答复',
      citedEntries: [{ code: world.entries.bPublished.code!, version: '2', title: '乙局已发布' }],
      consultUnits: [world.units.a.id, world.units.b.id],
      reply: { text: '已电话告知' },
      resumeState: undefined,
      timeline: [...(a.timeline as object[]), { at: '2026-11-30T03:00:00.000Z', action: 'answer', to: 'closed' }],
    }
    await payload.update({ collection: ORDER, id: a.id, data: changes as never, overrideAccess: true })
    await inTransaction(payload, async (req) => {
      const { docs } = await payload.find({
        collection: ORDER,
        where: { id: { equals: b.id } },
        depth: 0,
        overrideAccess: true,
        showHiddenFields: true,
        req,
      })
      await updateOrder(payload, docs[0]!, changes, req)
    })
    const after = await stored(payload, b.id)
    expect(after).toEqual(await stored(payload, a.id))
    expect(after.reply).toEqual({ result: '已处理', text: '已电话告知', contacted: true })
  })

  it('refuses a row the collection would refuse, as the Local API does', async () => {
    const { payload } = context
    await expect(prepareOrder(payload, { ...fixture(), type: 'gossip' })).rejects.toThrow(/type/)
    await expect(prepareOrder(payload, { ...fixture(), title: '' })).rejects.toThrow(/title/)
  })
})

describe('intake in groups', () => {
  const agent = () => ({ ...context.world.users.agent, roles: ['agent'] }) as never
  const input = (title: string) => ({ type: 'help' as const, title, content: '请处理', claimant: {} })

  it('writes intakes arriving together, each with its own number of the day', async () => {
    const { payload } = context
    const before = await count(payload)
    const begin = jest.spyOn(payload.db, 'beginTransaction')
    const created = await Promise.all(
      Array.from({ length: 12 }, (_, i) => createOrder(payload, input(`并发登记 ${i}`), agent())),
    ).finally(() => begin.mockRestore())
    // Those that arrived while a transaction ran waited for the next one: fewer commits than orders.
    expect(begin.mock.calls.length).toBeLessThan(12)
    const numbers = created.map((o) => o.number)
    expect(new Set(numbers).size).toBe(12)
    expect(await count(payload)).toBe(before + 12)
    for (const order of created) expect((await stored(payload, order.id)).title).toBe(order.title)
  })

  it('a failure in the middle of a group leaves no trace of the faulty order and writes the others', async () => {
    const { payload } = context
    const before = await count(payload)
    const create = payload.db.create.bind(payload.db)
    const spy = jest
      .spyOn(payload.db, 'create')
      .mockImplementation(((args: { data: { title?: string } }) =>
        args.data.title === '故障登记'
          ? Promise.reject(new Error('disk full (injected)'))
          : create(args as never)) as never)
    try {
      const results = await Promise.allSettled(
        ['登记 甲', '登记 乙', '故障登记', '登记 丙', '登记 丁'].map((t) => createOrder(payload, input(t), agent())),
      )
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled'])
      expect(String((results[2] as PromiseRejectedResult).reason)).toMatch(/injected/)
    } finally {
      spy.mockRestore()
    }
    expect(await count(payload)).toBe(before + 4)
    const faulty = await payload.find({
      collection: ORDER,
      where: { title: { equals: '故障登记' } },
      overrideAccess: true,
    })
    expect(faulty.totalDocs).toBe(0)
  })
})

describe('an action that fails half-way', () => {
  it('leaves the order, its timeline and the knowledge gap it planned as they were', async () => {
    const { payload, world } = context
    const agent = { ...world.users.agent, roles: ['agent'] } as never
    const order = await createOrder(
      payload,
      { type: 'consultation', title: '知识库没有的问题', content: '怎么办', claimant: {} },
      agent,
    )
    const gaps = await count(payload, 'knowledge-gaps')
    const spy = jest.spyOn(payload.db, 'updateOne').mockRejectedValue(new Error('disk full (injected)') as never)
    try {
      await expect(actOnOrder(payload, order.number, 'answer', { noKnowledge: true }, agent)).rejects.toThrow(
        /injected/,
      )
    } finally {
      spy.mockRestore()
    }
    expect(await count(payload, 'knowledge-gaps')).toBe(gaps)
    const after = await stored(payload, order.id)
    expect(after.state).toBe('intake')
    expect(after.timeline).toHaveLength(1)

    const answered = await actOnOrder(payload, order.number, 'answer', { noKnowledge: true }, agent)
    expect(answered).toMatchObject({ state: 'closed', resolution: 'answered', noKnowledge: true })
    expect(await count(payload, 'knowledge-gaps')).toBe(gaps + 1)
  })
})
