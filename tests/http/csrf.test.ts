/**
 * CSRF (finding 4 of the security issue): a page of another origin, with the victim's session
 * cookie, cannot change anything, neither through Payload's REST API nor our /api/v1 routers.
 */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
let adminCookie: string
let agentCookie: string

const sessionCookie = async (email: string) => {
  const res = await request(app).post('/api/users/login').send({ email, password: 'Secret-123' })
  const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('payload-token='))!
  return cookie.split(';')[0]!
}

beforeAll(async () => {
  app = createApp(context.payload, env())
  adminCookie = await sessionCookie('admin@test.example')
  agentCookie = await sessionCookie('agent@test.example')
})

const newUser = (email: string) => ({ email, password: 'Long-enough-9', name: '新管理员', roles: ['admin'] })
const order = { type: 'consultation', channel: 'phone', title: '咨询社保', content: '咨询社保卡办理' }

describe('cross-site requests with a session cookie', () => {
  it('defaults the product origin to http://localhost:PORT', () => {
    expect(env().publicUrl).toBe('http://localhost:3000')
    expect(context.payload.config.serverURL).toBe('http://localhost:3000')
    expect(context.payload.config.csrf).toContain('http://localhost:3000')
  })

  it('refuses an admin account created from a page on another port of localhost', async () => {
    const res = await request(app)
      .post('/api/users')
      .set('Cookie', adminCookie)
      .set('Origin', 'http://localhost:3912')
      .send(newUser('evil@test.example'))
    expect(res.status).toBe(403)
    expect(res.body.message).toMatch(/跨站/)
    const found = await context.payload.find({ collection: 'users', where: { email: { equals: 'evil@test.example' } } })
    expect(found.totalDocs).toBe(0)
  })

  it('refuses a work order posted from a foreign origin, or with neither Origin nor Referer', async () => {
    for (const headers of [{ Origin: 'http://evil.example' }, { Referer: 'http://evil.example/page' }, {}]) {
      const res = await request(app).post('/api/v1/work-orders').set('Cookie', agentCookie).set(headers).send(order)
      expect(res.status).toBe(403)
    }
  })

  it('accepts the same requests from the product’s own pages', async () => {
    const created = await request(app)
      .post('/api/v1/work-orders')
      .set('Cookie', agentCookie)
      .set('Origin', 'http://localhost:3000')
      .send(order)
    expect(created.status).toBe(201)
    const user = await request(app)
      .post('/api/users')
      .set('Cookie', adminCookie)
      .set('Origin', 'http://127.0.0.1:3000')
      .send(newUser('new-admin@test.example'))
    expect(user.status).toBe(201)
  })

  it('lets Payload ignore a session cookie sent from a foreign origin', async () => {
    const me = await request(app).get('/api/users/me').set('Cookie', adminCookie).set('Origin', 'http://evil.example')
    expect(me.body.user).toBeNull()
  })

  it('accepts explicit credentials (Authorization header) from any origin: a page cannot set them', async () => {
    const { body } = await request(app)
      .post('/api/users/login')
      .send({ email: 'agent@test.example', password: 'Secret-123' })
    const res = await request(app)
      .post('/api/v1/work-orders')
      .set('Authorization', `JWT ${body.token}`)
      .set('Origin', 'http://tool.example')
      .send(order)
    expect(res.status).toBe(201)
  })
})
