/**
 * The unit suggestion index is built when the server starts (server.ts), not at the first request for
 * suggestions: an order taken right after the start, intake never waiting for the index, already gets
 * the unit that handled similar stored orders.
 */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { createApp } from '../../src/server/createApp'
import { buildUnitSuggestionsAtStart } from '../../src/services/intakeSuggestions'
import { signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
let token = ''

const HISTORY = ['小区停水两天了，自来水一直没来', '水压太低，楼上没有自来水', '自来水管爆裂，路面漏水']

beforeAll(async () => {
  const { payload, world } = context
  await seedWorkCalendar(payload)
  await seedSlaRules(payload)
  let n = 0
  for (const text of HISTORY)
    await payload.create({
      collection: 'work-orders',
      data: {
        number: `GD20260901${String(++n).padStart(4, '0')}`,
        type: 'complaint',
        state: 'closed',
        title: text.slice(0, 6),
        content: text,
        unit: world.units.a.id,
        createdAt: '2026-09-01T02:00:00.000Z',
        timeline: [{ action: 'dispatch', note: '派发至 甲局', unit: world.units.a.id }],
      } as never,
      overrideAccess: true,
    })
  app = createApp(payload, env())
  token = (await signInAll(app, ['agent'])).agent
})

it('gives the first intake after the start a unit suggestion from the stored orders', async () => {
  await buildUnitSuggestionsAtStart(context.payload)
  const res = await request(app)
    .post('/api/v1/work-orders')
    .set('Authorization', `JWT ${token}`)
    .send({ type: 'complaint', title: '停水', content: '家里自来水停了，一直没来水' })
  expect(res.status).toBe(201)
  const { docs } = await context.payload.find({
    collection: 'work-orders',
    where: { number: { equals: res.body.number } },
    depth: 0,
    overrideAccess: true,
  })
  expect(docs[0]).toMatchObject({
    suggestedUnit: context.world.units.a.id,
    suggestions: { units: [{ id: String(context.world.units.a.id), name: '甲局' }] },
  })
})
