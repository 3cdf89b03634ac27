/**
 * /api/v1/public: the FAQ site's search. Only published, public, currently valid entries. The search
 * itself is mounted ahead of the routers (createApp.ts), right behind the anonymous limits.
 */
import express, { type RequestHandler, Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'
import { z } from 'zod'

import { rateLimitStore } from '../../auth/databaseRateLimitStore'
import { LIMIT_HEADERS } from '../../auth/rateLimits'
import { now } from '../../domain/clock'
import type { SearchEngine } from '../../search/types'
import { answerSearch, findEntry, recordFeedback } from '../../services/knowledgeQueries'
import { noteSearchUse } from '../../services/searchLog'
import { sendSharedJson } from '../jsonAnswer'
import { openedFrom, parseParams, publicSearchParams, suggestParams } from '../searchParams'

/** What the public reads may be kept by browsers and proxies for a minute. */
const PUBLIC_CACHING = 'public, max-age=60'
const publicCaching: RequestHandler = (req, res, next) => {
  if (req.method === 'GET') res.setHeader('Cache-Control', PUBLIC_CACHING)
  next()
}

/**
 * GET /api/v1/public/search; rate limits and the anonymous concurrency gate apply before it
 * (anonymousGate.ts). A ranking the result cache holds is answered at once, without a promise.
 */
export const publicSearch =
  (engine: () => SearchEngine): RequestHandler =>
  (req, res, next) => {
    const p = { ...parseParams(publicSearchParams, req.query), perPage: 10 }
    const send = (answer: object) => {
      res.setHeader('Cache-Control', PUBLIC_CACHING)
      sendSharedJson(req, res, answer)
    }
    answerSearch(engine(), 'public', p, now(), send, next)
  }

/** The rest of the public API; rate limits and the anonymous concurrency gate apply before it. */
export function publicRouter(payload: Payload, engine: () => SearchEngine): Router {
  const router = Router()
  router.use(publicCaching)
  // One person answers a page once or twice, not hundreds of times.
  const feedbackLimit = rateLimit({
    windowMs: 60_000,
    limit: 20,
    store: rateLimitStore(payload, 'feedback'),
    ...LIMIT_HEADERS,
    message: { error: 'rate_limited', message: '反馈过于频繁，请稍后再试' },
  })

  // Titles as the public types, for the site's search box.
  router.get('/suggest', async (req, res) => {
    const p = parseParams(suggestParams, req.query)
    const result = await engine().search({ text: p.q, audience: 'public', now: now(), perPage: 8 })
    res.json({ suggestions: result.hits.map((h) => ({ code: h.document.code, title: h.document.title })) })
  })

  // `q`: the search the entry was opened from, counted as a use of its hits.
  router.get('/entries/:code', async (req, res) => {
    const { q } = parseParams(openedFrom, req.query)
    const entry = await findEntry(payload, 'public', req.params.code, now())
    if (q?.trim()) noteSearchUse('public', q, now())
    res.json(entry)
  })

  // "这条信息有帮助吗": JSON from scripts, or the entry page's plain form (answered with a redirect back).
  router.post(
    '/entries/:code/feedback',
    feedbackLimit,
    express.urlencoded({ extended: false, limit: '1kb' }),
    async (req, res) => {
      const { helpful } = parseParams(
        z.object({
          helpful: z.union([z.boolean(), z.enum(['yes', 'no'])], { error: 'helpful 须为 true/false 或 yes/no' }),
        }),
        req.body ?? {},
      )
      const code = req.params.code as string
      await recordFeedback(payload, code, helpful === true || helpful === 'yes')
      if (req.is('application/x-www-form-urlencoded'))
        return res.redirect(303, `/entries/${encodeURIComponent(code)}?feedback=thanks`)
      res.status(201).json({ message: '感谢您的反馈' })
    },
  )

  return router
}
