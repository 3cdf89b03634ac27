/**
 * /api/v1/agent: search, suggestions and full entries for agents on a live call. The search itself is
 * mounted ahead of the routers (createApp.ts), behind the same caller check and per-caller limit as
 * the rest of this API: one of each per application, so that a key's limit counts all its calls.
 */
import { type RequestHandler, Router } from 'express'
import type { Payload } from 'payload'

import { AGENT_API_ROLES, type Caller, rateLimitPerCaller, requireCaller } from '../../auth/callers'
import { now } from '../../domain/clock'
import type { SearchEngine } from '../../search/types'
import { answerSearch, findEntry, reportEntryError } from '../../services/knowledgeQueries'
import { noteSearchUse } from '../../services/searchLog'
import { sendJsonOfSharedParts } from '../jsonAnswer'
import { agentSearchParams, errorReportBody, openedFrom, parseParams, suggestParams } from '../searchParams'

/** Who may call the agent API (signed-in hotline staff, or a key with the agent scope), and how often. */
export function agentAccess(payload: Payload): RequestHandler[] {
  return [requireCaller(payload, { roles: AGENT_API_ROLES, scope: 'agent' }), rateLimitPerCaller(payload, 'agent', 600)]
}

/** GET /api/v1/agent/search, behind `agentAccess`; a ranking the result cache holds is answered at once. */
export const agentSearch =
  (engine: () => SearchEngine): RequestHandler =>
  (req, res, next) => {
    const { include_expired, per_page, ...p } = parseParams(agentSearchParams, req.query)
    const search = { ...p, includeExpired: include_expired, perPage: per_page }
    const send = (answer: Record<string, unknown>) => sendJsonOfSharedParts(req, res, answer)
    answerSearch(engine(), 'agent', search, now(), send, next)
  }

/** The rest of the agent API, behind the same `access` as the search. */
export function agentRouter(payload: Payload, engine: () => SearchEngine, access: RequestHandler[]): Router {
  const router = Router()
  router.use(access)

  router.get('/suggest', async (req, res) => {
    const p = parseParams(suggestParams, req.query)
    const result = await engine().search({ text: p.q, audience: 'agent', now: now(), perPage: 8 })
    res.json({
      suggestions: result.hits.map((h) => ({ code: h.document.code, title: h.document.title, type: h.document.type })),
    })
  })

  // `q`: the search the entry was opened from (the console sends it), counted as a use of its hits.
  router.get('/entries/:code', async (req, res) => {
    const { q } = parseParams(openedFrom, req.query)
    const entry = await findEntry(payload, 'agent', req.params.code, now())
    if (q?.trim()) noteSearchUse('agent', q, now())
    res.json(entry)
  })

  // 纠错反馈: an agent (or their tool) reports wrong knowledge for the kb-admins to triage.
  router.post('/entries/:code/error-reports', async (req, res) => {
    const { description } = parseParams(errorReportBody, req.body ?? {})
    const caller = res.locals.caller as Caller
    const reporter = caller.kind === 'user' ? { userId: caller.id } : { name: caller.name }
    res.status(201).json(await reportEntryError(payload, req.params.code, description, reporter))
  })

  return router
}
