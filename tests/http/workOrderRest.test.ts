/**
 * Payload's REST API on work orders (issue 13, finding 8): a handling unit never sees a confidential
 * claimant, not even masked, and flow fields (state, deadlines, timeline …) change only through the
 * flow's actions, for every role.
 */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { createApp } from '../../src/server/createApp'
import { signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}
const as = (who: string) => `JWT ${tokens[who]}`
let confidential: { id: number; number: string }

beforeAll(async () => {
  const { payload, world } = context
  await seedWorkCalendar(payload)
  await seedSlaRules(payload)
  for (const [email, roles, unit] of [
    ['dispatcher@test.example', ['dispatcher'], undefined],
    ['handler-a@test.example', ['unit-handler'], world.units.a.id],
  ] as const) {
    await payload.create({
      collection: 'users',
      data: { email, password: 'Secret-123', name: email.split('@')[0], roles: [...roles], unit },
    })
  }
  app = createApp(payload, env())
  Object.assign(tokens, await signInAll(app, ['agent', 'dispatcher', 'handler-a', 'admin']))
  const created = await request(app)
    .post('/api/v1/work-orders')
    .set('Authorization', as('agent'))
    .send({
      type: 'report',
      title: '举报违建',
      content: '小区内有违章搭建。',
      claimant: { name: '王五', phone: '13912345678', idNumber: '110101199001011234', confidential: true },
    })
  expect(created.status).toBe(201)
  const dispatched = await request(app)
    .post(`/api/v1/work-orders/${created.body.number}/actions/dispatch`)
    .set('Authorization', as('dispatcher'))
    .send({ unit: 'A' })
  expect(dispatched.status).toBe(200)
  const { docs } = await payload.find({ collection: 'work-orders', where: { number: { equals: created.body.number } } })
  confidential = { id: docs[0].id, number: created.body.number }
})

describe('REST reads of work orders', () => {
  it('shows the handling unit （保密） for a confidential claimant, as /api/v1 does', async () => {
    for (const path of [`/api/work-orders/${confidential.id}`, '/api/work-orders']) {
      const res = await request(app).get(path).set('Authorization', as('handler-a'))
      expect(res.status).toBe(200)
      const body = JSON.stringify(res.body)
      expect(body).toContain('（保密）')
      for (const masked of ['王*', '139****5678', '1234']) expect(body).not.toContain(masked)
    }
    const v1 = await request(app)
      .get(`/api/v1/work-orders/${confidential.number}`)
      .set('Authorization', as('handler-a'))
    expect(v1.body.claimant).toMatchObject({ name: '（保密）', phone: '（保密）' })
    // The dispatcher keeps the masked form.
    const forDispatcher = await request(app)
      .get(`/api/work-orders/${confidential.id}`)
      .set('Authorization', as('dispatcher'))
    expect(forDispatcher.body.claimant).toMatchObject({ nameMasked: '王*', phoneMasked: '139****5678' })
  })
})

describe('REST writes of work orders', () => {
  it('lets no one, not even an admin, change flow fields by PATCH', async () => {
    const before = await context.payload.findByID({ collection: 'work-orders', id: confidential.id })
    const res = await request(app)
      .patch(`/api/work-orders/${confidential.id}`)
      .set('Authorization', as('admin'))
      .send({
        title: '举报违建（更正标题）',
        state: 'closed',
        dueAt: '2030-01-01T00:00:00.000Z',
        extensions: 5,
        timeline: [],
        unit: context.world.units.b.id,
        claimant: { confidential: false },
      })
    expect(res.status).toBeLessThan(500)
    const after = await context.payload.findByID({ collection: 'work-orders', id: confidential.id, depth: 0 })
    expect(after).toMatchObject({
      state: before.state,
      dueAt: before.dueAt,
      extensions: before.extensions,
      unit: context.world.units.a.id,
      claimant: { confidential: true },
    })
    expect(after.timeline).toEqual(before.timeline)
    // Describing the claim is still correctable.
    expect(after.title).toBe('举报违建（更正标题）')
  })

  it('creates no order by REST POST with a state of its own choosing', async () => {
    const count = async () => (await context.payload.count({ collection: 'work-orders' })).totalDocs
    const before = await count()
    const res = await request(app)
      .post('/api/work-orders')
      .set('Authorization', as('admin'))
      .send({ number: 'GD20261125999999', state: 'closed', type: 'help', title: 't', content: 'c' })
    expect(res.status).toBe(400)
    expect(await count()).toBe(before)
  })
})
