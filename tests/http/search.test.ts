import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { startOutboxRunner } from '../../src/jobs/outboxRunner'
import { rebuildIndex, SEARCH_QUEUE } from '../../src/jobs/syncIndex'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
let agent: string

const entry = (data: Record<string, unknown>) =>
  context.payload.create({
    collection: 'knowledge-entries',
    data: { unit: context.world.units.a.id, _status: 'published', ...data } as never,
  })
const drainOutbox = () => context.payload.jobs.run({ queue: SEARCH_QUEUE })

beforeAll(async () => {
  app = createApp(context.payload, env())
  await entry({
    code: 'KB-0801',
    type: 'guide',
    title: '居民身份证遗失补领',
    summary: '身份证丢了可以到任一户政窗口补领。',
    tags: ['身份证丢了'],
    guide: { materials: [{ text: '户口簿' }], fee: '20元' },
  })
  await entry({
    code: 'KB-0802',
    type: 'script',
    title: '身份证办理进度查询答复口径',
    summary: '内部口径：告知来电人通过短信查询制证进度。',
  })
  await entry({
    code: 'KB-0803',
    type: 'faq',
    title: '身份证过期了还能用吗',
    summary: '过期身份证不能作为有效证件。',
    validFrom: '2024-01-01T00:00:00Z',
    validUntil: '2025-12-31T00:00:00Z',
    _status: 'draft',
  })
  await rebuildIndex(context.payload)
  const login = await request(app)
    .post('/api/users/login')
    .send({ email: 'agent@test.example', password: 'Secret-123' })
  agent = `JWT ${login.body.token}`
})

describe('agent search API', () => {
  it('needs a signed-in hotline user', async () => {
    const anonymous = await request(app).get('/api/v1/agent/search?q=身份证')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error).toBe('unauthorized')
    const editor = await request(app)
      .post('/api/users/login')
      .send({ email: 'editor-a@test.example', password: 'Secret-123' })
    const res = await request(app).get('/api/v1/agent/search?q=身份证').set('Authorization', `JWT ${editor.body.token}`)
    expect(res.status).toBe(403)
    expect(res.body.error).toBe('forbidden')
  })

  it('finds the right entry first, internal scripts included, with highlights and confidence', async () => {
    const res = await request(app)
      .get('/api/v1/agent/search')
      .query({ q: '身份证丢了咋办' })
      .set('Authorization', agent)
    expect(res.status).toBe(200)
    expect(res.body.hits[0]).toMatchObject({
      code: 'KB-0801',
      confident: true,
      audience: 'public',
      status: 'published',
      stale: false,
    })
    expect(res.body.hits[0].highlights.title).toMatch(/^居民<mark>身份证/)
    const codes = res.body.hits.map((h: { code: string }) => h.code)
    expect(codes).toContain('KB-0802')
    expect(res.body.facets.type).toEqual({ guide: 3, script: 1 })
  })

  it('filters by type and pages', async () => {
    const res = await request(app)
      .get('/api/v1/agent/search')
      .query({ q: '身份证', type: 'script', per_page: 1 })
      .set('Authorization', agent)
    expect(res.body).toMatchObject({ found: 1, page: 1, per_page: 1 })
    expect(res.body.hits[0].code).toBe('KB-0802')
  })

  it('answers a question the knowledge base does not cover with no confident hit', async () => {
    const res = await request(app)
      .get('/api/v1/agent/search')
      .query({ q: '明天天气怎么样' })
      .set('Authorization', agent)
    expect(res.body.hits.filter((h: { confident: boolean }) => h.confident)).toEqual([])
  })

  it.each([
    [{ q: '' }, /不能为空/],
    [{ q: 'x'.repeat(201) }, /200/],
    [{ q: '身份证', type: 'poem' }, /type 只能是/],
    [{ q: '身份证', per_page: 51 }, /per_page 最大为 50/],
    [{ q: '身份证', page: 0 }, /page 最小为 1/],
  ])('answers bad parameters %j with 400', async (query, message) => {
    const res = await request(app).get('/api/v1/agent/search').query(query).set('Authorization', agent)
    expect(res.status).toBe(400)
    expect(res.body.message).toMatch(message)
  })

  it('returns a full entry with its structured fields and plain-text body', async () => {
    const res = await request(app).get('/api/v1/agent/entries/KB-0801').set('Authorization', agent)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ code: 'KB-0801', type: 'guide', guide: { materials: ['户口簿'], fee: '20元' } })
    const missing = await request(app).get('/api/v1/agent/entries/KB-9999').set('Authorization', agent)
    expect(missing.status).toBe(404)
    expect(missing.body.error).toBe('not_found')
  })

  it('suggests titles as the agent types', async () => {
    const res = await request(app).get('/api/v1/agent/suggest').query({ q: '身份' }).set('Authorization', agent)
    expect(res.body.suggestions.map((s: { code: string }) => s.code)).toContain('KB-0801')
  })
})

