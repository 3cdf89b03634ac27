/** The gaps over HTTP with a moving hotline clock: intake, clocks on every queue, holidays, 督办, 会商, second-level dispatch. */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { fixClock } from '../../src/domain/clock'
import { runOrderDeadlines } from '../../src/jobs/workOrderDeadlines'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { createApp } from '../../src/server/createApp'
import { addDeskUsers, addUser, signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}
const as = (who: string) => `JWT ${tokens[who]}`
const at = (s: string) => fixClock(new Date(s))
const end = (day: string) => new Date(Date.parse(`${day}T23:59:59.999+08:00`)).toISOString()
const act = (who: string, number: string, action: string, body: Record<string, unknown> = {}) =>
  request(app).post(`/api/v1/work-orders/${number}/actions/${action}`).set('Authorization', as(who)).send(body)
const intake = async (body: Record<string, unknown>) => {
  const res = await request(app).post('/api/v1/work-orders').set('Authorization', as('agent')).send(body)
  expect(res.status).toBe(201)
  return res.body
}

beforeAll(async () => {
  const { payload, world } = context
  await seedWorkCalendar(payload)
  await seedSlaRules(payload)
  await payload.create({ collection: 'categories', data: { name: '市政设施', code: 'SZ' } })
  const street = await payload.create({
    collection: 'units',
    data: { name: '甲局东街道', code: 'A-E', kind: 'street-township', parent: world.units.a.id },
  })
  await addDeskUsers(payload, world)
  await addUser(payload, 'handler-e@test.example', ['unit-handler'], street.id)
  app = createApp(payload, env())
  Object.assign(
    tokens,
    await signInAll(app, ['agent', 'dispatcher', 'handler-a', 'handler-b', 'handler-e', 'supervisor', 'admin']),
  )
})
afterAll(() => at('2026-11-25T10:00:00+08:00'))

describe('intake (gap 1)', () => {
  it('takes a category from the catalogue, an enterprise claimant, the party complained about and SMS', async () => {
    at('2026-11-25T10:00:00+08:00')
    const order = await intake({
      type: 'complaint',
      channel: 'sms',
      category: 'SZ',
      title: '施工噪音',
      content: '夜间施工',
      respondent: '某建筑公司',
      claimant: { kind: 'enterprise', companyName: '江临小米科技', creditCode: '91110108551385082Q', name: '张三' },
    })
    expect(order).toMatchObject({
      channel: 'sms',
      category: { code: 'SZ', path: '市政设施' },
      respondent: '某建筑公司',
      claimant: { kind: 'enterprise', companyName: '江临小米科技', creditCode: '91110108551385082Q', name: '张*' },
      dispatchDueAt: new Date('2026-11-25T14:00:00+08:00').toISOString(),
    })
    const bad = (body: Record<string, unknown>) =>
      request(app)
        .post('/api/v1/work-orders')
        .set('Authorization', as('agent'))
        .send({ type: 'help', title: 't', content: 'c', ...body })
    expect((await bad({ category: 'NOPE' })).body.message).toMatch(/不在知识库目录中/)
    expect(
      (await bad({ claimant: { kind: 'enterprise', companyName: 'x', creditCode: '91110108551385082A' } })).body
        .message,
    ).toMatch(/统一社会信用代码不正确/)
    expect((await bad({ claimant: { kind: 'enterprise' } })).status).toBe(400)
  })
})

