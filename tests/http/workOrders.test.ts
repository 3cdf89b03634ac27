/** The whole life of a work order over HTTP, on the work calendar, with masked personal data. */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { fixClock } from '../../src/domain/clock'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { createApp } from '../../src/server/createApp'
import { addDeskUsers, signInAll } from '../helpers/deskUsers'
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
  const help = await payload.find({
    collection: 'sla-rules',
    where: { and: [{ kind: { equals: 'handling' } }, { orderType: { equals: 'help' } }] },
  })
  await payload.update({ collection: 'sla-rules', id: help.docs[0].id, data: { workingDays: 5 } })
  await addDeskUsers(payload, world)
  app = createApp(payload, env())
  Object.assign(tokens, await signInAll(app, ['agent', 'dispatcher', 'handler-a', 'handler-b', 'admin']))
})

afterAll(() => at('2026-11-25T10:00:00+08:00'))

describe('work orders over HTTP', () => {
  it('runs the full life: intake, dispatch, return, redispatch, extension, reply, 不满意, reopen, reply, 满意, close', async () => {
    at('2026-09-30T09:30:00+08:00')
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({
        type: 'help',
        title: '小区路灯损坏',
        content: '幸福小区3号楼前路灯损坏一周，夜间出行不便。',
        district: '东城区',
        address: '幸福小区3号楼',
        claimant: { name: '张三', phone: '13812345678' },
      })
    expect(created.status).toBe(201)
    const number = created.body.number as string
    expect(number).toBe('GD20260930000001')
    expect(created.body).toMatchObject({ state: 'intake', claimant: { name: '张*', phone: '138****5678' } })
    expect(JSON.stringify(created.body)).not.toContain('13812345678')

    at('2026-09-30T10:00:00+08:00')
    const dispatched = await act('dispatcher', number, 'dispatch', { unit: 'A' })
    expect(dispatched.status).toBe(200)
    expect(dispatched.body).toMatchObject({
      state: 'dispatched',
      unit: { code: 'A' },
      dueAt: endOf('2026-10-13'),
      returnDueAt: endOf('2026-10-08'),
    })

    at('2026-10-08T09:00:00+08:00')
    expect((await act('handler-a', number, 'request-return', { reason: '路灯归属供电公司' })).body.message).toMatch(
      /依据 basis/,
    )
    expect(
      (await act('handler-a', number, 'request-return', { reason: '路灯归属供电公司', basis: '《城市照明管理规定》' }))
        .body.state,
    ).toBe('return_requested')
    at('2026-10-08T10:00:00+08:00')
    const redispatched = await act('dispatcher', number, 'approve-return', { unit: 'B', designated: true })
    expect(redispatched.body).toMatchObject({ state: 'dispatched', unit: { code: 'B' }, dueAt: endOf('2026-10-14') })
    // The order left unit A: its handler no longer sees it.
    expect((await request(app).get(`/api/v1/work-orders/${number}`).set('Authorization', as('handler-a'))).status).toBe(
      404,
    )

    expect((await act('handler-b', number, 'accept')).body.state).toBe('accepted')
    const again = await act('handler-b', number, 'request-return', { reason: '不属本单位', basis: '职责清单' })
    expect(again.status).toBe(400)
    expect(again.body.message).toMatch(/争议后指定承办/)

    expect(
      (await act('handler-b', number, 'request-extension', { days: 3, reason: '需协调供电公司更换灯杆' })).body.state,
    ).toBe('extension_requested')
    expect((await act('dispatcher', number, 'approve-extension')).body).toMatchObject({
      state: 'accepted',
      dueAt: endOf('2026-10-19'),
      extensions: 1,
    })
    expect((await act('handler-b', number, 'request-extension', { days: 2, reason: '再延' })).status).toBe(400)

    // The claimant supplies a photo: the clock stands still for those 26 hours.
    at('2026-10-13T09:00:00+08:00')
    expect((await act('handler-b', number, 'request-info', { reason: '请提供路灯编号照片' })).body.state).toBe(
      'awaiting_info',
    )
    at('2026-10-14T11:00:00+08:00')
    const resumed = await act('handler-b', number, 'resume')
    expect(resumed.body).toMatchObject({
      state: 'accepted',
      pausedMs: 26 * 3_600_000,
      dueAt: new Date(Date.parse(endOf('2026-10-19')) + 26 * 3_600_000).toISOString(),
    })
    expect(resumed.body.timeline.at(-1).note).toBe('暂停计时 26 小时 0 分（按工作时间计）')

    at('2026-10-15T15:00:00+08:00')
    const replied = await act('handler-b', number, 'reply', {
      result: '已更换灯泡',
      text: '您反映的路灯已修复。',
      contacted: true,
    })
    expect(replied.body).toMatchObject({ state: 'replied', callbackDueAt: endOf('2026-10-19') })
    expect(
      (await act('dispatcher', number, 'callback', { satisfaction: 'dissatisfied', solved: false })).body.state,
    ).toBe('called_back')
    at('2026-10-16T09:00:00+08:00')
    expect((await act('dispatcher', number, 'reopen')).body).toMatchObject({
      state: 'accepted',
      reopens: 1,
      dueAt: endOf('2026-10-23'),
    })
    await act('handler-b', number, 'reply', { result: '已更换灯杆', text: '路灯已整体更换。', contacted: true })
    expect(
      (await act('dispatcher', number, 'callback', { satisfaction: 'satisfied', solved: true })).body.lastSatisfaction,
    ).toBe('satisfied')
    expect((await act('dispatcher', number, 'reopen')).status).toBe(400)
    const closed = await act('dispatcher', number, 'close')
    expect(closed.body).toMatchObject({ state: 'closed', resolution: 'handled' })
    expect(closed.body.timeline.map((t: { action: string }) => t.action)).toEqual([
      'create',
      'dispatch',
      'request-return',
      'approve-return',
      'accept',
      'request-extension',
      'approve-extension',
      'request-info',
      'resume',
      'reply',
      'callback',
      'reopen',
      'reply',
      'callback',
      'close',
    ])
  })

  it('answers a consultation directly from the knowledge base, citing the entry version', async () => {
    at('2026-11-25T10:00:00+08:00')
    const { code } = context.world.entries.aPublished as { code: string }
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({ type: 'consultation', title: '咨询办理', content: '怎么办理？', claimant: { anonymous: true } })
    expect(created.body.claimant).toMatchObject({ name: '匿名', anonymous: true })
    expect((await act('agent', created.body.number, 'answer', {})).status).toBe(400)
    const answered = await act('agent', created.body.number, 'answer', { citedEntries: [code], answer: '按指南办理' })
    expect(answered.body).toMatchObject({
      state: 'closed',
      resolution: 'answered',
      citedEntries: [{ code, title: '甲局已发布' }],
    })
    // The version is when the entry was published on the hotline clock (the world is built at HOTLINE_NOW), not the real clock.
    expect(answered.body.citedEntries[0].version).toBe(new Date('2026-11-25T10:00:00+08:00').toISOString())
  })

  it('refuses what a role may not do, and bad input, with messages', async () => {
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({ type: 'complaint', title: '噪音', content: '夜间施工噪音' })
    const number = created.body.number
    expect((await act('agent', number, 'dispatch', { unit: 'A' })).status).toBe(403)
    expect((await act('handler-a', number, 'accept')).status).toBe(404)
    expect((await act('dispatcher', number, 'accept')).status).toBe(400)
    expect((await act('dispatcher', number, 'fly')).status).toBe(400)
    expect((await act('dispatcher', number, 'dispatch', { unit: 'NOPE' })).body.message).toMatch(/没有这个承办单位/)
    expect((await act('dispatcher', number, 'not-accept', { reason: 'bored' })).status).toBe(400)
    expect((await act('dispatcher', number, 'not-accept', { reason: 'duplicate' })).body.message).toMatch(/duplicateOf/)
    const original = (
      await request(app)
        .post('/api/v1/work-orders')
        .set('Authorization', as('agent'))
        .send({ type: 'complaint', title: '噪音', content: '夜间施工噪音（首次）' })
    ).body.number
    const duplicate = await act('dispatcher', number, 'not-accept', { reason: 'duplicate', duplicateOf: original })
    expect(duplicate.body).toMatchObject({
      state: 'closed',
      resolution: 'not_accepted',
      possibleDuplicates: [{ number: original, state: 'intake', title: '噪音' }],
    })
    expect(duplicate.body.timeline.at(-1).note).toMatch(new RegExp(`与 ${original} 重复`))
    const bad = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({ type: 'gossip', title: '', claimant: { phone: 'abc' } })
    expect(bad.status).toBe(400)
    expect(bad.body.message).toMatch(/type 只能是/)
    expect(
      (
        await request(app)
          .post('/api/v1/work-orders')
          .set('Authorization', as('handler-a'))
          .send({ type: 'help', title: 't', content: 'c' })
      ).status,
    ).toBe(403)
    expect(
      (await request(app).get('/api/v1/work-orders/GD20991231000001').set('Authorization', as('dispatcher'))).status,
    ).toBe(404)
  })

  it('masks the claimant everywhere, unmasks for those who need it with a reason, and logs every unmasking', async () => {
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({
        type: 'help',
        title: '求助',
        content: '内容',
        claimant: { name: '李四', phone: '13900001111', idNumber: '110101199001011234' },
      })
    const number = created.body.number
    await act('dispatcher', number, 'dispatch', { unit: 'A' })
    const seen = await request(app).get(`/api/v1/work-orders/${number}`).set('Authorization', as('handler-a'))
    expect(seen.body.claimant).toMatchObject({ name: '李*', phone: '139****1111', idNumber: '110***********1234' })
    // The Payload REST API never returns ciphertext or hashes either.
    const rest = await request(app)
      .get(`/api/work-orders?where[number][equals]=${number}`)
      .set('Authorization', as('admin'))
    expect(JSON.stringify(rest.body)).not.toMatch(/Enc|phoneHash|13900001111/)

    expect(
      (await request(app).post(`/api/v1/work-orders/${number}/unmask`).set('Authorization', as('handler-a')).send({}))
        .status,
    ).toBe(400)
    const revealed = await request(app)
      .post(`/api/v1/work-orders/${number}/unmask`)
      .set('Authorization', as('handler-a'))
      .send({ reason: '上门核实需联系诉求人' })
    expect(revealed.body).toEqual({ name: '李四', phone: '13900001111', idNumber: '110101199001011234' })
    expect(
      (
        await request(app)
          .post(`/api/v1/work-orders/${number}/unmask`)
          .set('Authorization', as('agent'))
          .send({ reason: '好奇' })
      ).status,
    ).toBe(403)
    const log = await context.payload.find({
      collection: 'personal-data-log',
      where: { orderNumber: { equals: number } },
    })
    expect(log.docs).toHaveLength(1)
    expect(log.docs[0]).toMatchObject({
      actorName: 'handler-a',
      reason: '上门核实需联系诉求人',
      fields: 'name,phone,idNumber',
    })

    // The same phone again while the first order is open: linked as a possible duplicate.
    const repeat = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({
        type: 'help',
        title: '再次来电',
        content: '进度如何',
        claimant: { name: '李四', phone: '139 0000 1111' },
      })
    expect(repeat.body.possibleDuplicates).toEqual([{ number, state: 'dispatched', title: '求助' }])

    const secret = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({
        type: 'report',
        title: '举报',
        content: '内容',
        claimant: { name: '王五', phone: '13700002222', confidential: true },
      })
    await act('dispatcher', secret.body.number, 'dispatch', { unit: 'A' })
    const unitView = await request(app)
      .get(`/api/v1/work-orders/${secret.body.number}`)
      .set('Authorization', as('handler-a'))
    expect(unitView.body.claimant).toEqual({ confidential: true, name: '（保密）', phone: '（保密）' })
    expect(
      (
        await request(app)
          .post(`/api/v1/work-orders/${secret.body.number}/unmask`)
          .set('Authorization', as('handler-a'))
          .send({ reason: '联系' })
      ).status,
    ).toBe(403)
    expect(
      (
        await request(app)
          .post(`/api/v1/work-orders/${secret.body.number}/unmask`)
          .set('Authorization', as('dispatcher'))
          .send({ reason: '核实举报人身份' })
      ).body.name,
    ).toBe('王五')
  })

  it('lets admins decide whether 待补充 stops the clock', async () => {
    at('2026-11-25T10:00:00+08:00')
    const rule = (await context.payload.find({ collection: 'sla-rules', where: { kind: { equals: 'pause-clock' } } }))
      .docs[0]
    await context.payload.delete({ collection: 'sla-rules', id: rule.id })
    try {
      const number = (
        await request(app)
          .post('/api/v1/work-orders')
          .set('Authorization', as('agent'))
          .send({ type: 'help', title: '补充材料', content: '内容' })
      ).body.number
      const dueAt = (await act('dispatcher', number, 'dispatch', { unit: 'A' })).body.dueAt
      await act('handler-a', number, 'accept')
      await act('handler-a', number, 'request-info', { reason: '请提供照片' })
      at('2026-11-26T10:00:00+08:00')
      expect((await act('handler-a', number, 'resume')).body).toMatchObject({ dueAt, pausedMs: 0 })
    } finally {
      await context.payload.create({ collection: 'sla-rules', data: { kind: 'pause-clock', label: rule.label } })
    }
  })

  it('documents the work-order API in the OpenAPI file', async () => {
    const doc = (await request(app).get('/api/v1/openapi.json')).body
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/work-orders',
        '/work-orders/{number}',
        '/work-orders/{number}/actions/{action}',
        '/work-orders/{number}/unmask',
      ]),
    )
    expect(doc.paths['/work-orders'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['type', 'title', 'content']),
    )
  })

  it('splits a claim for several units, each child with its own deadline', async () => {
    at('2026-11-25T10:00:00+08:00')
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({ type: 'help', title: '道路积水和路灯', content: '两个问题' })
    const split = await act('dispatcher', created.body.number, 'split', { units: ['A', 'B'] })
    expect(split.body.state).toBe('split')
    const children = split.body.timeline.at(-1).note.replace('拆分为 ', '').split('、')
    expect(children).toHaveLength(2)
    const child = await request(app).get(`/api/v1/work-orders/${children[1]}`).set('Authorization', as('handler-b'))
    expect(child.body).toMatchObject({ state: 'dispatched', unit: { code: 'B' }, dueAt: endOf('2026-12-02') })
  })
})

