/** Category and unit suggestions at intake, learned from the hotline's closed orders (`kb train`, the nightly job). */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { trainIntakeModel } from '../../src/services/intakeSuggestions'
import { signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}
const suggest = (who: string, query: Record<string, string>) =>
  request(app).get('/api/v1/work-orders/suggestions').query(query).set('Authorization', `JWT ${tokens[who]}`)

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

beforeAll(async () => {
  const { payload, world } = context
  const category = (name: string, code: string) =>
    payload.create({ collection: 'categories', data: { name, code, order: 0 } })
  const water = await category('供水', 'C-WATER')
  const noise = await category('噪音', 'C-NOISE')
  let n = 0
  const order = (title: string, content: string, categoryId: number, unit: number, timeline: unknown[] = []) =>
    payload.create({
      collection: 'work-orders',
      data: {
        number: `GD20261101${String(++n).padStart(4, '0')}`,
        type: 'complaint',
        state: 'closed',
        title,
        content,
        category: categoryId,
        district: '东城区',
        unit,
        timeline,
      } as never,
      overrideAccess: true,
    })
  for (const text of WATER) await order(text.slice(0, 6), text, water.id, world.units.a.id)
  // 乙局 got noise orders but 甲局 had some returned to it first.
  for (const text of NOISE)
    await order(text.slice(0, 6), text, noise.id, world.units.b.id, [
      { action: 'dispatch', note: '派发至 甲局' },
      { action: 'approve-return', note: '改派至 乙局' },
    ])
  await payload.create({
    collection: 'users',
    data: {
      email: 'handler@test.example',
      password: 'Secret-123',
      name: 'handler',
      roles: ['unit-handler'],
      unit: world.units.a.id,
    } as never,
  })
  app = createApp(payload, env())
  Object.assign(tokens, await signInAll(app, ['agent', 'handler']))
})

describe('intake suggestions', () => {
  it('offers units but no categories before a model is trained', async () => {
    const res = await suggest('agent', { content: '我们小区停水了' })
    expect(res.status).toBe(200)
    expect(res.body.model).toBeNull()
    expect(res.body.categories).toEqual([])
    expect(res.body.units[0]).toMatchObject({ name: '甲局', similarOrders: expect.any(Number), returns: 0 })
  })

  it('suggests categories with confidence and reasons once trained, and the units that handled such orders', async () => {
    const report = await trainIntakeModel(context.payload)
    expect(report).toMatchObject({ examples: 8, categories: 2 })
    const res = await suggest('agent', { title: '停水', content: '家里自来水停了，水压也低', district: '东城区' })
    expect(res.status).toBe(200)
    expect(res.body.model).toMatchObject({ examples: 8 })
    expect(res.body.categories[0]).toMatchObject({ path: '供水' })
    expect(res.body.categories[0].confidence).toBeGreaterThan(0.5)
    expect(res.body.categories[0].because).toContain('自来水')
    expect(res.body.units.map((u: { name: string }) => u.name)).toEqual(['甲局'])

    const noise = await suggest('agent', { content: '晚上施工噪音太吵' })
    expect(noise.body.categories[0].path).toBe('噪音')
    // 甲局 returned every such order (approved): only 乙局 is suggested.
    expect(noise.body.units).toEqual([expect.objectContaining({ name: '乙局', returns: 0, returnRate: 0 })])
  })

  it('refuses unit handlers and empty or malformed questions with a clear message', async () => {
    expect((await suggest('handler', { content: '停水' })).status).toBe(403)
    const empty = await suggest('agent', { district: '东城区' })
    expect(empty.status).toBe(400)
    expect(empty.body.message).toContain('请至少填写标题 title 或诉求内容 content')
    const twice = await request(app)
      .get('/api/v1/work-orders/suggestions?content=a&content=b')
      .set('Authorization', `JWT ${tokens.agent}`)
    expect(twice.status).toBe(400)
    expect(twice.body.message).toContain('诉求内容 content 应为文本')
    expect((await request(app).get('/api/v1/work-orders/suggestions?content=停水')).status).toBe(401)
  })
})
