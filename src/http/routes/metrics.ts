/**
 * GET /metrics in Prometheus text format, and the timing of every request by route group. With
 * METRICS_TOKEN set it asks for `Authorization: Bearer <token>`; without, it answers only clients on
 * this machine that come directly, not through a proxy (a loopback peer with X-Forwarded-For is a
 * reverse proxy passing on someone else's request).
 */
import crypto from 'node:crypto'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import type { Env } from '../../config/env'
import { SEARCH_QUEUE } from '../../jobs/syncIndex'
import {
  httpRequestDuration,
  loginFailures,
  openOrders,
  ordersByDeadline,
  outboxOldestAge,
  outboxPending,
  registry,
} from '../../metrics'
import { orderFigures, outboxLag } from '../../services/operationalFigures'
import { HttpError } from '../errors'
import { onClose } from '../onClose'

const GROUPS: [RegExp, string][] = [
  [/^\/metrics$/, 'metrics'],
  [/^\/api\/v1\/health$/, 'health'],
  [/^\/api\/v1\/agent(\/|$)/, 'agent-api'],
  [/^\/api\/v1\/public(\/|$)/, 'public-api'],
  [/^\/api\/v1\/work-orders(\/|$)/, 'work-orders'],
  [/^\/api\/v1\/reports(\/|$)/, 'reports'],
  [/^\/api\/v1\/personal-data(\/|$)/, 'personal-data'],
  [/^\/api\/v1(\/|$)/, 'api-other'],
  [/^\/api\/mcp(\/|$)/, 'mcp'],
  [/^\/api\/users\/login$/, 'login'],
  [/^\/api(\/|$)/, 'payload-rest'],
  [/^\/admin(\/|$)/, 'admin'],
  [/^\/_next\//, 'static'],
  [/^\/console(\/|$)/, 'console'],
]

/** A few fixed groups keep the label set small whatever paths clients ask for. */
export const routeGroup = (path: string): string => GROUPS.find(([pattern]) => pattern.test(path))?.[1] ?? 'site'

/** Every request's duration by route group: a plain middleware, ahead of every router (createApp.ts). */
export const requestTiming: RequestHandler = (req, res, next) => {
  const started = performance.now()
  onClose(res, () => {
    // Answers sent whole; a client that went away first is in the request log.
    if (!res.writableFinished) return
    const group = routeGroup(req.originalUrl.split('?')[0]!)
    const seconds = (performance.now() - started) / 1000
    httpRequestDuration.observe({ group, method: req.method, status: `${Math.floor(res.statusCode / 100)}xx` }, seconds)
    if (group === 'login' && req.method === 'POST' && res.statusCode >= 400)
      loginFailures.inc({ status: String(res.statusCode) })
  })
  next()
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

const sameToken = (given: string, expected: string) => {
  const a = crypto.createHash('sha256').update(given).digest()
  const b = crypto.createHash('sha256').update(expected).digest()
  return crypto.timingSafeEqual(a, b)
}

function guard(token: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (token) {
      const given = req.headers.authorization?.replace(/^Bearer\s+/i, '') ?? ''
      if (!sameToken(given, token))
        throw new HttpError(401, '访问 /metrics 须提供 Authorization: Bearer <METRICS_TOKEN>')
    } else if (!LOOPBACK.has(req.socket.remoteAddress ?? '') || req.headers['x-forwarded-for']) {
      throw new HttpError(403, '未设置 METRICS_TOKEN 时，/metrics 只允许本机直接访问')
    }
    next()
  }
}

/** GET /metrics: the guard, then the figures. */
export function metricsEndpoint(payload: Payload, e: Env): RequestHandler[] {
  const figures: RequestHandler = async (_req, res) => {
    const [lag, orders] = await Promise.all([outboxLag(payload, SEARCH_QUEUE), orderFigures(payload)])
    outboxPending.set(lag.pending)
    outboxOldestAge.set(lag.oldestAgeSeconds)
    for (const [state, n] of Object.entries(orders.byState)) openOrders.set({ state }, n)
    ordersByDeadline.set({ status: 'due_today' }, orders.dueToday)
    ordersByDeadline.set({ status: 'overdue' }, orders.overdue)
    res.type(registry.contentType).send(await registry.metrics())
  }
  return [guard(e.metricsToken), figures]
}