describe('clocks, holidays and the round (gaps 3, 4, 5)', () => {
  it('times out intake, sign-for and callback, and supervises them', async () => {
    at('2026-12-01T09:00:00+08:00')
    const waiting = await intake({ type: 'help', title: '无人派发', content: 'c' })
    const unsigned = await intake({ type: 'help', title: '无人签收', content: 'c' })
    await act('dispatcher', unsigned.number, 'dispatch', { unit: 'A' })
    const uncalled = await intake({ type: 'consultation', title: '无人回访', content: 'c' })
    await act('dispatcher', uncalled.number, 'dispatch', { unit: 'B' })
    await act('handler-b', uncalled.number, 'accept')
    await act('handler-b', uncalled.number, 'reply', { result: '已答复', text: '答复' })
    at('2026-12-04T10:00:00+08:00')
    const round = await runOrderDeadlines(context.payload)
    expect(round.overdue).toEqual(expect.arrayContaining([waiting.number, unsigned.number, uncalled.number]))
    const items = await context.payload.find({ collection: 'supervision-items', pagination: false, depth: 1 })
    const reasons = (n: string) =>
      items.docs.filter((i) => (i.workOrder as { number?: string } | null)?.number === n).map((i) => i.reason)
    expect(reasons(waiting.number)).toEqual(['order_dispatch_overdue'])
    expect(reasons(unsigned.number)).toEqual(['order_sign_overdue'])
    expect(reasons(uncalled.number)).toEqual(['order_callback_overdue'])
    const shown = await request(app)
      .get(`/api/v1/work-orders/${unsigned.number}`)
      .set('Authorization', as('dispatcher'))
    expect(shown.body).toMatchObject({ deadlineStatus: 'overdue', deadlineClock: 'sign-for' })
    expect(shown.body.timeline.at(-1)).toMatchObject({ action: 'supervision', label: '督办' })
  })

  it('counts deadlines across a holiday and a make-up workday', async () => {
    // 2026-09-30 + 10 working days (help): 10-01..07 off, 10-10 (Saturday) worked → 10-08 … 10-20.
    at('2026-09-30T10:00:00+08:00')
    const order = await intake({ type: 'help', title: '跨国庆', content: 'c' })
    expect((await act('dispatcher', order.number, 'dispatch', { unit: 'A' })).body.dueAt).toBe(end('2026-10-20'))
  })

  it('pauses 待补充 in working time: a pause over National Day adds no holiday', async () => {
    at('2026-09-29T10:00:00+08:00')
    const order = await intake({ type: 'help', title: '暂停跨国庆', content: 'c' })
    const dueAt = (await act('dispatcher', order.number, 'dispatch', { unit: 'A' })).body.dueAt
    await act('handler-a', order.number, 'accept')
    at('2026-09-30T18:00:00+08:00')
    await act('handler-a', order.number, 'request-info', { reason: '补充材料' })
    at('2026-10-08T09:00:00+08:00')
    const resumed = await act('handler-a', order.number, 'resume')
    // Working time paused: 09-30 18:00–24:00 and 10-08 00:00–09:00 = 15 h, not 8 days.
    expect(resumed.body.pausedMs).toBe(15 * 3_600_000)
    expect(Date.parse(resumed.body.dueAt) - Date.parse(dueAt)).toBeLessThan(2 * 86_400_000)
  })

  it('knows 2027-01-01 is 元旦 without the 2027 arrangement, warns, and opens no supervision on the guess', async () => {
    at('2026-12-31T10:00:00+08:00')
    const order = await intake({ type: 'consultation', title: '跨年咨询', content: 'c' })
    const dispatched = await act('dispatcher', order.number, 'dispatch', { unit: 'A' })
    // 2026-12-31 + 2 working days: 2027-01-01 is a statutory holiday, the weekend follows → 01-05.
    expect(dispatched.body.dueAt).toBe(end('2027-01-05'))
    expect(dispatched.body.deadlineWarning).toMatch(/缺少 2027 年的调休安排/)
    await act('handler-a', order.number, 'accept')
    at('2027-01-06T10:00:00+08:00')
    const round = await runOrderDeadlines(context.payload)
    expect(round.guessed).toContain(order.number)
    expect(round.supervisionOpened).not.toContain(order.number)
    expect(round.calendarMissing).toBe(2027)
    const note = await context.payload.find({
      collection: 'notifications',
      where: { kind: { equals: 'calendar_missing' } },
    })
    expect(note.docs[0].title).toMatch(/2027/)
    // The admins enter the arrangement: the deadline is computed again and supervision may follow.
    await context.payload.create({
      collection: 'work-calendar',
      data: { date: '2027-01-04T00:00:00+08:00', kind: 'holiday', name: '元旦（假设调休）' },
    })
    const again = await runOrderDeadlines(context.payload)
    expect(again.recomputed).toContain(order.number)
    const recomputed = await request(app)
      .get(`/api/v1/work-orders/${order.number}`)
      .set('Authorization', as('dispatcher'))
    expect(recomputed.body).toMatchObject({ dueAt: end('2027-01-06'), deadlineWarning: null })
  })
})

describe('督办 (gap 2)', () => {
  it('opens refused-return items only for open orders', async () => {
    at('2026-11-02T10:00:00+08:00')
    const order = await intake({ type: 'help', title: '退回被驳回后办结', content: 'c' })
    await act('dispatcher', order.number, 'dispatch', { unit: 'A' })
    await act('handler-a', order.number, 'accept')
    await act('handler-a', order.number, 'request-return', { reason: '非职责', basis: '三定' })
    await act('dispatcher', order.number, 'reject-return', { reason: '属职责' })
    await act('handler-a', order.number, 'reply', { result: '已办', text: '已办' })
    await act('dispatcher', order.number, 'callback', { satisfaction: 'satisfied' })
    await act('dispatcher', order.number, 'close')
    expect((await runOrderDeadlines(context.payload)).supervisionOpened).not.toContain(order.number)
  })

  it('lets a supervisor open an item on an order, the unit rectify, and the supervisor send back then accept', async () => {
    at('2026-11-03T10:00:00+08:00')
    const order = await intake({ type: 'complaint', title: '处置不当', content: 'c' })
    await act('dispatcher', order.number, 'dispatch', { unit: 'A' })
    const post = (who: string, path: string, body: Record<string, unknown>) =>
      request(app).post(`/api/v1/supervision${path}`).set('Authorization', as(who)).send(body)
    expect((await post('handler-a', '', { workOrder: order.number, reason: 'other', description: 'x' })).status).toBe(
      403,
    )
    const opened = await post('supervisor', '', {
      workOrder: order.number,
      reason: 'poor_handling',
      description: '答复敷衍，媒体报道造成不良影响',
    })
    expect(opened.status).toBe(201)
    expect(opened.body).toMatchObject({ status: 'open', reason: 'poor_handling' })
    expect((await post('handler-b', `/${opened.body.id}/rectification`, { text: '不是我们' })).status).toBe(404)
    expect((await post('handler-a', `/${opened.body.id}/rectification`, { text: '已约谈经办人' })).body.status).toBe(
      'rectified',
    )
    expect((await post('supervisor', `/${opened.body.id}/review`, { accept: false })).status).toBe(400)
    expect((await post('supervisor', `/${opened.body.id}/review`, { accept: false, note: '须上门' })).body.status).toBe(
      'open',
    )
    await post('handler-a', `/${opened.body.id}/rectification`, { text: '已上门致歉并处理' })
    expect((await post('supervisor', `/${opened.body.id}/review`, { accept: true })).body.status).toBe('closed')
    const timeline = (
      await request(app).get(`/api/v1/work-orders/${order.number}`).set('Authorization', as('dispatcher'))
    ).body.timeline
    expect(
      timeline.filter((t: { action: string }) => t.action === 'supervision').map((t: { note: string }) => t.note),
    ).toEqual([
      '督办员立项：办理不力造成不良影响——答复敷衍，媒体报道造成不良影响',
      '承办单位整改反馈：已约谈经办人',
      '督办员退回整改：须上门',
      '承办单位整改反馈：已上门致歉并处理',
      '督办员认可整改',
    ])
    const unitItem = await post('supervisor', '', { unit: 'B', reason: 'other', description: '多次超期' })
    expect(unitItem.body).toMatchObject({ status: 'open', subject: '乙局' })
  })
})

