/**
 * Search analytics through the real app: searches and opened hits are counted per day × audience ×
 * masked query, written in a batch, exported for kb-admins only, pruned after the retention period,
 * and queries that found nothing show in the knowledge-gaps report.
 */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { rebuildIndex } from '../../src/jobs/syncIndex'
import { createApp } from '../../src/server/createApp'
import { flushSearchLog, pruneSearchLog } from '../../src/services/searchLog'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const token: Record<string, string> = {}

const login = async (email: string) =>
  `JWT ${(await request(app).post('/api/users/login').send({ email, password: 'Secret-123' })).body.token}`

beforeAll(async () => {
  app = createApp(context.payload, env())
  await context.payload.create({
    collection: 'knowledge-entries',
    data: {
      code: 'KB-0901',
      unit: context.world.units.a.id,
      type: 'faq',
      title: '居民身份证遗失补领',
      summary: '身份证丢了可以到任一户政窗口补领。',
      category: undefined,
      _status: 'published',
    } as never,
  })
  await rebuildIndex(context.payload)
  for (const key of ['kb-admin', 'admin', 'agent', 'editor-a', 'supervisor'])
    token[key] = await login(`${key}@test.example`)
})

const rows = async () =>
  (await context.payload.find({ collection: 'search-log', pagination: false, overrideAccess: true })).docs

describe('search log', () => {
  it('counts searches and uses in memory, then writes them in one batch with personal data masked', async () => {
    await flushSearchLog(context.payload)
    const q = '我叫张三电话13812345678身份证丢了'
    for (let i = 0; i < 2; i++) expect((await request(app).get('/api/v1/public/search').query({ q })).status).toBe(200)
    expect((await request(app).get('/api/v1/public/search').query({ q: '天气预报' })).status).toBe(200)
    expect((await request(app).get('/api/v1/public/entries/KB-0901').query({ q })).status).toBe(200)
    expect(
      (await request(app).get('/api/v1/agent/search').query({ q: '身份证丢了' }).set('Authorization', token.agent!))
        .status,
    ).toBe(200)
    // Nothing is written on the request path.
    expect(await rows()).toHaveLength(0)

    expect(await flushSearchLog(context.payload)).toBe(3)
    const stored = await rows()
    expect(JSON.stringify(stored)).not.toMatch(/张三|138/)
    const publicRow = stored.find((r) => r.audience === 'public' && r.query.includes('身份证'))
    expect(publicRow).toMatchObject({ day: '2026-11-25', searches: 2, noHit: 0, used: 1 })
    expect(stored.find((r) => r.query === '天气预报')).toMatchObject({ searches: 1, noHit: 1, noConfident: 1 })
    expect(stored.find((r) => r.audience === 'agent')).toMatchObject({ query: '身份证丢了', searches: 1 })

    // A second batch adds to the stored rows.
    await request(app).get('/api/v1/public/search').query({ q: '天气预报' })
    await flushSearchLog(context.payload)
    expect((await rows()).find((r) => r.query === '天气预报')).toMatchObject({ searches: 2, noHit: 2 })
  })

  it('is exported for kb-admins and admins only (JSON, CSV, XLSX), with bad input refused', async () => {
    const json = await request(app).get('/api/v1/reports/search-log').set('Authorization', token['kb-admin']!)
    expect(json.status).toBe(200)
    expect(json.body.noHit.map((q: { query: string }) => q.query)).toContain('天气预报')
    expect(json.body.top[0]).toMatchObject({ searches: 2 })

    const csv = await request(app)
      .get('/api/v1/reports/search-log?format=csv&audience=public')
      .set('Authorization', token.admin!)
    expect(csv.status).toBe(200)
    expect(csv.text).toContain('无结果查询')
    expect(csv.text).not.toContain('坐席')

    const xlsx = await request(app).get('/api/v1/reports/search-log?format=xlsx').set('Authorization', token.admin!)
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers['content-type']).toContain('spreadsheetml')

    for (const who of ['agent', 'editor-a', 'supervisor']) {
      const res = await request(app).get('/api/v1/reports/search-log').set('Authorization', token[who]!)
      expect(res.status).toBe(403)
    }
    expect((await request(app).get('/api/v1/reports/search-log')).status).toBe(401)
    const bad = await request(app).get('/api/v1/reports/search-log?from=2026-13-45').set('Authorization', token.admin!)
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('from 须为日期')
  })

  it('feeds the knowledge-gaps report with queries that found nothing', async () => {
    const res = await request(app).get('/api/v1/reports/knowledge-gaps').set('Authorization', token['kb-admin']!)
    expect(res.status).toBe(200)
    expect(res.body.searchesWithoutHits).toContainEqual({ query: '天气预报', audience: 'public', times: 2 })
  })

  it('is readable in the admin by kb-admins only', async () => {
    const read = (who: string) => request(app).get('/api/search-log').set('Authorization', token[who]!)
    expect((await read('kb-admin')).body.totalDocs).toBeGreaterThan(0)
    expect((await read('agent')).status).toBe(403)
  })

  it('forgets days older than the retention period', async () => {
    await context.payload.create({
      collection: 'search-log',
      data: { day: '2026-01-01', audience: 'public', query: '旧查询', searches: 1 },
      overrideAccess: true,
    })
    expect(await pruneSearchLog(context.payload, new Date('2026-11-25T10:00:00+08:00'), 180)).toBe(1)
    expect((await rows()).some((r) => r.query === '旧查询')).toBe(false)
    expect((await rows()).length).toBeGreaterThan(0)
  })
})
