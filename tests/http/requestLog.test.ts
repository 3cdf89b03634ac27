/**
 * The request log (src/http/requestLog.ts): one line per answer with its id, method, URL and status;
 * errors and refusals at their own levels; never a credential, nor a progress query, nor a search's
 * personal data.
 */
import { Writable } from 'node:stream'

import express from 'express'
import pino from 'pino'
import request from 'supertest'

import { errorHandler } from '../../src/http/errors'
import { requestLog } from '../../src/http/requestLog'
import { loggerOptions } from '../../src/log'

const KEY = 'hk_' + 'Z9y8X7w6V5u4T3s2R1q0P9o8N7m6L5k4'

function capturedApp() {
  const lines: Record<string, unknown>[] = []
  const raw: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      raw.push(String(chunk))
      lines.push(JSON.parse(String(chunk)))
      done()
    },
  })
  const app = express()
  app.use(requestLog(pino(loggerOptions('info'), stream), { ignore: (url) => url.startsWith('/_next/') }))
  app.get('/ok', (_req, res) => res.json({ ok: true }))
  app.get('/refused', (_req, res) => res.status(401).json({ error: 'unauthorized' }))
  app.get('/broken', () => {
    throw new Error(`upstream said Bearer ${KEY}`)
  })
  app.get('/progress', (_req, res) => res.send('ok'))
  app.get('/api/v1/:audience/search', (_req, res) => res.json({ hits: [] }))
  app.post('/write', (req, res) => {
    req.log.info({ step: 'inside' }, 'handler line')
    res.status(201).json({ ok: true })
  })
  app.get('/_next/static/x.js', (_req, res) => res.send('x'))
  app.use(errorHandler)
  // Lines are written when the answer closes, just after the client has it.
  const settled = async (count: number) => {
    for (let i = 0; i < 50 && lines.length < count; i++) await new Promise((r) => setTimeout(r, 10))
    return lines
  }
  return { app, lines, text: () => raw.join(''), settled }
}

describe('request log', () => {
  it('writes one small line per answer: id, method, URL, status and time; refusals as warnings, failures as errors', async () => {
    const { app, text, settled } = capturedApp()
    const ok = await request(app).get('/ok?q=社保').set('X-Request-Id', 'call-7').set('Authorization', `Bearer ${KEY}`)
    expect(ok.headers['x-request-id']).toBe('call-7')
    await request(app).get('/refused').set('Authorization', `Bearer ${KEY}`)
    const broken = await request(app).get('/broken')
    expect(broken.status).toBe(500)
    const lines = await settled(4)

    const completed = lines.filter((l) => l.msg === 'request completed')
    expect(
      completed.map((l) => [(l.req as { url: string }).url, (l.res as { statusCode: number }).statusCode, l.level]),
    ).toEqual([
      ['/ok?q=%E7%A4%BE%E4%BF%9D', 200, 30],
      ['/refused', 401, 40],
      ['/broken', 500, 50],
    ])
    expect(completed[0]).toMatchObject({ reqId: 'call-7', req: { method: 'GET' }, responseTime: expect.any(Number) })
    // The error handler's own line carries the same request id as the answer's line.
    const failed = lines.find((l) => l.msg === 'request failed')!
    expect(failed.reqId).toBe(broken.headers['x-request-id'])
    expect(failed.level).toBe(50)
    // No header is logged, and a key inside an error message is scrubbed.
    expect(text()).not.toContain(KEY)
    expect(text()).not.toContain('authorization')
  })

  it('logs every write with the handler’s own lines under the same id, hides progress queries and skips static assets', async () => {
    const { app, settled } = capturedApp()
    const written = await request(app).post('/write').send({ a: 1 })
    await request(app).get('/progress?number=GD202611300001&phone=1234')
    await request(app).get('/_next/static/x.js')
    const lines = await settled(3)
    const id = written.headers['x-request-id']
    expect(lines.find((l) => l.msg === 'handler line')).toMatchObject({ reqId: id, step: 'inside' })
    expect(lines.find((l) => (l.req as { method?: string } | undefined)?.method === 'POST')).toMatchObject({
      reqId: id,
      res: { statusCode: 201 },
    })
    const urls = lines.filter((l) => l.msg === 'request completed').map((l) => (l.req as { url: string }).url)
    expect(urls).toEqual(['/write', '/progress?…'])
  })

  it('masks what a search asks as the search analytics do: no phone number, name or ID number in the log', async () => {
    const { app, text, settled } = capturedApp()
    const phone = '13812345678'
    await request(app).get(`/api/v1/public/search?q=${phone}`)
    await request(app).get(`/api/v1/agent/search?per_page=5&q=${encodeURIComponent(`我叫张三电话${phone}`)}&page=2`)
    // Full-width digits, a form's `+` for spaces, and a query that does not decode.
    await request(app).get(`/api/v1/public/search?q=${encodeURIComponent('１３８１２３４５６７８')}+社保`)
    await request(app).get('/api/v1/public/search?q=%E0%A41381234')
    const lines = await settled(4)
    const urls = lines.filter((l) => l.msg === 'request completed').map((l) => (l.req as { url: string }).url)
    expect(urls).toEqual([
      '/api/v1/public/search?q=*',
      `/api/v1/agent/search?per_page=5&q=${encodeURIComponent('我叫*电话*')}&page=2`,
      `/api/v1/public/search?q=${encodeURIComponent('* 社保')}`,
      '/api/v1/public/search?q=*',
    ])
    expect(text()).not.toMatch(/1381234|%EF%BC%91|%E5%BC%A0%E4%B8%89/)
  })
})
