/**
 * Two app servers (the real server.ts, production build, embedded engine) on one SQLite file behind
 * one public address (a small round-robin proxy here, standing in for nginx): a publish on one is
 * searchable on both, a synonym added on one works on both, a rate limit holds across both, and
 * killing one (SIGKILL) loses nothing.
 */
import fs from 'node:fs'
import http from 'node:http'
import type net from 'node:net'
import os from 'node:os'
import path from 'node:path'

import { type RunningProduct, startProduct } from '../../src/cli/productProcess'

const PUBLIC_LIMIT = 8
let shared: string
let a: RunningProduct
let b: RunningProduct
let proxy: http.Server
let front: string
const down = new Set<string>()

/** Round robin over the instances that answer, as nginx's upstream does with `proxy_next_upstream`. */
function startProxy(targets: () => string[]): Promise<string> {
  let next = 0
  proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const live = targets().filter((t) => !down.has(t))
      const attempt = (i: number) => {
        const target = new URL(live[(next + i) % live.length]!)
        const upstream = http.request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: { ...req.headers, host: target.host },
          },
          (up) => {
            res.writeHead(up.statusCode ?? 502, up.headers)
            up.pipe(res)
          },
        )
        upstream.on('error', () => (i + 1 < live.length ? attempt(i + 1) : res.writeHead(502).end()))
        upstream.end(body)
      }
      next++
      attempt(0)
    })
  })
  return new Promise((resolve) =>
    proxy.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(proxy.address() as net.AddressInfo).port}`)),
  )
}

const json = async (url: string, init: RequestInit & { token?: string } = {}) => {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(init.headers as object) }
  if (init.token) headers.authorization = `JWT ${init.token}`
  const res = await fetch(url, { ...init, headers })
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, any> }
}

const login = async (email: string) =>
  (await json(`${front}/api/users/login`, { method: 'POST', body: JSON.stringify({ email, password: 'Demo@12345' }) }))
    .body.token as string

/** Polls until `check` holds, or fails after `ms`. */
async function eventually(check: () => Promise<boolean>, ms: number): Promise<number> {
  const started = Date.now()
  while (Date.now() - started < ms) {
    if (await check()) return Date.now() - started
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`not within ${ms} ms`)
}

const agentCodes = async (base: string, token: string, q: string) =>
  (
    (await json(`${base}/api/v1/agent/search?q=${encodeURIComponent(q)}`, { token })).body.hits as {
      code: string
    }[]
  ).map((h) => h.code)

beforeAll(async () => {
  shared = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-kb-cluster-'))
  const env = {
    DATA_DIR: shared,
    DATABASE_URI: `file:${path.join(shared, 'kb.db')}`,
    PUBLIC_RATE_LIMIT: String(PUBLIC_LIMIT),
    RATE_LIMIT_STORE: 'database',
  }
  // The first seeds the demo data (and builds when needed); the second joins the same database.
  a = await startProduct(env)
  b = await startProduct(env)
  front = await startProxy(() => [a.base, b.base])
}, 600_000)

afterAll(async () => {
  proxy?.close()
  await Promise.all([a?.stop(), b?.stop()])
  fs.rmSync(shared, { recursive: true, force: true })
})

describe('two app servers on one database behind one address', () => {
  let admin: string
  let agent: string
  let unit: number

  beforeAll(async () => {
    admin = await login('kb-admin@hotline.example')
    agent = await login('agent@hotline.example')
    unit = (await json(`${front}/api/units?limit=1`, { token: admin })).body.docs[0].id
  })

  const publish = async (base: string, title: string, answer: string) => {
    const created = await json(`${base}/api/knowledge-entries`, {
      method: 'POST',
      token: admin,
      body: JSON.stringify({ type: 'faq', title, unit, faq: { question: title, answer } }),
    })
    expect(created.status).toBe(201)
    const done = await json(`${base}/api/knowledge-entries/${created.body.doc.id}/transition`, {
      method: 'POST',
      token: admin,
      body: JSON.stringify({ action: 'publish_urgent', comment: '集群测试' }),
    })
    expect(done.status).toBe(200)
    return created.body.doc.code as string
  }

  it('makes a publish on one instance searchable on both within a second or so', async () => {
    const code = await publish(a.base, '鹦鹉螺证明集群测试办理指南', '携带身份证到服务大厅办理鹦鹉螺证明。')
    for (const base of [a.base, b.base])
      await eventually(async () => (await agentCodes(base, agent, '鹦鹉螺证明')).includes(code), 3_000)
  })

  it('applies a synonym added on one instance on both', async () => {
    const code = await publish(b.base, '砗磲登记集群测试', '砗磲登记在服务大厅办理。')
    for (const base of [a.base, b.base]) expect(await agentCodes(base, agent, '贝壳王')).not.toContain(code)
    const rule = await json(`${a.base}/api/search-synonyms`, {
      method: 'POST',
      token: admin,
      body: JSON.stringify({ kind: 'colloquial', root: '贝壳王', terms: ['砗磲'], active: true }),
    })
    expect(rule.status).toBe(201)
    for (const base of [b.base, a.base])
      await eventually(async () => (await agentCodes(base, agent, '贝壳王')).includes(code), 5_000)
  })

  it('holds a rate limit across both instances', async () => {
    const statuses: number[] = []
    for (let i = 0; i < PUBLIC_LIMIT + 2; i++) {
      // One client (the proxy passes its address on, as nginx does), alternating between instances.
      const res = await fetch(`${front}/api/v1/public/search?q=${encodeURIComponent('身份证')}`, {
        headers: { 'x-forwarded-for': '203.0.113.7' },
      })
      statuses.push(res.status)
    }
    expect(statuses.slice(0, PUBLIC_LIMIT).every((s) => s === 200)).toBe(true)
    expect(statuses.slice(PUBLIC_LIMIT)).toEqual([429, 429])
  })

  it('loses nothing when one instance is killed right after a publish on it', async () => {
    const code = await publish(a.base, '玳瑁许可集群测试', '玳瑁许可在服务大厅办理。')
    await a.kill()
    down.add(a.base)
    // The other instance follows the durable change in the database, and serves the public address.
    await eventually(async () => (await agentCodes(b.base, agent, '玳瑁许可')).includes(code), 15_000)
    expect(await agentCodes(front, agent, '玳瑁许可')).toContain(code)
    const health = await json(`${front}/api/v1/health`)
    expect(health.status).toBe(200)
    // Its outbox tasks are taken over: none stays pending for long.
    await eventually(async () => (await json(`${b.base}/api/v1/health`)).body.search.outbox.pending === 0, 30_000)
  })
})
