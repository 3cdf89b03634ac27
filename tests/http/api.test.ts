import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
beforeAll(() => {
  app = createApp(context.payload, env())
})

const login = async (email: string, password = 'Secret-123') => {
  const res = await request(app).post('/api/users/login').send({ email, password })
  expect(res.status).toBe(200)
  return `JWT ${res.body.token}`
}

describe('our API (/api/v1)', () => {
  it('reports health with a request id, echoing the caller’s', async () => {
    const res = await request(app).get('/api/v1/health').set('X-Request-Id', 'call-42')
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { status: 'up', kind: 'sqlite' },
      search: { status: 'up', engine: 'embedded' },
      time: '2026-11-25T02:00:00.000Z',
    })
    expect(res.headers['x-request-id']).toBe('call-42')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    const generated = await request(app).get('/api/v1/health')
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('answers unknown routes with a JSON 404', async () => {
    const res = await request(app).get('/api/v1/nothing-here')
    expect(res.status).toBe(404)
    expect(res.body.message).toMatch(/没有这个接口/)
  })
})

describe('Payload REST (/api) through Express', () => {
  it.each(['/api/knowledge-entries', '/api/users', '/api/units', '/api/categories', '/api/media'])(
    'refuses anonymous reads of %s',
    async (url) => {
      const res = await request(app).get(url)
      expect(res.status).toBe(403)
      expect(res.body.errors[0].message).toBeTruthy()
    },
  )

  it('serves entries to a signed-in agent: published only', async () => {
    const auth = await login('agent@test.example')
    const res = await request(app).get('/api/knowledge-entries?limit=50&depth=0').set('Authorization', auth)
    expect(res.status).toBe(200)
    expect(res.body.docs.map((d: { title: string }) => d.title).sort()).toEqual(
      ['乙局已发布', '乙局答复口径', '甲局已发布'].sort(),
    )
  })

  it('answers bad input with 400 and Chinese field errors, and keeps the data', async () => {
    const auth = await login('editor-a@test.example')
    const res = await request(app)
      .post('/api/knowledge-entries?draft=true')
      .set('Authorization', auth)
      .send({ type: 'guide', title: '缺少材料的指南', guide: { phone: '不是电话' } })
    expect(res.status).toBe(400)
    const errors = res.body.errors[0].data.errors as { path: string; message: string }[]
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'guide.materials', message: expect.stringMatching(/申请材料或办理流程/) }),
        expect.objectContaining({ path: 'guide.phone', message: expect.stringMatching(/电话号码格式不正确/) }),
      ]),
    )
    const untouched = await request(app)
      .get(`/api/knowledge-entries/${context.world.entries.aDraft.id}?draft=true`)
      .set('Authorization', auth)
    expect(untouched.body.title).toBe('甲局草稿')
  })

  it('answers malformed JSON with 400, never 500', async () => {
    const auth = await login('editor-a@test.example')
    const res = await request(app)
      .post('/api/knowledge-entries')
      .set('Authorization', auth)
      .set('Content-Type', 'application/json')
      .send('{"title": ')
    expect(res.status).toBeGreaterThanOrEqual(400)
    expect(res.status).toBeLessThan(500)
  })

  it('refuses an editor changing another unit’s entry', async () => {
    const auth = await login('editor-a@test.example')
    const res = await request(app)
      .patch(`/api/knowledge-entries/${context.world.entries.bPublished.id}`)
      .set('Authorization', auth)
      .send({ title: '篡改' })
    expect(res.status).toBe(403)
  })

  it('locks an account after repeated failed logins from several clients (LOGIN_MAX_ATTEMPTS=3 in tests)', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await request(app)
        .post('/api/users/login')
        .set('X-Forwarded-For', `10.9.0.${i}`)
        .send({ email: 'supervisor@test.example', password: 'wrong' })
      expect(res.status).toBe(401)
    }
    const locked = await request(app)
      .post('/api/users/login')
      .send({ email: 'supervisor@test.example', password: 'Secret-123' })
    expect(locked.status).toBe(401)
    expect(JSON.stringify(locked.body)).toMatch(/锁定/)
  })
})

describe('OpenAPI document', () => {
  it('describes every /api/v1 route the app serves', async () => {
    const res = await request(app).get('/api/v1/openapi.json')
    expect(res.status).toBe(200)
    expect(res.body.openapi).toBe('3.1.0')
    for (const path of Object.keys(res.body.paths)) {
      const probe = await request(app).get(`/api/v1${path.replace('{code}', 'KB-0001')}`)
      // Routes may refuse or find nothing, but none may be missing.
      expect(probe.body.message ?? '').not.toMatch(/没有这个接口/)
    }
  })
})