describe('public search API', () => {
  it('never returns internal or unpublished entries', async () => {
    const res = await request(app).get('/api/v1/public/search').query({ q: '身份证' })
    expect(res.status).toBe(200)
    const codes = res.body.hits.map((h: { code: string }) => h.code)
    expect(codes[0]).toBe('KB-0801')
    for (const hidden of [
      'KB-0802',
      'KB-0803',
      context.world.entries.bScript.code,
      context.world.entries.aDraft.code,
    ]) {
      expect(codes).not.toContain(hidden)
    }
    expect(res.headers['cache-control']).toContain('max-age')
    expect(res.body.hits[0]).not.toHaveProperty('audience')
  })

  it('shows public entries and hides scripts', async () => {
    expect((await request(app).get('/api/v1/public/entries/KB-0801')).status).toBe(200)
    expect((await request(app).get('/api/v1/public/entries/KB-0802')).status).toBe(404)
    expect((await request(app).get('/api/v1/public/entries/KB-0803')).status).toBe(404)
  })

  it('suggests public titles only', async () => {
    const res = await request(app).get('/api/v1/public/suggest').query({ q: '身份证' })
    const codes = res.body.suggestions.map((s: { code: string }) => s.code)
    expect(codes).toContain('KB-0801')
    expect(codes).not.toContain('KB-0802')
  })

  it('answers bad parameters with 400', async () => {
    const res = await request(app).get('/api/v1/public/search').query({ q: '' })
    expect(res.status).toBe(400)
  })

  it('answers ahead of the routers with every header a request gets, and 304 to a search the client holds', async () => {
    const first = await request(app).get('/api/v1/public/search').query({ q: '身份证补领' })
    expect(first.status).toBe(200)
    expect(first.headers).toMatchObject({
      'content-security-policy': expect.stringContaining("default-src 'none'"),
      'x-content-type-options': 'nosniff',
      'x-request-id': expect.any(String),
      'cache-control': 'public, max-age=60',
      ratelimit: expect.stringMatching(/remaining=\d+/),
      etag: expect.any(String),
    })
    const again = await request(app)
      .get('/api/v1/public/search')
      .query({ q: '身份证补领' })
      .set('If-None-Match', first.headers.etag!)
    expect(again.status).toBe(304)
    expect(again.headers['content-security-policy']).toBe(first.headers['content-security-policy'])
    // The same search's other methods are the API's, as before: not found, in Chinese.
    const posted = await request(app).post('/api/v1/public/search').send({ q: '身份证' })
    expect(posted.status).toBe(404)
    expect(posted.body.message).toMatch(/没有这个接口/)
    // The agents' search, answered ahead of the routers too, gets the same headers and its caller's limit.
    const agents = await request(app).get('/api/v1/agent/search').query({ q: '身份证补领' }).set('Authorization', agent)
    expect(agents.status).toBe(200)
    expect(agents.headers).toMatchObject({
      'content-security-policy': first.headers['content-security-policy'],
      'strict-transport-security': first.headers['strict-transport-security'],
      'x-content-type-options': 'nosniff',
      'x-request-id': expect.any(String),
      ratelimit: expect.stringMatching(/remaining=\d+/),
    })
  })
})

describe('index sync through the outbox', () => {
  it('makes a published edit searchable and removes an unpublished one once the queue runs', async () => {
    const created = await entry({
      code: 'KB-0810',
      type: 'faq',
      title: '城市绿道夜跑开放时间',
      summary: '绿道全天开放。',
    })
    const search = () => request(app).get('/api/v1/agent/search').query({ q: '绿道夜跑' }).set('Authorization', agent)
    expect((await search()).body.found).toBe(0)
    await drainOutbox()
    expect((await search()).body.hits[0].code).toBe('KB-0810')

    await context.payload.update({
      collection: 'knowledge-entries',
      id: created.id,
      data: { _status: 'draft' } as never,
    })
    await drainOutbox()
    expect((await search()).body.found).toBe(0)
  })

  it('is drained by the outbox runner without anyone asking', async () => {
    const stop = startOutboxRunner(context.payload, 50)
    try {
      await entry({ code: 'KB-0812', type: 'faq', title: '湿地公园观鸟季开放安排', summary: '观鸟季期间延长开放。' })
      const found = async () =>
        (await request(app).get('/api/v1/agent/search').query({ q: '观鸟季' }).set('Authorization', agent)).body.hits[0]
          ?.code
      for (let i = 0; i < 100 && (await found()) !== 'KB-0812'; i++) await new Promise((r) => setTimeout(r, 50))
      expect(await found()).toBe('KB-0812')
    } finally {
      stop()
    }
  })

  it('reports the engine and the outbox in health', async () => {
    const res = await request(app).get('/api/v1/health')
    expect(res.body.search).toMatchObject({ status: 'up', engine: 'embedded', outbox: { pending: 0 } })
    expect(res.body.search.documents).toBeGreaterThan(0)
  })
})

