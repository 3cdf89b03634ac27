/** The search contract both engines implement; nothing here knows Payload or HTTP. */
import type { SynonymRule } from './analysis/synonyms'
import type { ConfidenceSignals } from './confidence'
import type { DocumentSource } from './documentPages'
import type { MarkRange } from './highlight'
import type { PinnedAnswer } from './pins'

/** One knowledge entry as the index sees it. */
export type SearchDocument = {
  code: string
  version: number
  type: string
  title: string
  summary: string
  body: string
  tags: string[]
  question: string
  /** 相似问: other ways callers ask for the entry, each matched as a phrasing of its own. */
  questions: string[]
  /** Text of the structured fields (materials, steps, address …), for matching. */
  structured: string
  /** Names of the structured fields that have content, for intent boosts (fee, materials …). */
  present: string[]
  unit: string
  category: string
  districts: string[]
  audience: 'public' | 'internal'
  status: string
  validFrom?: string
  validUntil?: string
  reviewedAt?: string
  nextReviewAt?: string
}

export const FACETS = ['type', 'unit', 'category', 'district', 'audience', 'status'] as const
export type Facet = (typeof FACETS)[number]

export type SearchQuery = {
  text: string
  /** public: only published, public, currently valid entries; agent: internal ones too. */
  audience: 'public' | 'agent'
  filters?: Partial<Record<Facet, string[]>>
  /** Agents may ask for expired entries too (marked as such). */
  includeExpired?: boolean
  now: Date
  page?: number
  perPage?: number
  /** Say on each hit why it matched (检索测试); costs a little per hit, so off for live searches. */
  explain?: boolean
}

/** Why a hit matched: the caller's words with their weights and whether the entry covers each, and the fields that matched. */
export type HitExplanation = {
  words: { word: string; weight: number; matched: boolean }[]
  /** Fields holding a term of the query (title, tags, summary …; `similarQuestion` when a similar question matched). */
  fields: string[]
}

export type SearchHit = {
  document: SearchDocument
  score: number
  /** How likely the entry answers the query (0–1), from the signals below. */
  confidence: number
  /** Whether the entry really answers the query (confidence at or above the threshold). */
  confident: boolean
  /** What the confidence was judged on (absent for hits the caller's own words did not find). */
  signals?: ConfidenceSignals
  /** The similar question (相似问) that matched the query best, if any did. */
  matchedQuestion?: string
  /** With `explain`: why it matched. */
  explanation?: HitExplanation
  expired: boolean
  /** HTML-escaped fragments with `<mark>`, for API callers; absent when nothing matched there. */
  highlights: { title?: string; summary?: string }
  /** The same marks as ranges into the title and summary: pages render these, never HTML. */
  marks: { title: MarkRange[]; summary: MarkRange[] }
}

export type SearchResult = {
  found: number
  hits: SearchHit[]
  facets: Record<Facet, Record<string, number>>
  tookMs: number
}

export type EngineHealth = { status: 'up' | 'down'; engine: string; documents: number; error?: string }

export interface SearchEngine {
  readonly name: string
  upsert(documents: SearchDocument[]): Promise<void>
  delete(codes: string[]): Promise<void>
  search(query: SearchQuery): Promise<SearchResult>
  /** What `search` would answer, when the engine has it at hand (a kept ranking) without waiting; else undefined. */
  atHand?(query: SearchQuery): SearchResult | undefined
  setSynonyms(rules: SynonymRule[]): Promise<void>
  /** Entries kb-admins put first for a query; they still obey audience, validity and filters. */
  setPins(pins: PinnedAnswer[]): Promise<void>
  /** Replaces the hotline vocabulary the segmenter keeps whole; rebuild the index afterwards. */
  setWords(words: string[]): Promise<void>
  /** Replaces the whole index with these documents (reindex), given at once or page by page. */
  replaceAll(documents: DocumentSource): Promise<void>
  health(): Promise<EngineHealth>
}
