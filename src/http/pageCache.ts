/**
 * Public pages that are the same for every anonymous visitor (home, categories, entries) are kept
 * once rendered, so that a crowd on the public site costs a lookup instead of a Next render each.
 * Only anonymous GETs (no session cookie), only 200 HTML answers, never Next's client navigation
 * (RSC) requests. Any entry change clears the whole cache (entryChanges.ts: announced by the index
 * task and, for other app servers, the search follower): a home or category page lists entries it
 * does not own, and publishes are rare next to reads. Search result pages live 30 s; other pages
 * at most PAGE_TTL_MS, the bound on an entry passing its validUntil before the hourly round
 * expires it. Mounted after pageContentSecurity: a hit carries this response's fresh nonce.
 */
import type { Request, RequestHandler, Response } from 'express'

import { onEntryChange } from '../services/entryChanges'
import { type CachedPage, joinWithNonce, PageCacheStore, splitAtNonce } from './pageCacheStore'

const CACHEABLE = /^\/(?:|categories\/[^/]+|entries\/[^/]+|search)$/
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

const cacheable = (req: Request): boolean =>
  req.method === 'GET' &&
  CACHEABLE.test(req.path) &&
  !SESSION_COOKIE.test(req.headers.cookie ?? '') &&
  !req.headers.rsc &&
  !req.headers['next-router-state-tree'] &&
  !('_rsc' in req.query)

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

export function pageCache(options: { enabled: boolean; maxBytes: number }): RequestHandler {
  if (!options.enabled) return (_req, _res, next) => next()
  const store = new PageCacheStore(options.maxBytes)
  onEntryChange(() => store.clear())

  return (req, res, next) => {
    if (!cacheable(req)) return next()
    const key = req.originalUrl
    const nonce = String(res.locals.cspNonce ?? '')
    const hit = store.get(key)
    if (hit) {
      res.status(hit.status)
      for (const [name, value] of Object.entries(hit.headers)) res.setHeader(name, value)
      res.setHeader('X-Cache', 'HIT')
      const body = joinWithNonce(hit.parts, nonce)
      res.setHeader('Content-Length', body.length)
      res.end(body)
      return
    }
    res.setHeader('X-Cache', 'MISS')
    // Every clear() during the render makes its result stale: it is not stored.
    let cleared = false
    const stopListening = onEntryChange(() => (cleared = true))
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
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      return write(chunk, ...rest)
    }) as typeof res.write
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0])
      const body = Buffer.concat(chunks)
      if (!cleared && storable(res, body)) {
        const headers: CachedPage['headers'] = {}
        for (const [name, value] of Object.entries(res.getHeaders()))
          if (value !== undefined && !NOT_STORED.has(name)) headers[name] = Array.isArray(value) ? value : String(value)
        const parts = splitAtNonce(body, nonce)
        store.set(key, { status: 200, headers, parts }, req.path === '/search' ? SEARCH_TTL_MS : PAGE_TTL_MS)
      }
      stopListening()
      return end(chunk, ...rest)
    }) as typeof res.end
    res.once('close', stopListening)
    next()
  }
}