describe('API keys for agent tools', () => {
  const createKey = async (name: string, scopes: string[], rateLimitPerMinute = 600) =>
    (await context.payload.create({
      collection: 'api-keys',
      data: { name, scopes: scopes as never, rateLimitPerMinute },
    })) as { id: number; key: string; keyHash?: string }
  const searchWith = (key: string) =>
    request(app).get('/api/v1/agent/search').query({ q: '身份证' }).set('Authorization', `Bearer ${key}`)

  it('lets a tool search with a key that has the agent scope, and stores only a hash', async () => {
    const created = await createKey('坐席助手', ['agent'])
    expect(created.key).toMatch(/^hk_/)
    const stored = await context.payload.findByID({ collection: 'api-keys', id: created.id })
    expect(JSON.stringify(stored)).not.toContain(created.key)
    expect((stored as { key?: string }).key).toBeFalsy()
    expect((stored as { lastUsedAt?: string }).lastUsedAt).toBeFalsy()
    expect((await searchWith(created.key)).status).toBe(200)
    // Its first use is recorded; the next ones within the minute are answered without a write.
    const used = (await context.payload.findByID({ collection: 'api-keys', id: created.id })) as { lastUsedAt?: string }
    expect(used.lastUsedAt).toBeTruthy()
    expect((await searchWith(created.key)).status).toBe(200)
    const again = (await context.payload.findByID({ collection: 'api-keys', id: created.id })) as { updatedAt: string }
    expect(again.updatedAt).toBe((used as { updatedAt?: string }).updatedAt)
  })

  it('refuses unknown, revoked and out-of-scope keys', async () => {
    expect((await searchWith('hk_not-a-real-key-0123456789')).status).toBe(401)
    // Asked again, the refusal comes from memory, as clear as the first.
    const again = await searchWith('hk_not-a-real-key-0123456789')
    expect(again.status).toBe(401)
    expect(again.body.message).toMatch(/API 密钥无效/)
    const publicOnly = await createKey('公众站', ['public'])
    expect((await searchWith(publicOnly.key)).status).toBe(403)
    expect((await searchWith(publicOnly.key)).body.message).toMatch(/没有 agent 权限/)
    const revoked = await createKey('已停用', ['agent'])
    await context.payload.update({
      collection: 'api-keys',
      id: revoked.id,
      data: { revokedAt: new Date().toISOString() },
    })
    expect((await searchWith(revoked.key)).status).toBe(401)
  })

  it('refuses a key at once once it is revoked, though it was just verified and remembered', async () => {
    const key = await createKey('刚用过', ['agent'])
    expect((await searchWith(key.key)).status).toBe(200)
    expect((await searchWith(key.key)).status).toBe(200)
    await context.payload.update({ collection: 'api-keys', id: key.id, data: { revokedAt: new Date().toISOString() } })
    const refused = await searchWith(key.key)
    expect(refused.status).toBe(401)
    // A scope taken away counts as well.
    const narrowed = await createKey('收窄', ['agent'])
    expect((await searchWith(narrowed.key)).status).toBe(200)
    await context.payload.update({ collection: 'api-keys', id: narrowed.id, data: { scopes: ['public'] as never } })
    expect((await searchWith(narrowed.key)).status).toBe(403)
  })

  it('limits each key to its own rate', async () => {
    const slow = await createKey('限速', ['agent'], 2)
    expect((await searchWith(slow.key)).status).toBe(200)
    expect((await searchWith(slow.key)).status).toBe(200)
    const limited = await searchWith(slow.key)
    expect(limited.status).toBe(429)
    expect(limited.body.message).toMatch(/频繁/)
  })

  it('counts a key’s searches and its other calls in one limit', async () => {
    const key = await createKey('合计限速', ['agent'], 3)
    const entryWith = () => request(app).get('/api/v1/agent/entries/KB-0801').set('Authorization', `Bearer ${key.key}`)
    expect((await searchWith(key.key)).status).toBe(200)
    expect((await entryWith()).status).toBe(200)
    expect((await searchWith(key.key)).status).toBe(200)
    expect((await entryWith()).status).toBe(429)
    expect((await searchWith(key.key)).status).toBe(429)
  })

  it('cannot be read or created by anyone but an admin', async () => {
    await expect(
      context.payload.find({ collection: 'api-keys', user: context.world.users.kbAdmin, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })
})

describe('search settings kb-admins keep in the CMS', () => {
  const login = async (email: string) =>
    `JWT ${(await request(app).post('/api/users/login').send({ email, password: 'Secret-123' })).body.token}`
  const agentCodes = async (q: string) =>
    (await request(app).get('/api/v1/agent/search').query({ q }).set('Authorization', agent)).body.hits.map(
      (h: { code: string }) => h.code,
    )

  it('pins an answer first once the outbox runs, for agents and (when public) for the public', async () => {
    const kbAdmin = await login('kb-admin@test.example')
    const pinned = await context.payload.find({
      collection: 'knowledge-entries',
      where: { code: { equals: 'KB-0802' } },
    })
    const res = await request(app)
      .post('/api/search-pins')
      .set('Authorization', kbAdmin)
      .send({ query: '身份证办理', entries: [pinned.docs[0].id] })
    expect(res.status).toBe(201)
    await drainOutbox()
    expect((await agentCodes('请问身份证办理'))[0]).toBe('KB-0802')
    // The pinned entry is an internal script: the public never sees it.
    const publicRes = await request(app).get('/api/v1/public/search').query({ q: '身份证办理' })
    expect(publicRes.body.hits.map((h: { code: string }) => h.code)).not.toContain('KB-0802')
  })

  it('rebuilds the index when the vocabulary changes, so a new word is kept whole', async () => {
    await entry({
      code: 'KB-0811',
      type: 'faq',
      title: '如何申领一码通行证',
      summary: '一码通行证可在政务服务网申领。',
    })
    await drainOutbox()
    // Typed in pinyin, the whole word only matches once the index holds it as one word.
    expect(await agentCodes('yimatongxingzheng')).not.toContain('KB-0811')
    const kbAdmin = await login('kb-admin@test.example')
    expect(
      (await request(app).post('/api/search-words').set('Authorization', kbAdmin).send({ word: '一码通行证' })).status,
    ).toBe(201)
    await drainOutbox()
    expect((await agentCodes('yimatongxingzheng'))[0]).toBe('KB-0811')
  })

  it('lets only hotline staff change them, and names a bad word', async () => {
    const editor = await login('editor-a@test.example')
    expect(
      (
        await request(app)
          .post('/api/search-pins')
          .set('Authorization', editor)
          .send({ query: 'x', entries: [1] })
      ).status,
    ).toBe(403)
    expect(
      (await request(app).post('/api/search-words').set('Authorization', editor).send({ word: '热线' })).status,
    ).toBe(403)
    const kbAdmin = await login('kb-admin@test.example')
    const bad = await request(app).post('/api/search-words').set('Authorization', kbAdmin).send({ word: '两 个' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('不含空格')
  })
})

describe('public site answers', () => {
  it('records "was this helpful" for public entries, from scripts and from the plain form', async () => {
    const json = await request(app).post('/api/v1/public/entries/KB-0801/feedback').send({ helpful: true })
    expect(json.status).toBe(201)
    const form = await request(app).post('/api/v1/public/entries/KB-0801/feedback').type('form').send('helpful=no')
    expect(form.status).toBe(303)
    expect(form.headers.location).toBe('/entries/KB-0801?feedback=thanks')
    expect((await request(app).post('/api/v1/public/entries/KB-0802/feedback').send({ helpful: true })).status).toBe(
      404,
    )
    expect((await request(app).post('/api/v1/public/entries/KB-0801/feedback').send({ helpful: 'maybe' })).status).toBe(
      400,
    )
    const kbAdmin = (
      await request(app).post('/api/users/login').send({ email: 'kb-admin@test.example', password: 'Secret-123' })
    ).body.token
    const counts = await request(app).get('/api/v1/reports/feedback').set('Authorization', `JWT ${kbAdmin}`)
    expect(counts.body.entries).toEqual([{ code: 'KB-0801', helpful: 1, unhelpful: 1 }])
  })

  it('answers 410 with the replacements for an expired public entry page', async () => {
    const replacement = await entry({ code: 'KB-0820', type: 'faq', title: '2027年度供暖补贴申领' })
    await context.payload.create({
      collection: 'knowledge-entries',
      data: {
        unit: context.world.units.a.id,
        code: 'KB-0821',
        type: 'faq',
        title: '2025年度供暖补贴申领',
        validUntil: '2025-12-31T00:00:00+08:00',
        relatedEntries: [replacement.id],
        _status: 'draft',
      } as never,
    })
    await context.payload.update({
      collection: 'knowledge-entries',
      where: { code: { equals: 'KB-0821' } },
      data: { workflowState: 'expired' } as never,
      context: { workflowTransition: {} },
    })
    const gone = await request(app).get('/entries/KB-0821')
    expect(gone.status).toBe(410)
    expect(gone.text).toContain('该信息已过期')
    expect(gone.text).toContain('href="/entries/KB-0820"')
  })
})
