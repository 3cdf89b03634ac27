/**
 * What agents and the public ask of the knowledge base — search, one entry, an error report — shared
 * by the HTTP routers and the MCP tools, so both answer alike.
 */
import type { Payload } from 'payload'

import { recordSearch } from '../metrics'
import type { SearchEngine, SearchHit, SearchQuery, SearchResult } from '../search/types'
import { ServiceError } from './errors'
import { agentHit, entryIsExpired, publicEntry, publicHit } from './presentEntry'
import { noteSearch } from './searchLog'

export type Audience = 'agent' | 'public'

export type KnowledgeSearch = {
  q: string
  type?: string[]
  unit?: string[]
  category?: string[]
  district?: string[]
  includeExpired?: boolean
  page: number
  perPage: number
}

/** Search analytics count the first page of a search (later pages are the same search). */
function logSearch(audience: Audience, p: KnowledgeSearch, at: Date, result: SearchResult) {
  if (p.page !== 1) return
  const first = result.hits[0]
  noteSearch(audience, p.q, at, {
    found: result.found,
    firstConfident: Boolean(first?.confident),
    category: first?.document.category.split('/')[0],
  })
}

/** The engine's query for a search by this audience: the public's never filters by unit, district or validity. */
function engineQuery(audience: Audience, p: KnowledgeSearch, at: Date): SearchQuery {
  const paging = { now: at, page: p.page, perPage: p.perPage }
  return audience === 'public'
    ? { text: p.q, audience, filters: { category: p.category }, ...paging }
    : {
        text: p.q,
        audience,
        filters: { type: p.type, unit: p.unit, category: p.category, district: p.district },
        includeExpired: p.includeExpired,
        ...paging,
      }
}

/** A search's answer to its audience, counted in the metrics and the search analytics. */
function answerOf(audience: Audience, p: KnowledgeSearch, at: Date, result: SearchResult) {
  recordSearch(
    audience,
    result.tookMs,
    result.hits.some((h) => h.confident),
  )
  logSearch(audience, p, at, result)
  if (audience === 'public') return publicAnswer(p, result)
  return {
    found: result.found,
    page: p.page,
    per_page: p.perPage,
    took_ms: Math.round(result.tookMs * 100) / 100,
    hits: presentedAgentHits(result.hits, at),
    facets: result.facets,
  }
}

export type KnowledgeAnswer = ReturnType<typeof answerOf>

export async function searchKnowledge(
  engine: SearchEngine,
  audience: Audience,
  p: KnowledgeSearch,
  at: Date,
): Promise<KnowledgeAnswer> {
  return answerOf(audience, p, at, await engine.search(engineQuery(audience, p, at)))
}

/**
 * Hands `send` the answer: at once, without a promise, when the engine has the ranking at hand (the
 * result cache; most searches on a busy day), so that an HTTP answer made in one go does not pay for
 * the promises and turns of the event loop an awaited one takes; else once it is ranked, or `fail`.
 */
export function answerSearch(
  engine: SearchEngine,
  audience: Audience,
  p: KnowledgeSearch,
  at: Date,
  send: (answer: KnowledgeAnswer) => void,
  fail: (err: unknown) => void,
): void {
  const result = engine.atHand?.(engineQuery(audience, p, at))
  if (result) return send(answerOf(audience, p, at, result))
  searchKnowledge(engine, audience, p, at).then(send, fail)
}

function publicAnswer(p: KnowledgeSearch, result: SearchResult): PublicAnswer {
  const kept = publicAnswers.get(result.hits)
  if (kept && kept.page === p.page && kept.per_page === p.perPage) return kept
  const answer = {
    found: result.found,
    page: p.page,
    per_page: p.perPage,
    hits: result.hits.map(publicHit),
    facets: { category: result.facets.category, type: result.facets.type },
  }
  publicAnswers.set(result.hits, answer)
  return answer
}

/*
 * The result cache (src/search/cachedEngine.ts) hands every request for the same query the same hits
 * array: what is made of it is made once per ranking, not per request, and shared — the HTTP layer
 * serialises a shared part once too (src/http/jsonAnswer.ts). Nobody may change these objects.
 */
type PublicAnswer = {
  found: number
  page: number
  per_page: number
  hits: ReturnType<typeof publicHit>[]
  facets: Pick<SearchResult['facets'], 'category' | 'type'>
}
const publicAnswers = new WeakMap<SearchHit[], PublicAnswer>()

/** An agent's hits also say whether each entry is due for review at `at`: one presentation per such pattern. */
const agentPresentations = new WeakMap<
  SearchHit[],
  { reviewDue: number[]; byStale: Map<string, ReturnType<typeof agentHit>[]> }
>()

