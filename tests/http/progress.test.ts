/** The claimant's progress look-up (第十一条) over HTTP: what it shows, what it hides, and its limit. */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { fixClock } from '../../src/domain/clock'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { createApp } from '../../src/server/createApp'
import { actOnOrder } from '../../src/services/workOrderActions'
import { createOrder } from '../../src/services/workOrderIntake'
import type { Actor } from '../../src/services/workOrders'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const numbers: Record<'open' | 'replied' | 'confidential' | 'anonymous', string> = {
  open: '',
  replied: '',
  confidential: '',
  anonymous: '',
}
const lookup = (number: string, phoneLast4: string, on: Express = app) =>
  request(on).post('/api/v1/public/progress').send({ number, phoneLast4 })

beforeAll(async () => {
  const { payload, world } = context
  await seedWorkCalendar(payload)
  await seedSlaRules(payload)
  const agent: Actor = { id: world.users.agent.id, roles: ['agent'], name: '话务员' }
  const dispatcher: Actor = { id: 900, roles: ['dispatcher'], name: '派单员' }
  const handler: Actor = { id: 901, roles: ['unit-handler'], unit: world.units.a.id, name: '承办人' }
  fixClock(new Date('2026-11-20T10:00:00+08:00'))
  const order = (title: string, claimant: Record<string, unknown>) =>
    createOrder(payload, { type: 'help', title, content: `${title}，请协助处理`, claimant }, agent)
  const open = await order('路灯损坏', { name: '张三', phone: '13812345678' })
  await actOnOrder(payload, open.number, 'dispatch', { unit: 'A' }, dispatcher)
  const replied = await order('养老金未到账', { name: '王芳', phone: '13812340002', idNumber: '110101199001011234' })
  await actOnOrder(payload, replied.number, 'dispatch', { unit: 'A' }, dispatcher)
  await actOnOrder(payload, replied.number, 'accept', {}, handler)
  await actOnOrder(
    payload,
    replied.number,
    'reply',
    { result: '已补发', text: '王芳您好，养老金已补发，已短信通知 13812340002', contacted: true },
    handler,
  )
  const confidential = await order('举报噪音扰民', { name: '李四', phone: '13900001111', confidential: true })
  await actOnOrder(payload, confidential.number, 'dispatch', { unit: 'A' }, dispatcher)
  const anonymous = await order('匿名反映', { anonymous: true })
  numbers.open = open.number
  numbers.replied = replied.number
  numbers.confidential = confidential.number
  numbers.anonymous = anonymous.number
  app = createApp(payload, env())
})

afterAll(() => fixClock(new Date('2026-11-25T10:00:00+08:00')))

describe('claimant progress look-up', () => {
  it('shows the stage, unit and deadline of an open order to the right number and digits', async () => {
    const res = await lookup(numbers.open, '5678')
    expect(res.status).toBe(200)
    expect(res.headers['cache-control']).toBe('no-store')
    expect(res.body).toEqual({
      number: numbers.open,
      stage: '已派发至承办单位',
      confidential: false,
      type: '求助',
      receivedAt: '2026-11-20 10:00',
      unit: '甲局',
      deadline: expect.stringMatching(/^2026-12-\d{2} 23:59$/),
      reply: null,
    })
  })

  it('accepts the number in lower case and with spaces around', async () => {
    const res = await lookup(` ${numbers.open.toLowerCase()} `, '5678')
    expect(res.status).toBe(200)
  })

  it('shows the reply without the claimant’s phone, and never their name, phone or ID from the record', async () => {
    const res = await lookup(numbers.replied, '0002')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ stage: '已答复，待回访', deadline: null })
    expect(res.body.reply).toBe('王*您好，养老金已补发，已短信通知 ***********')
    const text = JSON.stringify(res.body)
    for (const secret of ['13812340002', '138****0002', '王芳', '110101199001011234', '110***********1234'])
      expect(text).not.toContain(secret)
  })

  it('shows only the stage of a confidential order', async () => {
    const res = await lookup(numbers.confidential, '1111')
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ number: numbers.confidential, stage: '已派发至承办单位', confidential: true })
  })

  it('answers a wrong pair exactly as a missing order, and an anonymous order to nobody', async () => {
    const wrongDigits = await lookup(numbers.open, '0002')
    const missing = await lookup('GD20991231000001', '5678')
    const anonymous = await lookup(numbers.anonymous, '0000')
    for (const res of [wrongDigits, missing, anonymous]) {
      expect(res.status).toBe(404)
      expect(res.body).toEqual(missing.body)
    }
    expect(missing.body.message).toMatch(/未查到该工单/)
  })

  it('refuses malformed input with a clear message', async () => {
    const res = await lookup('12345', 'abcd')
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(/工单编号格式/)
    expect(res.body.message).toMatch(/后四位/)
    expect((await request(app).post('/api/v1/public/progress').send({})).status).toBe(400)
  })

  it('limits look-ups per client, counting the API and the page together; opening the empty page is free', async () => {
    const limited = createApp(context.payload, { ...env(), progressRateLimit: 3 })
    // Without the Next build in tests, the page path answers 404 once past the limiter.
    for (let i = 0; i < 5; i++) expect((await request(limited).get('/progress')).status).toBe(404)
    expect((await lookup(numbers.open, '5678', limited)).status).toBe(200)
    expect((await lookup(numbers.open, '0000', limited)).status).toBe(404)
    expect((await request(limited).get(`/progress?number=${numbers.open}&phoneLast4=1234`)).status).toBe(404)
    const api = await lookup(numbers.open, '5678', limited)
    expect(api.status).toBe(429)
    expect(api.body).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/查询过于频繁/) })
    const page = await request(limited).get(`/progress?number=${numbers.open}&phoneLast4=5678`)
    expect(page.status).toBe(429)
    expect(page.headers['content-type']).toMatch(/html/)
    expect(page.text).toContain('查询过于频繁')
  })
})
