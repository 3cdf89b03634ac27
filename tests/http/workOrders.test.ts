/** The whole life of a work order over HTTP, on the work calendar, with masked personal data. */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { fixClock } from '../../src/domain/clock'
import { createApp } from '../../src/http/createApp'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}
const as = (who: string) => `JWT ${tokens[who]}`
const at = (s: string) => fixClock(new Date(s))
const act = (who: string, number: string, action: string, body: Record<string, unknown> = {}) =>
  request(app).post(`/api/v1/work-orders/${number}/actions/${action}`).set('Authorization', as(who)).send(body)
/** Shanghai end of day as the API returns it. */
const endOf = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString()

beforeAll(async () => {
  const { payload, world } = context
  await seedWorkCalendar(payload)
  await seedSlaRules(payload)
  // Admins configure limits: help orders get 5 working days here.
  const help = await payload.find({ collection: 'sla-rules', where: { and: [{ kind: { equals: 'handling' } }, { orderType: { equals: 'help' } }] } })
  await payload.update({ collection: 'sla-rules', id: help.docs[0].id, data: { workingDays: 5 } })
  const user = (email: string, roles: string[], unit?: number) => payload.create({ collection: 'users', data: { email, password: 'Secret-123', name: email.split('@')[0], roles: roles as never, unit } })
  await user('dispatcher@test.example', ['dispatcher'])
  await user('handler-a@test.example', ['unit-handler'], world.units.a.id)
  await user('handler-b@test.example', ['unit-handler'], world.units.b.id)
  app = createApp(payload, env())
  for (const who of ['agent', 'dispatcher', 'handler-a', 'handler-b', 'admin']) {
    tokens[who] = (await request(app).post('/api/users/login').send({ email: `${who}@test.example`, password: 'Secret-123' })).body.token
  }
})

afterAll(() => at('2026-11-25T10:00:00+08:00'))

