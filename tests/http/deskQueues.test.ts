/** The desks' lists over HTTP: queues by state, a unit sees only its own orders, supervision list and escalation. */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { fixClock } from '../../src/domain/clock'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { createApp } from '../../src/server/createApp'
import { deskSummary, homeOf } from '../../src/services/deskSummary'
import { addDeskUsers, signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}
const as = (who: string) => `JWT ${tokens[who]}`
const get = (who: string, url: string) => request(app).get(url).set('Authorization', as(who))
const post = (who: string, url: string, body: Record<string, unknown> = {}) =>
  request(app).post(url).set('Authorization', as(who)).send(body)

async function newOrder(title: string) {
  const res = await post('agent', '/api/v1/work-orders', { type: 'help', title, content: `${title}，请尽快处理。` })
  expect(res.status).toBe(201)
  return res.body.number as string
}

beforeAll(async () => {
  const { payload, world } = context
  await seedWorkCalendar(payload)
  await seedSlaRules(payload)
  await addDeskUsers(payload, world)
  app = createApp(payload, env())
  Object.assign(
    tokens,
    await signInAll(app, ['agent', 'dispatcher', 'handler-a', 'handler-b', 'supervisor', 'editor-a']),
  )
})

afterAll(() => fixClock(new Date('2026-11-25T10:00:00+08:00')))

describe('desk queues', () => {
  it('lists orders by queue with deadlines; a unit sees only its own, other desks are refused', async () => {
    fixClock(new Date('2026-11-25T09:00:00+08:00'))
    const toA = await newOrder('路灯不亮')
    const toB = await newOrder('井盖缺失')
    const waiting = await newOrder('噪声扰民')

    const intake = await get('dispatcher', '/api/v1/work-orders?queue=intake')
    expect(intake.status).toBe(200)
    expect(intake.body.rows.map((r: { number: string }) => r.number)).toEqual([toA, toB, waiting])
    expect(intake.body.rows[0]).toMatchObject({ state: '待处理', type: '求助', age: '0 分钟' })
    expect(intake.body.rows[0].deadline).toMatchObject({ clock: 'dispatch', status: 'due_today' })

    expect((await post('dispatcher', `/api/v1/work-orders/${toA}/actions/dispatch`, { unit: 'A' })).status).toBe(200)
    expect((await post('dispatcher', `/api/v1/work-orders/${toB}/actions/dispatch`, { unit: 'B' })).status).toBe(200)

    const signA = await get('handler-a', '/api/v1/work-orders?queue=sign')
    expect(signA.status).toBe(200)
    expect(signA.body.rows.map((r: { number: string }) => r.number)).toEqual([toA])
    expect(signA.body.rows[0]).toMatchObject({ unit: '甲局', deadline: { clock: 'sign-for' } })
    const signB = await get('handler-b', '/api/v1/work-orders?queue=sign')
    expect(signB.body.rows.map((r: { number: string }) => r.number)).toEqual([toB])

    // A unit cannot read the hotline's queues, nor the hotline a unit's; an editor has no desk.
    expect((await get('handler-a', '/api/v1/work-orders?queue=intake')).status).toBe(403)
    expect((await get('dispatcher', '/api/v1/work-orders?queue=sign')).status).toBe(403)
    expect((await get('editor-a', '/api/v1/work-orders?queue=sign')).status).toBe(403)
    const unknown = await get('dispatcher', '/api/v1/work-orders?queue=nonsense')
    expect(unknown.status).toBe(400)
    expect(unknown.body.message).toContain('没有这个队列')
    expect((await get('dispatcher', '/api/v1/work-orders?queue=intake&page=0')).status).toBe(400)
    expect((await get('dispatcher', '/api/v1/work-orders')).status).toBe(400)

    // The unit signs for it and asks for an extension: the dispatcher's review queue has it.
    expect((await post('handler-a', `/api/v1/work-orders/${toA}/actions/accept`)).status).toBe(200)
    expect(
      (
        await post('handler-a', `/api/v1/work-orders/${toA}/actions/request-extension`, {
          days: 3,
          reason: '需现场勘查',
        })
      ).status,
    ).toBe(200)
    const extension = await get('dispatcher', '/api/v1/work-orders?queue=extension')
    expect(extension.body.rows.map((r: { number: string }) => r.number)).toEqual([toA])
    const handling = await get('handler-a', '/api/v1/work-orders?queue=handling')
    expect(handling.body.totalDocs).toBe(1)

    // Counts and the landing page per role.
    const summary = await deskSummary(context.payload, { id: 0, roles: ['dispatcher'] })
    const counts = Object.fromEntries(summary.desks[0].queues.map((q) => [q.key, q.count]))
    expect(counts).toMatchObject({ intake: 1, extension: 1, return: 0 })
    expect(homeOf({ id: 0, roles: ['unit-handler'], unit: 1 })).toBe('/desk/unit')
    expect(homeOf({ id: 0, roles: ['supervisor'] })).toBe('/desk/supervision')
  })

  it('pages through a long queue', async () => {
    fixClock(new Date('2026-11-26T09:00:00+08:00'))
    for (let i = 0; i < 21; i++) await newOrder(`第${i + 1}件诉求`)
    const first = await get('dispatcher', '/api/v1/work-orders?queue=intake')
    expect(first.body).toMatchObject({ page: 1, totalPages: 2 })
    expect(first.body.rows).toHaveLength(20)
    const second = await get('dispatcher', '/api/v1/work-orders?queue=intake&page=2')
    expect(second.body.page).toBe(2)
    expect(second.body.rows.length).toBe(first.body.totalDocs - 20)
  })
})

describe('supervision desk', () => {
  it('lists items by role and unit, escalates by hand, and refuses others', async () => {
    fixClock(new Date('2026-11-27T09:00:00+08:00'))
    const number = await newOrder('垃圾清运不及时')
    await post('dispatcher', `/api/v1/work-orders/${number}/actions/dispatch`, { unit: 'A' })
    const opened = await post('supervisor', '/api/v1/supervision', {
      workOrder: number,
      reason: 'poor_handling',
      description: '多次反映未解决',
    })
    expect(opened.status).toBe(201)

    const list = await get('supervisor', '/api/v1/supervision?reason=poor_handling')
    expect(list.status).toBe(200)
    expect(list.body).toEqual([expect.objectContaining({ workOrder: number, unit: '甲局', statusLabel: '督办中' })])
    expect((await get('handler-a', '/api/v1/supervision')).body).toHaveLength(1)
    expect((await get('handler-b', '/api/v1/supervision')).body).toHaveLength(0)

    expect((await post('handler-a', `/api/v1/supervision/${opened.body.id}/escalate`, { note: '升级' })).status).toBe(
      403,
    )
    expect((await post('supervisor', `/api/v1/supervision/${opened.body.id}/escalate`, {})).status).toBe(400)
    const escalated = await post('supervisor', `/api/v1/supervision/${opened.body.id}/escalate`, {
      note: '逾期未整改，报分管领导',
    })
    expect(escalated.status).toBe(200)
    expect(escalated.body.status).toBe('escalated')
    expect((await post('supervisor', `/api/v1/supervision/${opened.body.id}/escalate`, { note: '再次' })).status).toBe(
      400,
    )

    const order = await get('dispatcher', `/api/v1/work-orders/${number}`)
    expect(order.body.timeline.map((t: { note?: string }) => t.note)).toContain('督办升级：逾期未整改，报分管领导')
    // The unit can still answer an escalated item.
    const rectified = await post('handler-a', `/api/v1/supervision/${opened.body.id}/rectification`, { text: '已整改' })
    expect(rectified.status).toBe(200)
  })
})
