/** GET /metrics: Prometheus text with request, search, login, job, outbox and work-order figures. */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { routeGroup } from '../../src/http/routes/metrics'
import { rebuildIndex, SEARCH_QUEUE } from '../../src/jobs/syncIndex'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express

/** The value of one sample line, e.g. `name{a="b"} 3`. */
const sample = (text: string, series: string): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

const order = (number: string, state: string, deadlineStatus?: string) =>
  context.payload.create({
    collection: 'work-orders',
    data: { number, state, type: 'complaint', title: '测试', content: '测试', deadlineStatus } as never,
  })

beforeAll(async () => {
  app = createApp(context.payload, env())
  await rebuildIndex(context.payload)
  // The world's entries queued their index tasks: done, so that the outbox starts empty.
  await context.payload.jobs.run({ queue: SEARCH_QUEUE })
  await order('M1', 'accepted', 'overdue')
  await order('M2', 'accepted', 'on_time')
  await order('M3', 'dispatched', 'due_today')
  // Closed orders keep their last mark; they are neither open nor overdue.
  await order('M4', 'closed', 'overdue')
})

describe('GET /metrics', () => {
  it('shows request rates by route group, search latency and confidence, logins, jobs, outbox and orders', async () => {
    const agent = await request(app)
      .post('/api/users/login')
      .send({ email: 'agent@test.example', password: 'Secret-123' })
    await request(app).post('/api/users/login').send({ email: 'agent@test.example', password: 'wrong' }).expect(401)
    await request(app)
      .get('/api/v1/agent/search?q=甲局已发布')
      .set('Authorization', `JWT ${agent.body.token}`)
      .expect(200)
    await request(app).get('/api/v1/public/search?q=完全无关的问题').expect(200)
    await request(app).get('/api/v1/public/search?q=完全无关的问题').expect(200)
    await context.payload.jobs.queue({ task: 'indexEntry', input: { code: 'KB-9999' }, queue: SEARCH_QUEUE })
    await context.payload.jobs.queue({ task: 'indexEntry', input: { code: 'KB-9998' }, queue: SEARCH_QUEUE })

    const before = await request(app).get('/metrics').expect(200)
    expect(before.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(sample(before.text, 'hotline_outbox_pending_tasks')).toBe(2)
    const runsBefore = sample(before.text, 'hotline_job_runs_total{task="indexEntry",outcome="ok"}')!
    await context.payload.jobs.run({ queue: SEARCH_QUEUE })

    const { text } = await request(app).get('/metrics').expect(200)
    expect(
      sample(text, 'hotline_http_request_duration_seconds_count{group="agent-api",method="GET",status="2xx"}'),
    ).toBe(1)
    expect(
      sample(text, 'hotline_http_request_duration_seconds_count{group="public-api",method="GET",status="2xx"}'),
    ).toBe(2)
    expect(sample(text, 'hotline_http_request_duration_seconds_count{group="login",method="POST",status="4xx"}')).toBe(
      1,
    )
    expect(sample(text, 'hotline_http_request_duration_seconds_count{group="metrics",method="GET",status="2xx"}')).toBe(
      1,
    )
    expect(sample(text, 'hotline_search_queries_total{audience="agent",confident="true"}')).toBe(1)
    expect(sample(text, 'hotline_search_queries_total{audience="public",confident="false"}')).toBe(2)
    expect(sample(text, 'hotline_search_duration_seconds_count{audience="public"}')).toBe(2)
    expect(sample(text, 'hotline_login_failures_total{status="401"}')).toBe(1)
    expect(sample(text, 'hotline_job_runs_total{task="indexEntry",outcome="ok"}')).toBe(runsBefore + 2)
    expect(sample(text, 'hotline_outbox_pending_tasks')).toBe(0)
    expect(sample(text, 'hotline_outbox_oldest_age_seconds')).toBe(0)
    expect(sample(text, 'hotline_work_orders_open{state="accepted"}')).toBe(2)
    expect(sample(text, 'hotline_work_orders_open{state="dispatched"}')).toBe(1)
    expect(sample(text, 'hotline_work_orders_open{state="intake"}')).toBe(0)
    expect(text).not.toMatch(/hotline_work_orders_open\{state="closed"\}/)
    expect(sample(text, 'hotline_work_orders_deadline{status="overdue"}')).toBe(1)
    expect(sample(text, 'hotline_work_orders_deadline{status="due_today"}')).toBe(1)
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0)
    // The health endpoint stays for liveness.
    await request(app).get('/api/v1/health').expect(200)
  })

  it('answers only local clients without a token, and asks for the token when one is set', async () => {
    const proxied = await request(app).get('/metrics').set('X-Forwarded-For', '203.0.113.9')
    expect(proxied.status).toBe(403)
    expect(proxied.body.message).toMatch(/METRICS_TOKEN/)

    const guarded = createApp(context.payload, { ...env(), metricsToken: 'a-metrics-token-of-length' })
    expect((await request(guarded).get('/metrics')).status).toBe(401)
    expect((await request(guarded).get('/metrics').set('Authorization', 'Bearer wrong')).status).toBe(401)
    const ok = await request(guarded)
      .get('/metrics')
      .set('Authorization', 'Bearer a-metrics-token-of-length')
      .set('X-Forwarded-For', '203.0.113.9')
    expect(ok.status).toBe(200)
    expect(ok.text).toMatch(/^# HELP /m)
  })

  it('groups paths into a few route groups', () => {
    expect(routeGroup('/api/v1/agent/search')).toBe('agent-api')
    expect(routeGroup('/api/v1/work-orders/202611250001/actions/reply')).toBe('work-orders')
    expect(routeGroup('/api/v1/agentx')).toBe('api-other')
    expect(routeGroup('/api/knowledge-entries/3')).toBe('payload-rest')
    expect(routeGroup('/api/users/login')).toBe('login')
    expect(routeGroup('/entries/KB-0001')).toBe('site')
    expect(routeGroup('/admin/collections/work-orders')).toBe('admin')
  })
})