describe('work orders over HTTP', () => {
  it('runs the full life: intake, dispatch, return, redispatch, extension, reply, 不满意, reopen, reply, 满意, close', async () => {
    at('2026-09-30T09:30:00+08:00')
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({ type: 'help', title: '小区路灯损坏', content: '幸福小区3号楼前路灯损坏一周，夜间出行不便。', district: '东城区', address: '幸福小区3号楼', claimant: { name: '张三', phone: '13812345678' } })
    expect(created.status).toBe(201)
    const number = created.body.number as string
    expect(number).toBe('GD20260930000001')
    expect(created.body).toMatchObject({ state: 'intake', claimant: { name: '张*', phone: '138****5678' } })
    expect(JSON.stringify(created.body)).not.toContain('13812345678')

    at('2026-09-30T10:00:00+08:00')
    const dispatched = await act('dispatcher', number, 'dispatch', { unit: 'A' })
    expect(dispatched.status).toBe(200)
    expect(dispatched.body).toMatchObject({ state: 'dispatched', unit: { code: 'A' }, dueAt: endOf('2026-10-13'), returnDueAt: endOf('2026-10-08') })

    at('2026-10-08T09:00:00+08:00')
    expect((await act('handler-a', number, 'request-return', { reason: '路灯归属供电公司' })).body.message).toMatch(/依据 basis/)
    expect((await act('handler-a', number, 'request-return', { reason: '路灯归属供电公司', basis: '《城市照明管理规定》' })).body.state).toBe('return_requested')
    at('2026-10-08T10:00:00+08:00')
    const redispatched = await act('dispatcher', number, 'approve-return', { unit: 'B', designated: true })
    expect(redispatched.body).toMatchObject({ state: 'dispatched', unit: { code: 'B' }, dueAt: endOf('2026-10-14') })
    // The order left unit A: its handler no longer sees it.
    expect((await request(app).get(`/api/v1/work-orders/${number}`).set('Authorization', as('handler-a'))).status).toBe(404)

    expect((await act('handler-b', number, 'accept')).body.state).toBe('accepted')
    const again = await act('handler-b', number, 'request-return', { reason: '不属本单位', basis: '职责清单' })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/争议后指定承办/)

    expect((await act('handler-b', number, 'request-extension', { days: 3, reason: '需协调供电公司更换灯杆' })).body.state).toBe('extension_requested')
    expect((await act('dispatcher', number, 'approve-extension')).body).toMatchObject({ state: 'accepted', dueAt: endOf('2026-10-19'), extensions: 1 })
    expect((await act('handler-b', number, 'request-extension', { days: 2, reason: '再延' })).status).toBe(400)

    at('2026-10-15T15:00:00+08:00')
    const replied = await act('handler-b', number, 'reply', { result: '已更换灯泡', text: '您反映的路灯已修复。', contacted: true })
    expect(replied.body).toMatchObject({ state: 'replied', callbackDueAt: endOf('2026-10-19') })
    expect((await act('dispatcher', number, 'callback', { satisfaction: 'dissatisfied', solved: false })).body.state).toBe('called_back')
    at('2026-10-16T09:00:00+08:00')
    expect((await act('dispatcher', number, 'reopen')).body).toMatchObject({ state: 'accepted', reopens: 1, dueAt: endOf('2026-10-23') })
    await act('handler-b', number, 'reply', { result: '已更换灯杆', text: '路灯已整体更换。', contacted: true })
    expect((await act('dispatcher', number, 'callback', { satisfaction: 'satisfied', solved: true })).body.lastSatisfaction).toBe('satisfied')
    expect((await act('dispatcher', number, 'reopen')).status).toBe(400)
    const closed = await act('dispatcher', number, 'close')
    expect(closed.body).toMatchObject({ state: 'closed', resolution: 'handled' })
    expect(closed.body.timeline.map((t: { action: string }) => t.action)).toEqual([
      'create', 'dispatch', 'request-return', 'approve-return', 'accept', 'request-extension', 'approve-extension', 'reply', 'callback', 'reopen', 'reply', 'callback', 'close',
    ])
  })

  it('answers a consultation directly from the knowledge base, citing the entry version', async () => {
    at('2026-11-25T10:00:00+08:00')
    const { code } = context.world.entries.aPublished as { code: string }
    const created = await request(app).post('/api/v1/work-orders').set('Authorization', as('agent')).send({ type: 'consultation', title: '咨询办理', content: '怎么办理？', claimant: { anonymous: true } })
    expect(created.body.claimant).toMatchObject({ name: '匿名', anonymous: true })
    expect((await act('agent', created.body.number, 'answer', {})).status).toBe(400)
    const answered = await act('agent', created.body.number, 'answer', { citedEntries: [code], answer: '按指南办理' })
    expect(answered.body).toMatchObject({ state: 'closed', resolution: 'answered', citedEntries: [{ code, title: '甲局已发布' }] })
    expect(answered.body.citedEntries[0].version).toBeTruthy()
  })

  it('refuses what a role may not do, and bad input, with messages', async () => {
    const created = await request(app).post('/api/v1/work-orders').set('Authorization', as('agent')).send({ type: 'complaint', title: '噪音', content: '夜间施工噪音' })
    const number = created.body.number
    expect((await act('agent', number, 'dispatch', { unit: 'A' })).status).toBe(403)
    expect((await act('handler-a', number, 'accept')).status).toBe(404)
    expect((await act('dispatcher', number, 'accept')).status).toBe(400)
    expect((await act('dispatcher', number, 'fly')).status).toBe(400)
    expect((await act('dispatcher', number, 'dispatch', { unit: 'NOPE' })).body.message).toMatch(/没有这个承办单位/)
    expect((await act('dispatcher', number, 'not-accept', { reason: 'bored' })).status).toBe(400)
    expect((await act('dispatcher', number, 'not-accept', { reason: 'duplicate', note: '与 GD… 重复' })).body).toMatchObject({ state: 'closed', resolution: 'not_accepted' })
    const bad = await request(app).post('/api/v1/work-orders').set('Authorization', as('agent')).send({ type: 'gossip', title: '', claimant: { phone: 'abc' } })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/type 只能是/)
    expect((await request(app).post('/api/v1/work-orders').set('Authorization', as('handler-a')).send({ type: 'help', title: 't', content: 'c' })).status).toBe(403)
    expect((await request(app).get('/api/v1/work-orders/GD20991231000001').set('Authorization', as('dispatcher'))).status).toBe(404)
  })

  it('masks the claimant everywhere, unmasks for those who need it with a reason, and logs every unmasking', async () => {
    const created = await request(app).post('/api/v1/work-orders').set('Authorization', as('agent')).send({ type: 'help', title: '求助', content: '内容', claimant: { name: '李四', phone: '13900001111', idNumber: '110101199001011234' } })
    const number = created.body.number
    await act('dispatcher', number, 'dispatch', { unit: 'A' })
    const seen = await request(app).get(`/api/v1/work-orders/${number}`).set('Authorization', as('handler-a'))
    expect(seen.body.claimant).toMatchObject({ name: '李*', phone: '139****1111', idNumber: '110***********1234' })
    // The Payload REST API never returns ciphertext or hashes either.
    const rest = await request(app).get(`/api/work-orders?where[number][equals]=${number}`).set('Authorization', as('admin'))
    expect(JSON.stringify(rest.body)).not.toMatch(/Enc|phoneHash|13900001111/)

    expect((await request(app).post(`/api/v1/work-orders/${number}/unmask`).set('Authorization', as('handler-a')).send({})).status).toBe(400)
    const revealed = await request(app).post(`/api/v1/work-orders/${number}/unmask`).set('Authorization', as('handler-a')).send({ reason: '上门核实需联系诉求人' })
    expect(revealed.body).toEqual({ name: '李四', phone: '13900001111', idNumber: '110101199001011234' })
    expect((await request(app).post(`/api/v1/work-orders/${number}/unmask`).set('Authorization', as('agent')).send({ reason: '好奇' })).status).toBe(403)
    const log = await context.payload.find({ collection: 'personal-data-log', where: { orderNumber: { equals: number } } })
    expect(log.docs).toHaveLength(1)
    expect(log.docs[0]).toMatchObject({ actorName: 'handler-a', reason: '上门核实需联系诉求人', fields: 'name,phone,idNumber' })

    const secret = await request(app).post('/api/v1/work-orders').set('Authorization', as('agent')).send({ type: 'report', title: '举报', content: '内容', claimant: { name: '王五', phone: '13700002222', confidential: true } })
    await act('dispatcher', secret.body.number, 'dispatch', { unit: 'A' })
    const unitView = await request(app).get(`/api/v1/work-orders/${secret.body.number}`).set('Authorization', as('handler-a'))
    expect(unitView.body.claimant).toEqual({ confidential: true, name: '（保密）', phone: '（保密）' })
    expect((await request(app).post(`/api/v1/work-orders/${secret.body.number}/unmask`).set('Authorization', as('handler-a')).send({ reason: '联系' })).status).toBe(403)
    expect((await request(app).post(`/api/v1/work-orders/${secret.body.number}/unmask`).set('Authorization', as('dispatcher')).send({ reason: '核实举报人身份' })).body.name).toBe('王五')
  })

  it('documents the work-order API in the OpenAPI file', async () => {
    const doc = (await request(app).get('/api/v1/openapi.json')).body
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/work-orders', '/work-orders/{number}', '/work-orders/{number}/actions/{action}', '/work-orders/{number}/unmask']))
    expect(doc.paths['/work-orders'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['type', 'title', 'content']))
  })

  it('splits a claim for several units, each child with its own deadline', async () => {
    at('2026-11-25T10:00:00+08:00')
    const created = await request(app).post('/api/v1/work-orders').set('Authorization', as('agent')).send({ type: 'help', title: '道路积水和路灯', content: '两个问题' })
    const split = await act('dispatcher', created.body.number, 'split', { units: ['A', 'B'] })
    expect(split.body.state).toBe('split')
    const children = split.body.timeline.at(-1).note.replace('拆分为 ', '').split('、')
    expect(children).toHaveLength(2)
    const child = await request(app).get(`/api/v1/work-orders/${children[1]}`).set('Authorization', as('handler-b'))
    expect(child.body).toMatchObject({ state: 'dispatched', unit: { code: 'B' }, dueAt: endOf('2026-12-02') })
  })
})
