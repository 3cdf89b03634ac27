/** /api/v1/personal-data: a claimant's export and erasure requests, for signed-in admins only. */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const login = async (email: string) =>
  `JWT ${(await request(app).post('/api/users/login').send({ email, password: 'Secret-123' })).body.token}`

beforeAll(async () => {
  app = createApp(context.payload, env())
  await context.payload.create({
    collection: 'users',
    data: { email: 'root@test.example', password: 'Secret-123', name: '管理员', roles: ['admin'] },
  })
})

describe('POST /api/v1/personal-data/export and /erase', () => {
  it('refuses anonymous callers, other roles and bad input with clear messages', async () => {
    expect(
      (await request(app).post('/api/v1/personal-data/export').send({ phone: '13900001111', reason: 'x' })).status,
    ).toBe(401)
    const agent = await login('agent@test.example')
    const refused = await request(app)
      .post('/api/v1/personal-data/erase')
      .set('Authorization', agent)
      .send({ phone: '13900001111', reason: '本人申请' })
    expect(refused.status).toBe(403)
    const admin = await login('root@test.example')
    const bad = await request(app)
      .post('/api/v1/personal-data/export')
      .set('Authorization', admin)
      .send({ phone: '13900001111' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toMatch(/reason/)
  })

  it('exports and erases for an admin, and logs both', async () => {
    const admin = await login('root@test.example')
    const exported = await request(app)
      .post('/api/v1/personal-data/export')
      .set('Authorization', admin)
      .send({ phone: '13900001111', reason: '本人申请 2026-003' })
    expect(exported.status).toBe(200)
    expect(exported.body.orders).toEqual([])
    const erased = await request(app)
      .post('/api/v1/personal-data/erase')
      .set('Authorization', admin)
      .send({ phone: '13900001111', reason: '本人申请 2026-004' })
    expect(erased.body).toEqual({ erased: [], stillOpen: [] })
    const logs = await context.payload.find({ collection: 'personal-data-log', sort: 'createdAt' })
    expect(logs.docs.map((l) => [l.action, l.reason, l.actorName])).toEqual([
      ['export', '本人申请 2026-003', '管理员'],
      ['erase', '本人申请 2026-004', '管理员'],
    ])
  })
})
