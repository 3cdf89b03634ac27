/**
 * Anonymous traffic cannot crowd out agents (finding 10 of the security issue): the public pages are
 * rate-limited like the public API, and anonymous requests pass a concurrency gate that agent and
 * admin requests never wait at. The effect on latency is measured by `npm run bench:http`.
 */
import type { Server } from 'node:http'

import type { RequestHandler } from 'express'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let server: Server
let base: string
/** Site pages answer when the test lets them: a render that takes as long as the test wants. */
let held: (() => void)[] = []
let holdPages = false

const pages: RequestHandler = (req, res) => {
  const answer = () => res.type('html').send(`<p>${req.path}</p>`)
  if (holdPages && req.path === '/search') held.push(answer)
  else answer()
}

beforeAll(async () => {
  const e = { ...env(), publicRateLimit: 6, anonymous: { concurrency: 1, queue: 1 } }
  server = createApp(context.payload, e, pages).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
})
afterAll(() => server.close())

const get = (path: string, client: string) => fetch(`${base}${path}`, { headers: { 'X-Forwarded-For': client } })

describe('anonymous traffic', () => {
  it('serves agents at once while anonymous page renders queue at the gate, and turns away what overflows', async () => {
    holdPages = true
    const first = get('/search?q=社保', '10.5.0.1')
    await new Promise((r) => setTimeout(r, 100))
    const second = get('/search?q=医保', '10.5.0.2')
    await new Promise((r) => setTimeout(r, 100))
    // One rendering, one waiting: the next anonymous request is turned away with a message.
    const third = await get('/search?q=公积金', '10.5.0.3')
    expect(third.status).toBe(503)
    expect((await third.json()).message).toMatch(/稍后再试/)
    expect(held).toHaveLength(1)
    // Meanwhile the console and the agent API answer without waiting for the gate.
    expect((await get('/console', '10.5.0.4')).status).toBe(200)
    expect((await get('/api/v1/agent/search?q=社保', '10.5.0.4')).status).toBe(401)
    holdPages = false
    held.shift()!()
    expect((await first).status).toBe(200)
    await new Promise((r) => setTimeout(r, 100))
    held.shift()?.()
    expect((await second).status).toBe(200)
    held = []
  })

  it('rate-limits the public pages per client as the public API is (PUBLIC_RATE_LIMIT)', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 7; i++) statuses.push((await get(`/search?q=${i}`, '10.6.0.1')).status)
    expect(statuses.slice(0, 6).every((s) => s === 200)).toBe(true)
    expect(statuses[6]).toBe(429)
    // The same client's public API calls count in the same window.
    expect((await get('/api/v1/public/search?q=社保', '10.6.0.1')).status).toBe(429)
    // Other clients, and the signed-in side, are not affected.
    expect((await get('/search?q=x', '10.6.0.2')).status).toBe(200)
    expect((await get('/console', '10.6.0.1')).status).toBe(200)
  })
})
