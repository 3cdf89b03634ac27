/** /api/v1/public: the FAQ site's search. Only published, public, currently valid entries. */
import { Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'

import { now } from '../../domain/clock'
import type { SearchEngine } from '../../search/types'
import { findEntry, searchKnowledge } from '../../services/knowledgeQueries'
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
    res.json(await searchKnowledge(engine(), 'public', { ...p, perPage: 10 }, now()))
  })

  router.get('/entries/:code', async (req, res) => {
    res.json(await findEntry(payload, 'public', req.params.code, now()))
  })

  return router
}