describe('the work-order round, the knowledge loop and reports', () => {
  it('marks overdue orders and opens supervision for them and for refused returns', async () => {
    const { runOrderDeadlines } = await import('../../src/jobs/workOrderDeadlines')
    at('2026-11-25T10:00:00+08:00')
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({ type: 'consultation', title: '咨询养老金', content: '养老金何时发放' })
    const number = created.body.number
    await act('dispatcher', number, 'dispatch', { unit: 'A' })
    // Signed for in time: only the handling clock runs (an unsigned order would be overdue for 签收 first).
    await act('handler-a', number, 'accept')
    await act('handler-a', number, 'request-return', { reason: '非本单位职责', basis: '三定方案' })
    await act('dispatcher', number, 'reject-return', { reason: '属本单位职责' })
    // Consultation: 2 working days → due end of Friday 11-27.
    at('2026-11-27T09:00:00+08:00')
    expect((await runOrderDeadlines(context.payload)).dueToday).toContain(number)
    at('2026-11-30T09:00:00+08:00')
    const round = await runOrderDeadlines(context.payload)
    expect(round.overdue).toContain(number)
    const items = await context.payload.find({
      collection: 'supervision-items',
      where: {
        subjectKey: {
          equals: `order:${(await context.payload.find({ collection: 'work-orders', where: { number: { equals: number } } })).docs[0].id}`,
        },
      },
    })
    expect(items.docs.map((i) => i.reason).sort()).toEqual(['order_overdue', 'order_refused'])
    expect((await runOrderDeadlines(context.payload)).supervisionOpened).toEqual([])
    await expect(
      context.payload.update({
        collection: 'supervision-items',
        id: items.docs[0].id,
        data: { status: 'closed' },
        user: context.world.users.kbAdmin,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('turns an unanswerable consultation into a knowledge gap, grouped for the kb-admins', async () => {
    at('2026-11-25T10:00:00+08:00')
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({ type: 'consultation', title: '无人机备案', content: '个人无人机在哪里备案' })
    await act('agent', created.body.number, 'answer', { noKnowledge: true, answer: '已记录，稍后回复' })
    const kbAdmin = (
      await request(app).post('/api/users/login').send({ email: 'kb-admin@test.example', password: 'Secret-123' })
    ).body.token
    const gaps = await request(app).get('/api/v1/reports/knowledge-gaps').set('Authorization', `JWT ${kbAdmin}`)
    expect(gaps.status).toBe(200)
    expect(gaps.body.groups[0]).toMatchObject({
      category: '未分类',
      questions: expect.arrayContaining([
        { question: '无人机备案：个人无人机在哪里备案', orderNumber: created.body.number },
      ]),
    })
  })

  it('lists the orders answered with an older version of a corrected entry', async () => {
    at('2026-11-25T10:00:00+08:00')
    const { id, code } = context.world.entries.bPublished as { id: number; code: string }
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', as('agent'))
      .send({
        type: 'consultation',
        title: '乙局业务',
        content: '怎么办',
        claimant: { name: '钱七', phone: '13500004444' },
      })
    await act('agent', created.body.number, 'answer', { citedEntries: [code] })
    at('2026-11-26T10:00:00+08:00')
    await context.payload.update({
      collection: 'knowledge-entries',
      id,
      data: { summary: '更正后的内容', _status: 'published' } as never,
    })
    const res = await request(app)
      .get('/api/v1/reports/answer-provenance')
      .query({ code })
      .set('Authorization', as('dispatcher'))
    expect(res.body.orders).toEqual([
      expect.objectContaining({ number: created.body.number, claimant: { name: '钱*', phone: '135****4444' } }),
    ])
    expect(res.body.currentVersion).toBe(new Date('2026-11-26T10:00:00+08:00').toISOString())
    expect(res.body.orders[0].citedVersion).toBe(new Date('2026-11-25T10:00:00+08:00').toISOString())
  })

  it('show a unit its own figures only', async () => {
    at('2026-12-31T10:00:00+08:00')
    const query = { from: '2026-09-01', to: '2026-12-31' }
    const own = await request(app).get('/api/v1/reports/summary').query(query).set('Authorization', as('handler-a'))
    expect(own.status).toBe(200)
    const all = await request(app).get('/api/v1/reports/summary').query(query).set('Authorization', as('dispatcher'))
    expect(own.body.ranking.map((u: { unit: string }) => u.unit)).toEqual(['甲局'])
    expect(own.body.ranking[0]).toEqual(all.body.ranking.find((u: { unit: string }) => u.unit === '甲局'))
    expect(own.body.dispatchCount).toBe(own.body.ranking[0].orders)
    const other = await request(app)
      .get('/api/v1/reports/summary')
      .query({ ...query, unit: 'B' })
      .set('Authorization', as('handler-a'))
    expect(other.status).toBe(403)
    expect(other.body.message).toBe('只能查看本单位的统计')
    expect(
      (await request(app).get('/api/v1/reports/knowledge-gaps').set('Authorization', as('handler-a'))).status,
    ).toBe(403)
  })

  it('serves the monthly 数据分析报告 to the hotline staff only', async () => {
    const { publishMonthlyReport } = await import('../../src/services/monthlyReport')
    await publishMonthlyReport(context.payload, '2026-11', new Date('2026-12-01T08:30:00+08:00'))
    const get = (month: string, who: string) =>
      request(app).get(`/api/v1/reports/monthly/${month}`).set('Authorization', as(who))
    const ok = await get('2026-11', 'dispatcher')
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => cb(null, Buffer.concat(chunks)))
      })
    expect(ok.status).toBe(200)
    expect(ok.headers['content-disposition']).toContain(encodeURIComponent('数据分析报告-2026-11.xlsx'))
    expect((ok.body as Buffer).subarray(0, 2).toString()).toBe('PK')
    expect((await get('2026-11', 'handler-a')).status).toBe(403)
    expect((await get('2026-10', 'dispatcher')).body.message).toBe('2026-10 的数据分析报告尚未生成')
    expect((await get('2026-13', 'dispatcher')).status).toBe(400)
  })

  it('reports in JSON, CSV and XLSX for the hotline staff only', async () => {
    at('2026-12-31T10:00:00+08:00')
    const json = await request(app)
      .get('/api/v1/reports/summary')
      .query({ from: '2026-09-01', to: '2026-12-31' })
      .set('Authorization', as('dispatcher'))
    expect(json.status).toBe(200)
    expect(json.body.volume).toBeGreaterThan(5)
    expect(json.body.ranking.map((u: { unit: string }) => u.unit)).toEqual(expect.arrayContaining(['甲局', '乙局']))
    const csv = await request(app)
      .get('/api/v1/reports/summary')
      .query({ from: '2026-09-01', to: '2026-12-31', format: 'csv' })
      .set('Authorization', as('dispatcher'))
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    expect(csv.text).toMatch(/^\uFEFF指标\n指标,数值\n受理总量,\d+\n直接答复率,\d+(\.\d)?%/)
    expect(csv.text).toMatch(/单位排名\n排名,承办单位,派单量,按时办结率/)
    const xlsx = await request(app)
      .get('/api/v1/reports/trend')
      .query({ from: '2026-09-01', to: '2026-12-31', interval: 'month', format: 'xlsx' })
      .set('Authorization', as('dispatcher'))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => cb(null, Buffer.concat(chunks)))
      })
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/)
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK')
    expect(
      (
        await request(app)
          .get('/api/v1/reports/summary')
          .query({ from: 'yesterday' })
          .set('Authorization', as('dispatcher'))
      ).status,
    ).toBe(400)
    expect((await request(app).get('/api/v1/reports/summary').set('Authorization', as('agent'))).status).toBe(403)
  })
})
