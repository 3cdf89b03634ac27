/**
 * Smart intake over HTTP: what was suggested is recorded on the order (the agent's shown suggestion, or
 * the model's), similar orders are found and linked, the accuracy report compares suggested with chosen.
 */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { fixClock } from '../../src/domain/clock'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { createApp } from '../../src/server/createApp'
import { trainIntakeModel } from '../../src/services/intakeSuggestions'
import { addUser, signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}
const as = (who: string) => `JWT ${tokens[who]}`
const categories: Record<'water' | 'noise', number> = { water: 0, noise: 0 }

const WATER = [
  '小区停水两天了，自来水一直没来',
  '水压太低，楼上没有自来水',
  '自来水管爆裂，路面漏水',
  '停水没有通知，自来水什么时候恢复',
]
const NOISE = [
  '夜间施工噪音扰民，影响休息',
  '工地晚上施工，噪音很大',
  '广场舞音响噪音扰民',
  '夜里施工机器噪音吵得睡不着',
]

const create = (who: string, body: Record<string, unknown>) =>
  request(app)
    .post('/api/v1/work-orders')
    .set('Authorization', as(who))
    .send({ type: 'complaint', ...body })
const similar = (who: string, body: Record<string, unknown>) =>
  request(app).post('/api/v1/work-orders/similar').set('Authorization', as(who)).send(body)
