/**
 * Login and session policy (finding 7 of the security issue): failed logins are throttled per client
 * (429) before an account can be locked; the lock-out still stops attempts from many clients, with
 * one message whether or not the account exists; the password policy; the current password to
 * change one's own; other sessions end on a password change; the idle timeout.
 */
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

const login = (email: string, password: string, client = '10.0.0.1') =>
  request(app).post('/api/users/login').set('X-Forwarded-For', client).send({ email, password })

describe('login throttling and lock-out (LOGIN_MAX_ATTEMPTS=3 in tests)', () => {
  it('answers 429 to one client before its failures can lock the account', async () => {
    const email = 'supervisor@test.example'
    expect((await login(email, 'wrong-password-1')).status).toBe(401)
    expect((await login(email, 'wrong-password-2')).status).toBe(401)
    const throttled = await login(email, 'wrong-password-3')
    expect(throttled.status).toBe(429)
    expect(throttled.body.message).toMatch(/登录失败次数过多/)
    // The account was not locked: its owner signs in from elsewhere.
    expect((await login(email, 'Secret-123', '10.0.0.2')).status).toBe(200)
  })

  it('locks an account attacked from many clients, with the same message as an unknown account', async () => {
    const email = 'editor-b@test.example'
    for (const client of ['10.1.0.1', '10.1.0.2', '10.1.0.3'])
      expect((await login(email, 'wrong', client)).status).toBe(401)
    const locked = await login(email, 'Secret-123', '10.1.0.4')
    expect(locked.status).toBe(401)
    const unknown = await login('nobody@test.example', 'Secret-123', '10.1.0.5')
    const wrong = await login('agent@test.example', 'wrong', '10.1.0.6')
    expect(unknown.status).toBe(401)
    expect(locked.body).toEqual(unknown.body)
    expect(wrong.body).toEqual(unknown.body)
    expect(JSON.stringify(locked.body)).not.toMatch(/locked|锁定了/i)
  })
})

describe('passwords and sessions', () => {
  const adminAuth = async () => `JWT ${(await login('admin@test.example', 'Secret-123', '10.2.0.1')).body.token}`

  it('refuses short and common passwords when an account is created', async () => {
    const auth = await adminAuth()
    const create = (password: string, email: string) =>
      request(app)
        .post('/api/users')
        .set('Authorization', auth)
        .send({ email, password, name: '新坐席', roles: ['agent'] })
    for (const password of ['abc', 'Short-12', 'password123', '1234567890']) {
      const res = await create(password, 'weak@test.example')
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(/密码/)
    }
    expect((await create('坐席新账号-2026', 'strong@test.example')).status).toBe(201)
  })

  it('needs the current password to change one’s own, and ends the other sessions', async () => {
    const email = 'reviewer-a@test.example'
    const first = (await login(email, 'Secret-123', '10.3.0.1')).body
    const second = (await login(email, 'Secret-123', '10.3.0.2')).body
    const change = (body: Record<string, unknown>) =>
      request(app).patch(`/api/users/${first.user.id}`).set('Authorization', `JWT ${first.token}`).send(body)

    const missing = await change({ password: 'Neues-Passwort-77' })
    expect(missing.status).toBe(400)
    expect(JSON.stringify(missing.body)).toMatch(/当前密码/)
    const wrong = await change({ password: 'Neues-Passwort-77', currentPassword: 'not-my-password' })
    expect(wrong.status).toBe(400)
    expect(JSON.stringify(wrong.body)).toMatch(/当前密码不正确/)

    const changed = await change({ password: 'Neues-Passwort-77', currentPassword: 'Secret-123' })
    expect(changed.status).toBe(200)
    expect(changed.body.doc.currentPassword).toBeUndefined()
    const otherSession = await request(app).get('/api/users/me').set('Authorization', `JWT ${second.token}`)
    expect(otherSession.body.user).toBeNull()
    const thisSession = await request(app).get('/api/users/me').set('Authorization', `JWT ${first.token}`)
    expect(thisSession.body.user?.email).toBe(email)
    expect((await login(email, 'Secret-123', '10.3.0.3')).status).toBe(401)
    expect((await login(email, 'Neues-Passwort-77', '10.3.0.4')).status).toBe(200)
  })

  it('lets an admin reset another user’s password without theirs, under the policy', async () => {
    const auth = await adminAuth()
    const id = context.world.users.kbAdmin.id
    const weak = await request(app).patch(`/api/users/${id}`).set('Authorization', auth).send({ password: 'abc' })
    expect(weak.status).toBe(400)
    const reset = await request(app)
      .patch(`/api/users/${id}`)
      .set('Authorization', auth)
      .send({ password: 'Reset-by-admin-42' })
    expect(reset.status).toBe(200)
  })

  it('holds a password set through the reset link to the policy', async () => {
    const token = await context.payload.forgotPassword({
      collection: 'users',
      data: { email: 'editor-a@test.example' },
      disableEmail: true,
    })
    const reset = (password: string) => request(app).post('/api/users/reset-password').send({ token, password })
    const weak = await reset('1234567890')
    expect(weak.status).toBe(400)
    expect(weak.body.message).toMatch(/常见或简单/)
    expect((await reset('Ein-neues-Kennwort-5')).status).toBe(200)
  })

  it('ends a session after SESSION_IDLE_MINUTES (30) without renewal', async () => {
    const { token, exp } = (await login('agent@test.example', 'Secret-123', '10.4.0.1')).body
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString())
    expect(claims.exp - claims.iat).toBe(30 * 60)
    expect(exp).toBe(claims.exp)
  })
})
