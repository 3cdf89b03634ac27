/**
 * Malformed input as an attacker sends it (finding 9 of the security issue): every shape answers
 * 4xx with a message, never 5xx. A table of the crafted requests that once answered 500, and a
 * property test over generated query shapes on the REST collections.
 */
import type { Express } from 'express'
import fc from 'fast-check'
import request from 'supertest'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
let auth: string

beforeAll(async () => {
  app = createApp(context.payload, env())
  const res = await request(app).post('/api/users/login').send({ email: 'admin@test.example', password: 'Secret-123' })
  auth = `JWT ${res.body.token}`
})

type Shape = { method: 'get' | 'post' | 'patch'; url: string; body?: string; contentType?: string; host?: string }

const deep = (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)
const lexical = (children: unknown) =>
  JSON.stringify({ title: '坏的正文', body: { root: { type: 'root', children, version: 1 } } })

const COLLECTIONS = ['knowledge-entries', 'work-orders', 'audit-log', 'personal-data-log', 'users', 'units', 'media']
const SHAPES: Shape[] = [
  ...['-1', '1.5', '1e309', 'abc', '0', '99999999999999999999'].flatMap((v) =>
    COLLECTIONS.flatMap((c) => [
      { method: 'get' as const, url: `/api/${c}?page=${v}` },
      { method: 'get' as const, url: `/api/${c}?limit=${v}` },
    ]),
  ),
  ...COLLECTIONS.flatMap((c) => [
    { method: 'get' as const, url: `/api/${c}?where[title][$ne]=x` },
    { method: 'get' as const, url: `/api/${c}?where[id][near]=1,2` },
    { method: 'get' as const, url: `/api/${c}?where[title][near]=abc` },
    { method: 'get' as const, url: `/api/${c}?where[id][within]=x` },
    { method: 'get' as const, url: `/api/${c}?where[createdAt][greater_than]=notadate` },
    { method: 'get' as const, url: `/api/${c}?where[updatedAt][less_than_equal]=2026-99-99` },
    { method: 'get' as const, url: `/api/${c}?where[body.root.children][exists]=true` },
    { method: 'get' as const, url: `/api/${c}?where[nosuchfield][equals]=1` },
    { method: 'get' as const, url: `/api/${c}?sort=nosuchfield` },
    { method: 'get' as const, url: `/api/${c}?depth=-5` },
    { method: 'get' as const, url: `/api/${c}?depth=1e309` },
    { method: 'get' as const, url: `/api/${c}/versions` },
    { method: 'get' as const, url: `/api/${c}/None` },
    { method: 'get' as const, url: `/api/${c}/1'` },
    { method: 'post' as const, url: `/api/${c}`, body: 'null' },
    { method: 'post' as const, url: `/api/${c}`, body: '[]' },
    { method: 'post' as const, url: `/api/${c}`, body: '"text"' },
    { method: 'post' as const, url: `/api/${c}`, body: '{"title":' },
    { method: 'post' as const, url: `/api/${c}`, body: deep(5000) },
  ]),
  { method: 'get', url: '/api/knowledge-entries/None' },
  { method: 'post', url: '/api/knowledge-entries/abc/transition', body: '{"action":"submit"}' },
  { method: 'get', url: "/api/knowledge-entries/1'/workflow" },
  { method: 'post', url: "/api/knowledge-entries/1'/transition", body: '{"action":"submit"}' },
  { method: 'post', url: '/api/knowledge-entries/1/transition', body: 'null' },
  { method: 'post', url: '/api/knowledge-entries', body: lexical([{ type: 'nosuchnode', version: 1 }]) },
  { method: 'post', url: '/api/knowledge-entries', body: lexical('notalist') },
  { method: 'post', url: '/api/knowledge-entries', body: lexical([{ type: 'paragraph', children: 5 }]) },
  { method: 'post', url: '/api/knowledge-entries', body: JSON.stringify({ title: 'x', body: 'text' }) },
  { method: 'post', url: '/api/knowledge-entries?draft=true', body: deep(5000) },
  { method: 'post', url: '/api/v1/work-orders', body: 'null' },
  { method: 'post', url: '/api/v1/work-orders', body: deep(5000) },
  { method: 'post', url: '/api/v1/work-orders', body: '{"title":' },
  { method: 'post', url: '/api/v1/work-orders/GD1/actions/answer', body: 'null' },
  { method: 'get', url: '/api/v1/agent/search?q=a&page=1e309' },
  { method: 'get', url: '/api/v1/agent/search?q=a&per_page=-1' },
  { method: 'get', url: '/api/v1/agent/search?q[$ne]=a' },
  { method: 'get', url: '/api/v1/public/search?q=a&page=1.5' },
  { method: 'get', url: '/api/v1/reports/summary?from=2026-99-99' },
  { method: 'patch', url: '/api/users/1', body: 'null' },
  { method: 'post', url: '/api/users/login', body: 'null' },
  { method: 'post', url: '/api/users/login', body: '{"email":{"$ne":null},"password":"x"}' },
  { method: 'get', url: '/api/knowledge-entries', host: 'bad host:99999' },
  { method: 'get', url: '/api/knowledge-entries', host: '[::1' },
  { method: 'get', url: '/api/v1/health', host: 'bad host:99999' },
]

async function send(shape: Shape) {
  let r = request(app)[shape.method](shape.url).set('Authorization', auth)
  if (shape.host) r = r.set('Host', shape.host)
  if (shape.body !== undefined) r = r.set('Content-Type', shape.contentType ?? 'application/json').send(shape.body)
  return r
}

describe('malformed input never answers 5xx', () => {
  it('answers every crafted request of the table with 4xx or 2xx and a message', async () => {
    const failures: string[] = []
    for (const shape of SHAPES) {
      const res = await send(shape)
      if (res.status >= 500)
        failures.push(`${res.status} ${shape.method.toUpperCase()} ${shape.url} ${shape.host ?? ''}`)
      else if (res.status >= 400 && !/message/.test(res.text))
        failures.push(`${res.status} without message: ${shape.url}`)
    }
    expect(failures).toEqual([])
  }, 120_000)

  it('answers generated query shapes on the REST collections without 5xx (property)', async () => {
    const operator = fc.constantFrom(
      'equals',
      'not_equals',
      'in',
      'not_in',
      'exists',
      'greater_than',
      'less_than',
      'like',
      'contains',
      'near',
      'within',
      'intersects',
      'all',
      '$ne',
      '$gt',
    )
    const field = fc.constantFrom('id', 'title', 'createdAt', 'code', 'body', 'body.root', 'unit', 'unit.name', 'x')
    const value = fc.oneof(
      fc.constantFrom('-1', '1.5', '1e309', 'notadate', 'null', '', 'true', '[]', '%00', '1,2,3'),
      fc.string({ maxLength: 8 }),
    )
    const number = fc.constantFrom('-1', '1.5', '1e309', 'NaN', '0', '2', 'x')
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...COLLECTIONS),
        field,
        operator,
        value,
        number,
        number,
        async (c, f, op, v, page, limit) => {
          const url = `/api/${c}?where[${f}][${op}]=${encodeURIComponent(v)}&page=${page}&limit=${limit}`
          const res = await send({ method: 'get', url })
          if (res.status >= 500) throw new Error(`${res.status} ${url}`)
        },
      ),
      { numRuns: 150, seed: 13 },
    )
  }, 120_000)
})
