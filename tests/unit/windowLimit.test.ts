/**
 * The limit every search passes (src/auth/rateLimits.ts): counted in an express-rate-limit store,
 * answered as express-rate-limit answers — draft-7 headers, 429 with the message and Retry-After.
 */
import { jest } from '@jest/globals'
import express, { type ErrorRequestHandler } from 'express'
import { type ClientRateLimitInfo, MemoryStore, type Store } from 'express-rate-limit'
import request from 'supertest'

import { windowLimit } from '../../src/auth/rateLimits'

const message = { error: 'rate_limited', message: '请求过于频繁，请稍后再试' }

function app(store?: Store, limit: number | ((res: express.Response) => number) = 2) {
  const a = express()
  a.use((req, res, next) => {
    res.locals.limit = Number(req.query.limit ?? 0)
    next()
  })
  a.use(windowLimit({ windowMs: 60_000, limit, key: (req) => String(req.query.who), store, message }))
  a.get('/', (_req, res) => res.json({ ok: true }))
  const failed: ErrorRequestHandler = (err: Error, _req, res, _next) => res.status(503).json({ failed: err.message })
  a.use(failed)
  return a
}

describe('windowLimit', () => {
  it('lets each client its limit per window, then answers 429 with the message, headers and Retry-After', async () => {
    const server = app()
    const first = await request(server).get('/?who=a')
    expect(first.status).toBe(200)
    expect(first.headers['ratelimit-policy']).toBe('2;w=60')
    expect(first.headers.ratelimit).toMatch(/^limit=2, remaining=1, reset=(59|60)$/)
    expect((await request(server).get('/?who=a')).headers.ratelimit).toMatch(/remaining=0,/)
    const refused = await request(server).get('/?who=a')
    expect(refused.status).toBe(429)
    expect(refused.body).toEqual(message)
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0)
    expect(refused.headers.ratelimit).toMatch(/remaining=0,/)
    // Another client has its own count.
    expect((await request(server).get('/?who=b')).status).toBe(200)
  })

  it('asks the limit of each request (an API key has its own)', async () => {
    const server = app(undefined, (res) => res.locals.limit as number)
    expect((await request(server).get('/?who=k&limit=1')).status).toBe(200)
    expect((await request(server).get('/?who=k&limit=1')).status).toBe(429)
    expect((await request(server).get('/?who=k&limit=5')).status).toBe(200)
  })

  it('answers a count at hand in the same turn: the next handler runs before the limit returns', () => {
    const limit = windowLimit({ windowMs: 60_000, limit: 1, key: () => 'x', message })
    const headers = new Map<string, string>()
    const res = { setHeader: (name: string, value: string) => headers.set(name, value) } as unknown as express.Response
    const next = jest.fn()
    limit({} as express.Request, res, next)
    expect(next).toHaveBeenCalledWith()
    expect(headers.get('RateLimit')).toMatch(/^limit=1, remaining=0, reset=60$/)
  })

  it('counts in the given store, whether it answers at once or later (the database store), and keeps no count of its own', async () => {
    const hits = new Map<string, number>()
    let resetTime = new Date(Date.now() + 30_000)
    const counted: string[] = []
    const store = {
      init: () => undefined,
      increment: async (key: string): Promise<ClientRateLimitInfo> => {
        counted.push(key)
        hits.set(key, (hits.get(key) ?? 0) + 1)
        return { totalHits: hits.get(key)!, resetTime }
      },
      decrement: async () => undefined,
      resetKey: async () => undefined,
    } satisfies Store
    const server = app(store)
    for (let i = 0; i < 2; i++) expect((await request(server).get('/?who=c')).status).toBe(200)
    const refused = await request(server).get('/?who=c')
    expect(refused.status).toBe(429)
    expect(refused.headers['retry-after']).toMatch(/^(29|30)$/)
    expect(counted).toEqual(['c', 'c', 'c'])
    hits.clear()
    resetTime = new Date(Date.now() + 60_000)
    expect((await request(server).get('/?who=c')).status).toBe(200)
  })

  it('hands a failing store to the error handler instead of letting the request through', async () => {
    const store = new MemoryStore()
    store.increment = () => Promise.reject(new Error('store down'))
    const res = await request(app(store)).get('/?who=d')
    expect(res.status).toBe(503)
    expect(res.body).toEqual({ failed: 'store down' })
  })
})