function presentedAgentHits(hits: SearchHit[], at: Date) {
  let kept = agentPresentations.get(hits)
  if (!kept) {
    const reviewDue = hits.map((h) => (h.document.nextReviewAt ? Date.parse(h.document.nextReviewAt) : NaN))
    kept = { reviewDue, byStale: new Map() }
    agentPresentations.set(hits, kept)
  }
  const time = at.getTime()
  // The same test agentHit makes (`stale`), on times parsed once.
  const stale = kept.reviewDue.map((due) => (due < time ? '1' : '0')).join('')
  let presented = kept.byStale.get(stale)
  if (!presented) {
    presented = hits.map((h) => agentHit(h, at))
    kept.byStale.set(stale, presented)
  }
  return presented
}

/** One published entry; the public sees public, current entries only (404, or 410 once expired). */
export async function findEntry(payload: Payload, audience: Audience, code: string, at: Date) {
  const found = await payload.find({
    collection: 'knowledge-entries',
    where: {
      and: [
        { code: { equals: code } },
        { _status: { equals: 'published' } },
        ...(audience === 'public' ? [{ audience: { equals: 'public' } }] : []),
      ],
    },
    limit: 1,
    depth: 1,
    overrideAccess: true,
  })
  const entry = found.docs[0]
  if (audience === 'public') {
    if (!entry || entry.type === 'script') throw new ServiceError(404, `没有这条公开信息：${code}`)
    if (entryIsExpired(entry, at)) throw new ServiceError(410, '该信息已过期，请以最新发布的信息为准或拨打 12345 咨询')
    return publicEntry(entry)
  }
  if (!entry) throw new ServiceError(404, `没有已发布的知识条目 ${code}`)
  return {
    ...publicEntry(entry),
    audience: entry.audience,
    expired: entryIsExpired(entry, at),
    nextReviewAt: entry.nextReviewAt ?? null,
    reviewCycleDays: entry.reviewCycleDays ?? null,
  }
}

export type Reporter = { userId?: number | string; name?: string }

/** 纠错反馈 for the kb-admins to triage (workflow: error-reports). */
export async function reportEntryError(payload: Payload, code: string, description: string, reporter: Reporter) {
  const found = await payload.find({
    collection: 'knowledge-entries',
    where: { code: { equals: code } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const entry = found.docs[0]
  if (!entry) throw new ServiceError(404, `没有知识条目 ${code}`)
  const report = await payload.create({
    collection: 'error-reports',
    overrideAccess: true,
    data: {
      entry: entry.id,
      description,
      reportedBy: reporter.userId as number | undefined,
      reporterName: reporter.name,
    },
  })
  return { id: report.id, status: report.status, message: '已收到纠错反馈，知识库管理员将核实处理' }
}

/** Stores a public "was this helpful" answer for a public, published entry. */
export async function recordFeedback(payload: Payload, code: string, helpful: boolean) {
  const found = await payload.find({
    collection: 'knowledge-entries',
    where: {
      and: [{ code: { equals: code } }, { _status: { equals: 'published' } }, { audience: { equals: 'public' } }],
    },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const entry = found.docs[0]
  if (!entry) throw new ServiceError(404, `没有这条公开信息：${code}`)
  await payload.create({ collection: 'entry-feedback', overrideAccess: true, data: { entry: entry.id, code, helpful } })
}

/** Public feedback counted per entry, the least helpful first. */
export async function feedbackCounts(payload: Payload) {
  const { docs } = await payload.find({
    collection: 'entry-feedback',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const counts = new Map<string, { code: string; helpful: number; unhelpful: number }>()
  for (const f of docs) {
    const c = counts.get(f.code ?? '') ?? { code: f.code ?? '', helpful: 0, unhelpful: 0 }
    if (f.helpful) c.helpful++
    else c.unhelpful++
    counts.set(c.code, c)
  }
  return [...counts.values()].sort((a, b) => b.unhelpful - a.unhelpful || a.code.localeCompare(b.code))
}

/**
 * An expired public entry, with the public entries it links to (its replacements), or undefined
 * when the code names no expired public entry.
 */
export async function expiredPublicEntry(payload: Payload, code: string, at: Date) {
  const found = await payload.find({
    collection: 'knowledge-entries',
    where: { and: [{ code: { equals: code } }, { audience: { equals: 'public' } }] },
    limit: 1,
    depth: 1,
    overrideAccess: true,
  })
  const entry = found.docs[0]
  if (!entry || entry.type === 'script') return undefined
  const expired = entry.workflowState === 'expired' || (entry._status === 'published' && entryIsExpired(entry, at))
  if (!expired) return undefined
  return { title: entry.title, replacements: publicEntry(entry).relatedEntries }
}
