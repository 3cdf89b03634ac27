/**
 * Public pages that are the same for every anonymous visitor (home, categories, entries) are kept
 * once rendered, so that a crowd on the public site costs a lookup instead of a Next render each.
 * Only anonymous GETs (no session cookie), only 200 HTML answers, never Next's client navigation
 * (RSC) requests. Any entry change clears the whole cache (entryChanges.ts: announced by the index
 * task and, for other app servers, the search follower): a home or category page lists entries it
 * does not own, and publishes are rare next to reads. Search result pages live 30 s; other pages
 * at most PAGE_TTL_MS, the bound on an entry passing its validUntil before the hourly round
 * expires it.
 *
 * Two halves (createApp.ts): `hits` answers from the cache right after the security headers and
 * the compressor, before the request log, metrics, limits and routers — a hit costs less than any
 * of them, and the anonymous limits exist to keep renders and searches from crowding out agents;
 * it makes its own fresh nonce and policy. `renders` sits in front of Next (after
 * pageContentSecurity) and keeps what Next renders. Entry and category pages read without
 * JavaScript (no client component): `renders` sends and keeps them without Next's client runtime.
 */
import type { Request, RequestHandler, Response } from 'express'

import { onEntryChange } from '../services/entryChanges'
import { newNonce, pagePolicy } from './contentSecurity'
import { type CachedPage, joinWithNonce, PageCacheStore, splitAtNonce, withoutClientRuntime } from './pageCacheStore'
import { requestId } from './requestId'

const CACHEABLE = /^\/(?:|categories\/[^/]+|entries\/[^/]+|search)$/
/** Pages without a client component: nothing on them needs React in the browser. */
const READS_WITHOUT_RUNTIME = /^\/(?:categories|entries)\/[^/]+$/
const SEARCH_TTL_MS = 30_000
const PAGE_TTL_MS = 60_000
const SESSION_COOKIE = /(?:^|;\s*)payload-token=/
/** Per response or per client: never stored, never replayed. */
const NOT_STORED = new Set([
  'set-cookie',
  'content-security-policy',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'date',
  'x-request-id',
  'x-cache',
  'ratelimit',
  'ratelimit-policy',
  'retry-after',
])

/** An entry opened from a search (`?q=`) counts as a use of that search's hits: it renders each time. */
const OPENED_FROM_SEARCH = /^\/entries\/[^?]*\?(?:.*&)?q=/

const cacheable = (req: Request): boolean =>
  req.method === 'GET' &&
  CACHEABLE.test(req.path) &&
  !OPENED_FROM_SEARCH.test(req.url) &&
  !SESSION_COOKIE.test(req.headers.cookie ?? '') &&
  !req.headers.rsc &&
  !req.headers['next-router-state-tree'] &&
  !/[?&]_rsc=/.test(req.url)

/**
 * A whole HTML page for everyone, as bytes this cache can cut at the nonce and replay. What passes
 * through here is plain (the compressor mounted before this one encodes after it); a body encoded
 * below (Next's own compressor, which next.config.ts turns off) does not begin as HTML does, and is
 * never stored: replayed as text it would be garbage.
 */
const storable = (res: Response, body: Buffer): boolean =>
  res.statusCode === 200 &&
  String(res.getHeader('content-type') ?? '').startsWith('text/html') &&
  !res.getHeader('set-cookie') &&
  /^\s*</.test(body.subarray(0, 64).toString('latin1'))

type Options = { enabled: boolean; maxBytes: number; dev?: boolean }
const pass: RequestHandler = (_req, _res, next) => next()

export function pageCache(options: Options): { hits: RequestHandler; renders: RequestHandler } {
  if (!options.enabled) return { hits: pass, renders: pass }
  const store = new PageCacheStore(options.maxBytes)
  onEntryChange(() => store.clear())

  const hits: RequestHandler = (req, res, next) => {
    if (!cacheable(req)) return next()
    const hit = store.get(req.originalUrl)
    if (!hit) return next()
    const nonce = newNonce()
    res.status(hit.status)
    for (const [name, value] of Object.entries(hit.headers)) res.setHeader(name, value)
    res.setHeader('Content-Security-Policy', pagePolicy(nonce, 'site', options.dev))
    res.setHeader('X-Request-Id', requestId(req))
    res.setHeader('X-Cache', 'HIT')
    const body = joinWithNonce(hit.parts, nonce)
    res.setHeader('Content-Length', body.length)
    res.end(body)
  }

  const renders: RequestHandler = (req, res, next) => {
    if (!cacheable(req)) return next()
    const key = req.originalUrl
    const nonce = String(res.locals.cspNonce ?? '')
    res.setHeader('X-Cache', 'MISS')
    // Every clear() during the render makes its result stale: it is not stored.
    let cleared = false
    const stopListening = onEntryChange(() => (cleared = true))
    // A page sent without the runtime is held until it is whole, then sent and kept as it was sent.
    const hold = READS_WITHOUT_RUNTIME.test(req.path)
    const chunks: Buffer[] = []
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => typeof res
    const collect = (chunk: unknown, encoding: unknown) => {
      if (chunk == null || typeof chunk === 'function') return
      // A copy: a writer may reuse its buffer once written.
      chunks.push(
        typeof chunk === 'string'
          ? Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
          : Buffer.from(chunk as Uint8Array),
      )
    }
    // Next sends the headers ahead of a streamed body; a held page's go with its whole body.
    if (hold) res.flushHeaders = () => {}
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      if (!hold) return write(chunk, ...rest)
      const done = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined
      if (done) process.nextTick(done)
      return true
    }) as typeof res.write
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      stopListening()
      let body: Buffer = Buffer.concat(chunks)
      const whole = storable(res, body)
      if (hold && whole && !res.headersSent) {
        body = withoutClientRuntime(body)
        res.removeHeader('Content-Length')
      }
      if (!cleared && whole) {
        const headers: CachedPage['headers'] = {}
        for (const [name, value] of Object.entries(res.getHeaders()))
          if (value !== undefined && !NOT_STORED.has(name)) headers[name] = Array.isArray(value) ? value : String(value)
        store.set(
          key,
          { status: 200, headers, parts: splitAtNonce(body, nonce) },
          req.path === '/search' ? SEARCH_TTL_MS : PAGE_TTL_MS,
        )
      }
      if (!hold) return end(chunk, ...rest)
      const done = rest.find((arg) => typeof arg === 'function')
      return done ? end(body, done) : end(body)
    }) as typeof res.end
    res.once('close', stopListening)
    next()
  }

  return { hits, renders }
}
