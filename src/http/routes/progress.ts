/**
 * /api/v1/public/progress: the claimant's progress look-up (第十一条). One per-client limit counts the
 * API and the public page (/progress) together, so the page is no way around it.
 */
import { type RequestHandler, Router } from 'express'
import { rateLimit } from 'express-rate-limit'
import type { Payload } from 'payload'

import { LIMIT_HEADERS } from '../../auth/rateLimits'
import { lookupProgress, progressQuery } from '../../services/workOrderProgress'
import { parseParams } from '../searchParams'

const LIMITED = '查询过于频繁，请 15 分钟后再试，或拨打 12345 查询'

export function progressLimiter(perQuarterHour: number): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60_000,
    limit: perQuarterHour,
    ...LIMIT_HEADERS,
    // Opening the page's empty form is not a look-up.
    skip: (req) => req.method === 'GET' && !req.query.number,
    handler: (req, res) => {
      res.status(429)
      if (req.originalUrl.startsWith('/api/')) return res.json({ error: 'rate_limited', message: LIMITED })
      res
        .type('html')
        .send(
          `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>查询过于频繁 · 江临 12345</title><meta name="robots" content="noindex"></head><body style="font-family:system-ui,sans-serif;max-width:720px;margin:2em auto;padding:0 16px"><h1>查询过于频繁</h1><p>${LIMITED}。</p><p><a href="/">返回首页</a></p></body></html>`,
        )
    },
  })
}

export function progressRouter(payload: Payload, limit: RequestHandler): Router {
  const router = Router()
  router.post('/', limit, async (req, res) => {
    const { number, phoneLast4 } = parseParams(progressQuery, req.body ?? {})
    res.setHeader('Cache-Control', 'no-store')
    res.json(await lookupProgress(payload, number, phoneLast4))
  })
  return router
}
