/**
 * How our rate limits count and answer. Every limit tells the client where it stands with the IETF
 * `RateLimit` and `RateLimit-Policy` headers of draft 7 (`limit=600, remaining=599, reset=60`):
 * draft 8 adds a partition key, a SHA-256 of the client's key made on every request, measured at
 * about 35 µs a request, more than a cached search answer's own work.
 */
import type { Request, RequestHandler, Response } from 'express'
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'

import { ImmediateMemoryStore } from './immediateMemoryStore'

/** For express-rate-limit's middleware (the login, progress and feedback limits). */
export const LIMIT_HEADERS = { standardHeaders: 'draft-7', legacyHeaders: false } as const

type WindowLimit = {
  windowMs: number
  limit: number | ((res: Response) => number)
  key: (req: Request, res: Response) => string
  /** Memory that answers at once by default, or ours in the database (RATE_LIMIT_STORE). */
  store?: Store
  message: { error: string; message: string }
}

const isPending = (
  value: ClientRateLimitInfo | PromiseLike<ClientRateLimitInfo>,
): value is PromiseLike<ClientRateLimitInfo> => typeof (value as PromiseLike<unknown>).then === 'function'

/**
 * A limit per client in fixed windows for the two every search passes (the anonymous one, the agent
 * API's per caller). It counts in an express-rate-limit store (by default one that answers at
 * once, so a cached search is answered in the same turn) and answers as the middleware does (headers
 * above, then 429 with `Retry-After`), without the middleware: a dozen awaits, validations
 * and debug calls cost about 25 µs a request there, a tenth of a cached search answer. The other
 * limits keep the middleware for the options they use (skip, skipSuccessfulRequests, a handler).
 */
export function windowLimit(options: WindowLimit): RequestHandler {
  const store = options.store ?? new ImmediateMemoryStore()
  void store.init?.({ windowMs: options.windowMs } as Options)
  const windowSeconds = Math.ceil(options.windowMs / 1000)
  const answer = (res: Response, info: ClientRateLimitInfo, limit: number): boolean => {
    const reset = info.resetTime
      ? Math.max(0, Math.ceil((info.resetTime.getTime() - Date.now()) / 1000))
      : windowSeconds
    res.setHeader('RateLimit-Policy', `${limit};w=${windowSeconds}`)
    res.setHeader('RateLimit', `limit=${limit}, remaining=${Math.max(0, limit - info.totalHits)}, reset=${reset}`)
    if (info.totalHits <= limit) return true
    res.setHeader('Retry-After', String(reset))
    res.status(429).json(options.message)
    return false
  }
  return (req, res, next) => {
    const limit = typeof options.limit === 'function' ? options.limit(res) : options.limit
    const counted = store.increment(options.key(req, res))
    // A count at hand is answered in this turn (a throw here reaches Express's error handler).
    if (!isPending(counted)) return void (answer(res, counted, limit) && next())
    counted.then((info) => answer(res, info, limit) && next(), next)
  }
}