const stored = async (number: string) =>
  (
    await context.payload.find({
      collection: 'work-orders',
      where: { number: { equals: number } },
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]

beforeAll(async () => {
  const { payload, world } = context
  await seedWorkCalendar(payload)
  await seedSlaRules(payload)
  const category = (name: string, code: string) =>
    payload.create({ collection: 'categories', data: { name, code, order: 0 } })
  categories.water = (await category('供水', 'C-WATER')).id
  categories.noise = (await category('噪音', 'C-NOISE')).id
  let n = 0
  const history = (text: string, categoryId: number, unit: number) =>
    payload.create({
      collection: 'work-orders',
      data: {
        number: `GD20260901${String(++n).padStart(4, '0')}`,
        type: 'complaint',
        state: 'closed',
        title: text.slice(0, 6),
        content: text,
        category: categoryId,
        unit,
        createdAt: '2026-09-01T02:00:00.000Z',
        // Dispatched after dispatches recorded the unit id: the note alone would name 丙局, which does not exist.
        timeline: [{ action: 'dispatch', note: '派发至 丙局', unit }],
      } as never,
      overrideAccess: true,
    })
  for (const text of WATER) await history(text, categories.water, world.units.a.id)
  for (const text of NOISE) await history(text, categories.noise, world.units.b.id)
  expect(await trainIntakeModel(payload)).toMatchObject({ examples: 8, categories: 2 })
  await addUser(payload, 'dispatcher@test.example', ['dispatcher'])
  await addUser(payload, 'handler@test.example', ['unit-handler'], world.units.a.id)
  app = createApp(payload, env())
  Object.assign(tokens, await signInAll(app, ['agent', 'dispatcher', 'handler', 'admin', 'supervisor']))
})

afterAll(() => fixClock(new Date('2026-11-25T10:00:00+08:00')))

describe('the suggestion recorded at intake', () => {
  it('is computed from the model when the agent sends none, with the top-3 list and the top unit', async () => {
    // Intake never waits for the unit index: before its first build an order is taken without a unit.
    const early = await create('agent', { title: '停水', content: '家里自来水停了' })
    expect(await stored(early.body.number)).toMatchObject({ suggestedCategory: categories.water, suggestedUnit: null })
    // The console asks for suggestions while the agent types, which builds it.
    await request(app)
      .get('/api/v1/work-orders/suggestions')
      .query({ content: '停水' })
      .set('Authorization', as('agent'))
    const res = await create('agent', { title: '停水', content: '家里自来水停了，水压也低' })
    expect(res.status).toBe(201)
    expect(res.body.category).toBeNull()
    const order = await stored(res.body.number)
    expect(order.suggestedCategory).toBe(categories.water)
    expect(order.suggestedUnit).toBe(context.world.units.a.id)
    expect(order.suggestions).toMatchObject({
      categories: [{ id: String(categories.water), path: '供水' }, { id: String(categories.noise) }],
      units: [{ id: String(context.world.units.a.id), name: '甲局', returnRate: 0 }],
    })
  })

  it('is the one the agent was shown when sent, and an unknown one is refused', async () => {
    const res = await create('agent', {
      title: '施工噪音',
      content: '晚上施工噪音太大',
      category: 'C-WATER',
      suggestedCategory: String(categories.noise),
    })
    expect(res.status).toBe(201)
    const order = await stored(res.body.number)
    expect(order).toMatchObject({ suggestedCategory: categories.noise, category: categories.water })
    const bad = await create('agent', { title: '停水', content: '停水了', suggestedCategory: '999999' })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('建议分类 suggestedCategory 不存在')
  })

  it('records the dispatched unit on the timeline step, which the unit suggestion reads', async () => {
    const res = await create('agent', { title: '停水', content: '自来水没有了' })
    const dispatched = await request(app)
      .post(`/api/v1/work-orders/${res.body.number}/actions/dispatch`)
      .set('Authorization', as('dispatcher'))
      .send({ unit: 'B' })
    expect(dispatched.status).toBe(200)
    expect(dispatched.body.timeline.at(-1)).toMatchObject({ action: 'dispatch', unit: context.world.units.b.id })
    await trainIntakeModel(context.payload) // also rebuilds the unit index
    const suggested = await request(app)
      .get('/api/v1/work-orders/suggestions')
      .query({ content: '自来水没有了' })
      .set('Authorization', as('agent'))
    // 甲局 from the history (whose notes name a unit that does not exist: the recorded id counts), 乙局 from this dispatch.
    expect(suggested.body.units.map((u: { name: string }) => u.name).sort()).toEqual(['乙局', '甲局'])
  })
})

describe('similar orders at intake', () => {
  let first: string
  beforeAll(async () => {
    fixClock(new Date('2026-11-10T10:00:00+08:00'))
    // Too old to count as the same problem now.
    await create('agent', {
      title: '幸福小区停水',
      content: '幸福小区停水了，自来水没来',
      address: '幸福路8号幸福小区',
      district: '东城区',
    })
    fixClock(new Date('2026-11-24T10:00:00+08:00'))
    first = (
      await create('agent', {
        title: '幸福小区停水',
        content: '幸福小区今天停水，自来水一直没来',
        address: '幸福路8号幸福小区',
        district: '东城区',
        claimant: { name: '张三', phone: '13812345678' },
      })
    ).body.number
    await create('agent', {
      title: '噪音',
      content: '幸福小区夜间施工噪音',
      address: '幸福路8号幸福小区',
      district: '东城区',
    })
    fixClock(new Date('2026-11-25T10:00:00+08:00'))
  })

  it('shows the caller’s orders by phone and recent similar open orders at the same place', async () => {
    const res = await similar('agent', {
      phone: '13812345678',
      title: '停水',
      content: '我们幸福小区停水了，没有自来水',
      address: '幸福小区',
      district: '东城区',
    })
    expect(res.status).toBe(200)
    expect(res.body.samePhone).toEqual([
      { number: first, title: '幸福小区停水', state: 'intake', createdAt: expect.any(String) },
    ])
    expect(res.body.similarOpen.map((o: { number: string }) => o.number)).toEqual([first])
    expect(res.body.similarOpen[0]).toMatchObject({ address: '幸福路8号幸福小区', state: 'intake' })
    expect(res.body.similarOpen[0].similarity).toBeGreaterThan(0.2)
    expect(JSON.stringify(res.body)).not.toContain('13812345678')
    expect((await similar('supervisor', { content: '停水' })).status).toBe(200)
  })

  it('refuses unit handlers, empty and malformed queries', async () => {
    const refused = await similar('handler', { content: '停水' })
    expect(refused.status).toBe(403)
    const empty = await similar('agent', { district: '东城区' })
    expect(empty.status).toBe(400)
    expect(empty.body.message).toContain('请至少填写')
    expect((await similar('agent', { phone: 'abc', content: '停水' })).body.message).toContain('电话格式不对')
  })

  it('links the chosen similar orders at intake; an unknown number is refused', async () => {
    const linked = await create('agent', {
      title: '停水',
      content: '幸福小区停水',
      address: '幸福小区',
      related: [first],
    })
    expect(linked.status).toBe(201)
    expect(linked.body.possibleDuplicates).toEqual([{ number: first, state: 'intake', title: '幸福小区停水' }])
    const unknown = await create('agent', { title: '停水', content: '停水', related: ['GD20991231000001'] })
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toContain('关联工单不存在：GD20991231000001')
    expect((await create('agent', { title: '停水', content: '停水', related: ['x'] })).status).toBe(400)
  })
})

describe('suggestion accuracy report', () => {
  it('compares the suggestion with the category confirmed at closing, per month and category', async () => {
    const { payload } = context
    const close = async (title: string, content: string, chosen: number, createdAt: string) => {
      fixClock(new Date(createdAt))
      const number = (await create('agent', { title, content })).body.number
      const order = await stored(number)
      await payload.update({
        collection: 'work-orders',
        id: order.id,
        data: { state: 'closed', category: chosen },
        overrideAccess: true,
      })
    }
    await close('停水', '自来水停了', categories.water, '2026-10-10T10:00:00+08:00')
    await close('停水', '自来水没来，楼上没水', categories.noise, '2026-10-12T10:00:00+08:00')
    await close('施工噪音', '夜间施工噪音扰民', categories.noise, '2026-11-03T10:00:00+08:00')
    fixClock(new Date('2026-11-25T10:00:00+08:00'))

    const res = await request(app).get('/api/v1/reports/intake-accuracy?months=3').set('Authorization', as('admin'))
    expect(res.status).toBe(200)
    // Only the three closed orders count; the open ones taken above are not confirmed yet.
    expect(res.body.categories).toMatchObject({ orders: 3, correct: 2, accuracy: 0.667 })
    expect(res.body.categories.months).toEqual([
      { month: '2026-10', orders: 2, correct: 1, accuracy: 0.5 },
      { month: '2026-11', orders: 1, correct: 1, accuracy: 1 },
    ])
    expect(res.body.categories.perCategory).toEqual([
      expect.objectContaining({ path: '噪音', orders: 2, correct: 1, suggested: 1, precision: 1, recall: 0.5 }),
      expect.objectContaining({ path: '供水', orders: 1, correct: 1, suggested: 2, precision: 0.5, recall: 1 }),
    ])
    // The one dispatched order went to 乙局 while 甲局 was suggested.
    expect(res.body.units).toMatchObject({ orders: 1, correct: 0, accuracy: 0 })

    const handler = await request(app).get('/api/v1/reports/intake-accuracy').set('Authorization', as('handler'))
    expect(handler.status).toBe(403)
    const agent = await request(app).get('/api/v1/reports/intake-accuracy').set('Authorization', as('agent'))
    expect(agent.status).toBe(403)
    const bad = await request(app).get('/api/v1/reports/intake-accuracy?months=0').set('Authorization', as('admin'))
    expect(bad.status).toBe(400)
    expect(bad.body.message).toContain('months 须为 1–24 的整数')
  })
})
