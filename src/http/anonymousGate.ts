/**
 * Anonymous traffic must not crowd out the agents on the phone. The public site's pages and the
 * public API share two limits: requests per minute and client address (as the public API always
 * had), and a concurrency gate: at most `concurrency` anonymous requests are served at once, the
 * next ones wait in a bounded queue (503 beyond it). Agent, console and admin requests never pass
 * the gate, so under an anonymous flood they wait for at most `concurrency` renders, not hundreds.
 */
import type { NextFunction, Request, RequestHandler, Response } from 'express'
import { ipKeyGenerator, type Store } from 'express-rate-limit'

import { windowLimit } from '../auth/rateLimits'
import { onClose } from './onClose'

/** Paths of the signed-in side and of static assets; every other GET is a public page or the public API. */
const NOT_ANONYMOUS = /^\/(?:admin|console|_next|api\/(?!v1\/public\/)|favicon)/

export const isAnonymousPublic = (req: Request): boolean =>
  (req.method === 'GET' || req.method === 'HEAD' || req.path.startsWith('/api/v1/public/')) &&
  !NOT_ANONYMOUS.test(req.path)

/** `store`: where the counts live (RATE_LIMIT_STORE); express-rate-limit's memory by default. */
export function publicRateLimit(requestsPerMinute: number, store?: Store): RequestHandler {
  return windowLimit({
    windowMs: 60_000,
    limit: requestsPerMinute,
    // express-rate-limit's own key: the address, an IPv6 client by its /56.
    key: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? ''),
    store,
    message: { error: 'rate_limited', message: '请求过于频繁，请稍后再试' },
  })
}

export function concurrencyGate(options: { concurrency: number; queue: number }): RequestHandler {
  let active = 0
  const waiting: (() => void)[] = []
  // A finished request hands its slot straight to the next waiting one.
  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else active--
  }
  // Not a closure per request: the product runs through tsx, which names each one made (keepNames).
  function start(res: Response, next: NextFunction) {
    if (res.destroyed) return release()
    onClose(res, release)
    next()
  }
  return (_req, res, next) => {
    if (active < options.concurrency) {
      active++
      return start(res, next)
    }
    if (waiting.length >= options.queue) {
      res.setHeader('Retry-After', '5')
      return res.status(503).json({ error: 'busy', message: '访问人数较多，请稍后再试，或拨打 12345 热线' })
    }
    waiting.push(() => start(res, next))
  }
}

/** Both limits, for anonymous public requests only. */
export function anonymousTraffic(options: {
  requestsPerMinute: number
  concurrency: number
  queue: number
  store?: Store
}): RequestHandler {
  const limit = publicRateLimit(options.requestsPerMinute, options.store)
  const gate = concurrencyGate(options)
  return (req, res, next) => {
    if (!isAnonymousPublic(req)) return next()
    limit(req, res, (err?: unknown) => (err ? next(err) : gate(req, res, next)))
  }
}
