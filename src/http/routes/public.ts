/** /api/v1/public: the FAQ site's search. Only published, public, currently valid entries. */
import { Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'

import { now } from '../../domain/clock'
import type { SearchEngine } from '../../search/types'
import { HttpError } from '../errors'
import { entryIsExpired, publicEntry, publicHit } from '../presentEntry'
import { parseParams, publicSearchParams } from '../searchParams'

export type PublicRouterOptions = { requestsPerMinute: number }

export function publicRouter(payload: Payload, engine: () => SearchEngine, options: PublicRouterOptions): Router {
  const router = Router()
  router.use(
    rateLimit({
      windowMs: 60_000,
      limit: options.requestsPerMinute,
      standardHeaders: 'draft-8',
      legacyHeaders: false,
      message: { error: 'too_many_requests', message: '请求过于频繁，请稍后再试' },
    }),
  )
  router.use((_req, res, next) => {
    res.setHeader('Cache-Control', 'public, max-age=60')
    next()
  })

  router.get('/search', async (req, res) => {
    const p = parseParams(publicSearchParams, req.query)
    const result = await engine().search({ text: p.q, audience: 'public', filters: { category: p.category }, now: now(), page: p.page, perPage: 10 })
    res.json({ found: result.found, page: p.page, per_page: 10, hits: result.hits.map(publicHit), facets: { category: result.facets.category, type: result.facets.type } })
  })

  router.get('/entries/:code', async (req, res) => {
    const found = await payload.find({
      collection: 'knowledge-entries',
      where: { and: [{ code: { equals: req.params.code } }, { _status: { equals: 'published' } }, { audience: { equals: 'public' } }] },
      limit: 1,
      depth: 1,
      overrideAccess: true,
    })
    const entry = found.docs[0]
    if (!entry || entry.type === 'script') throw new HttpError(404, `没有这条公开信息：${req.params.code}`)
    if (entryIsExpired(entry, now())) throw new HttpError(410, '该信息已过期，请以最新发布的信息为准或拨打 12345 咨询')
    res.json(publicEntry(entry))
  })

  return router
}
