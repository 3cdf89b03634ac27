/**
 * A cached ranking is presented once and shared by the requests that get it (knowledgeQueries.ts),
 * but what depends on the hotline time — an agent's `stale` — still follows the time of each request.
 */
import { CachedSearchEngine } from '../../src/search/cachedEngine'
import type { SearchDocument, SearchEngine, SearchResult } from '../../src/search/types'
import { searchKnowledge } from '../../src/services/knowledgeQueries'
import { stubEngine } from '../helpers/stubEngine'

const document = (code: string, nextReviewAt?: string): SearchDocument => ({
  code,
  version: 1,
  type: 'guide',
  title: `条目 ${code}`,
  summary: '摘要',
  body: '',
  tags: [],
  question: '',
  questions: [],
  structured: '',
  present: [],
  unit: '市公安局',
  category: '户籍',
  districts: [],
  audience: 'public',
  status: 'published',
  nextReviewAt,
})

function engineOf(documents: SearchDocument[]) {
  let searches = 0
  const engine = stubEngine(
    'fixed',
    async () => {
      searches++
      return {
        found: documents.length,
        hits: documents.map((d) => ({
          document: d,
          score: 1,
          confidence: 0.9,
          confident: true,
          expired: false,
          highlights: {},
          marks: { title: [], summary: [] },
        })),
        facets: { type: {}, unit: {}, category: { 户籍: documents.length }, district: {}, audience: {}, status: {} },
        tookMs: 3,
      } satisfies SearchResult
    },
    documents.length,
  )
  return { engine: new CachedSearchEngine(engine, { ttlMs: 60_000, maxEntries: 10 }), searches: () => searches }
}

const at = new Date('2026-11-30T10:00:00+08:00')
const search = { q: '身份证', page: 1, perPage: 10 }

type AgentAnswer = { took_ms: number; hits: { stale: boolean }[] }
const agentSearch = async (engine: SearchEngine, time: Date) =>
  (await searchKnowledge(engine, 'agent', search, time)) as unknown as AgentAnswer

describe('shared search answers', () => {
  it('gives every request for a cached public query the same answer, and another page its own', async () => {
    const { engine, searches } = engineOf([document('KB-1'), document('KB-2')])
    const first = await searchKnowledge(engine, 'public', search, at)
    const again = await searchKnowledge(engine, 'public', search, new Date(at.getTime() + 1_000))
    expect(again).toBe(first)
    expect(searches()).toBe(1)
    expect(first).toMatchObject({ found: 2, page: 1, per_page: 10, facets: { category: { 户籍: 2 } } })
    expect(first.hits.map((h) => h.url)).toEqual(['/entries/KB-1', '/entries/KB-2'])
    const second = await searchKnowledge(engine, 'public', { ...search, page: 2 }, at)
    expect(second).not.toBe(first)
    expect(second.page).toBe(2)
  })

  it('marks an agent’s hit stale from the request’s own time, though the ranking is cached', async () => {
    const { engine, searches } = engineOf([document('KB-1', '2026-11-30T10:00:20+08:00'), document('KB-2')])
    const before = await agentSearch(engine, at)
    const after = await agentSearch(engine, new Date(at.getTime() + 30_000))
    expect(searches()).toBe(1)
    expect(before.hits.map((h) => h.stale)).toEqual([false, false])
    expect(after.hits.map((h) => h.stale)).toEqual([true, false])
    // Requests at the same state share one presentation of the hits; took_ms is each request's own.
    const later = await agentSearch(engine, new Date(at.getTime() + 40_000))
    expect(later.hits).toBe(after.hits)
    expect(later).not.toBe(after)
    expect(typeof later.took_ms).toBe('number')
  })
})