describe('会商, second-level dispatch, direct-answer rating and duplicates (gaps 7, 9, 10, finding 8)', () => {
  it('consults several units, then designates one that cannot return it', async () => {
    at('2026-11-04T10:00:00+08:00')
    const order = await intake({ type: 'complaint', title: '职责交叉', content: 'c' })
    expect(
      (await act('dispatcher', order.number, 'consult', { units: ['A', 'B'], reason: '谁负责' })).body,
    ).toMatchObject({
      state: 'consulting',
      consultation: { dueAt: end('2026-11-05') },
    })
    expect(
      (await act('handler-b', order.number, 'consult-reply', { text: '属甲局' })).body.consultation.answers,
    ).toHaveLength(1)
    await act('dispatcher', order.number, 'dispatch', { unit: 'A', designated: true })
    await act('handler-a', order.number, 'accept')
    expect((await act('handler-a', order.number, 'request-return', { reason: 'x', basis: 'y' })).body.message).toMatch(
      /指定承办/,
    )
  })

  it('dispatches on to a child unit, which handles within the hotline deadline', async () => {
    at('2026-11-05T10:00:00+08:00')
    const order = await intake({ type: 'help', title: '街道事项', content: 'c' })
    const dueAt = (await act('dispatcher', order.number, 'dispatch', { unit: 'A' })).body.dueAt
    await act('handler-a', order.number, 'accept')
    expect((await act('handler-a', order.number, 'subdispatch', { unit: 'B' })).status).toBe(400)
    const sub = await act('handler-a', order.number, 'subdispatch', { unit: 'A-E' })
    expect(sub.body).toMatchObject({ subUnit: { code: 'A-E' }, dueAt })
    expect((await act('handler-e', order.number, 'reply', { result: '已处理', text: '已处理' })).body.state).toBe(
      'replied',
    )
  })

  it('rates a direct answer at a sampled callback', async () => {
    const order = await intake({ type: 'consultation', title: '直接答复', content: 'c' })
    await act('agent', order.number, 'answer', { noKnowledge: true })
    expect(
      (await act('dispatcher', order.number, 'answer-callback', { satisfaction: 'basically_satisfied' })).body
        .answerRating,
    ).toBe('basically_satisfied')
    expect((await act('dispatcher', order.number, 'answer-callback', { satisfaction: 'satisfied' })).status).toBe(400)
  })

  it('never shows a unit another unit’s order, nor links a confidential order to an open one', async () => {
    const first = await intake({
      type: 'help',
      title: '乙局的单',
      content: 'c',
      claimant: { name: '赵六', phone: '13600007777' },
    })
    await act('dispatcher', first.number, 'dispatch', { unit: 'B' })
    const second = await intake({
      type: 'help',
      title: '甲局的单',
      content: 'c',
      claimant: { name: '赵六', phone: '13600007777' },
    })
    expect(second.possibleDuplicates).toEqual([{ number: first.number, state: 'dispatched', title: '乙局的单' }])
    await act('dispatcher', second.number, 'dispatch', { unit: 'A' })
    const seen = await request(app).get(`/api/v1/work-orders/${second.number}`).set('Authorization', as('handler-a'))
    expect(seen.body.possibleDuplicates).toEqual([])
    const secret = await intake({
      type: 'report',
      title: '保密举报',
      content: 'c',
      claimant: { name: '赵六', phone: '13600007777', confidential: true },
    })
    expect(secret.possibleDuplicates).toEqual([])
  })
})
