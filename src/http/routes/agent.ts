/** /api/v1/agent: search, suggestions and full entries for agents on a live call. */
import { Router } from 'express'
import type { Payload } from 'payload'

import { now } from '../../domain/clock'
import type { SearchEngine } from '../../search/types'
import { AGENT_API_ROLES, type Caller, rateLimitPerCaller, requireCaller } from '../auth'
import { HttpError } from '../errors'
import { agentHit, entryIsExpired, publicEntry } from '../presentEntry'
import { agentSearchParams, errorReportBody, parseParams, suggestParams } from '../searchParams'

export function agentRouter(payload: Payload, engine: () => SearchEngine): Router {
  const router = Router()
  router.use(requireCaller(payload, { roles: AGENT_API_ROLES, scope: 'agent' }))
  router.use(rateLimitPerCaller(600))

  router.get('/search', async (req, res) => {
    const p = parseParams(agentSearchParams, req.query)
    const at = now()
    const result = await engine().search({
      text: p.q,
      audience: 'agent',
      filters: { type: p.type, unit: p.unit, category: p.category, district: p.district },
      includeExpired: p.include_expired,
      now: at,
      page: p.page,
      perPage: p.per_page,
    })
    res.json({
      found: result.found,
      page: p.page,
      per_page: p.per_page,
      took_ms: Math.round(result.tookMs * 100) / 100,
      hits: result.hits.map((h) => agentHit(h, at)),
      facets: result.facets,
    })
  })

  router.get('/suggest', async (req, res) => {
    const p = parseParams(suggestParams, req.query)
    const result = await engine().search({ text: p.q, audience: 'agent', now: now(), perPage: 8 })
    res.json({ suggestions: result.hits.map((h) => ({ code: h.document.code, title: h.document.title, type: h.document.type })) })
  })

  router.get('/entries/:code', async (req, res) => {
    const found = await payload.find({
      collection: 'knowledge-entries',
      where: { and: [{ code: { equals: req.params.code } }, { _status: { equals: 'published' } }] },
      limit: 1,
      depth: 1,
      overrideAccess: true,
    })
    const entry = found.docs[0]
    if (!entry) throw new HttpError(404, `没有已发布的知识条目 ${req.params.code}`)
    res.json({ ...publicEntry(entry), audience: entry.audience, expired: entryIsExpired(entry, now()), reviewCycleDays: entry.reviewCycleDays ?? null })
  })

  // 纠错反馈: an agent (or their tool) reports wrong knowledge for the kb-admins to triage.
  router.post('/entries/:code/error-reports', async (req, res) => {
    const { description } = parseParams(errorReportBody, req.body ?? {})
    const found = await payload.find({ collection: 'knowledge-entries', where: { code: { equals: req.params.code } }, limit: 1, depth: 0, overrideAccess: true })
    const entry = found.docs[0]
    if (!entry) throw new HttpError(404, `没有知识条目 ${req.params.code}`)
    const caller = res.locals.caller as Caller
    const report = await payload.create({
      collection: 'error-reports',
      overrideAccess: true,
      data: { entry: entry.id, description, reportedBy: caller.kind === 'user' ? (caller.id as number) : undefined, reporterName: caller.kind === 'api-key' ? caller.name : undefined },
    })
    res.status(201).json({ id: report.id, status: report.status, message: '已收到纠错反馈，知识库管理员将核实处理' })
  })

  return router
}
