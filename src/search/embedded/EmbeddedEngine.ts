/**
 * The in-process engine of the embedded default: MiniSearch (BM25+) over the shared analyzer's
 * tokens, with field weights, weighted query terms, intent boosts, filters, facets and confidence.
 */
import MiniSearch from 'minisearch'

import { type Analyzer, createAnalyzer } from '../analysis/analyzer'
import type { SynonymRule } from '../analysis/synonyms'
import { coverage, isConfident } from '../confidence'
import { highlight } from '../highlight'
import { type EngineHealth, FACETS, type Facet, type SearchDocument, type SearchEngine, type SearchQuery, type SearchResult } from '../types'
import { isExpired, isVisible } from '../validity'

const TEXT_FIELDS = ['title', 'tags', 'question', 'summary', 'structured', 'body', 'category'] as const

/** title > tags/question > summary > structured fields > body */
export const FIELD_BOOSTS: Record<(typeof TEXT_FIELDS)[number], number> = {
  title: 4,
  tags: 3,
  question: 3,
  summary: 2,
  structured: 1.2,
  body: 1,
  category: 0.5,
}

const INTENT_TYPE_BOOST = 1.25
const FEEDBACK_DOCS = 2
const FEEDBACK_WEIGHT = 0.3
const INTENT_FIELD_BOOST = 1.15

const facetValues = (doc: SearchDocument, facet: Facet): string[] =>
  facet === 'district' ? doc.districts : [doc[facet]].filter(Boolean)

export type EmbeddedEngineOptions = { synonyms?: SynonymRule[]; extraWords?: string[]; fieldBoosts?: Partial<typeof FIELD_BOOSTS> }

export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded'
  private analyzer: Analyzer
  private index: MiniSearch<SearchDocument>
  private documents = new Map<string, SearchDocument>()
  private boosts: typeof FIELD_BOOSTS

  constructor(private options: EmbeddedEngineOptions = {}) {
    this.analyzer = createAnalyzer(options)
    this.boosts = { ...FIELD_BOOSTS, ...options.fieldBoosts }
    this.index = this.newIndex()
  }

  private newIndex(): MiniSearch<SearchDocument> {
    return new MiniSearch<SearchDocument>({
      idField: 'code',
      fields: [...TEXT_FIELDS],
      extractField: (doc, field) => {
        const value = doc[field as keyof SearchDocument]
        return Array.isArray(value) ? value.join(' ') : ((value as string) ?? '')
      },
      tokenize: (text) => this.analyzer.indexTokens(text),
      processTerm: (term) => term,
    })
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (const doc of documents) {
      const current = this.documents.get(doc.code)
      // A late retry never overwrites a newer version.
      if (current && current.version > doc.version) continue
      if (current) this.index.discard(doc.code)
      this.index.add(doc)
      this.documents.set(doc.code, doc)
    }
  }

  async delete(codes: string[]): Promise<void> {
    for (const code of codes) {
      if (!this.documents.has(code)) continue
      this.index.discard(code)
      this.documents.delete(code)
    }
  }

  async replaceAll(documents: SearchDocument[]): Promise<void> {
    const index = this.newIndex()
    index.addAll(documents)
    this.index = index
    this.documents = new Map(documents.map((d) => [d.code, d]))
  }

  async setSynonyms(rules: SynonymRule[]): Promise<void> {
    // Synonyms expand queries only, so the index stays as it is.
    this.options = { ...this.options, synonyms: rules }
    this.analyzer = createAnalyzer(this.options)
  }

  async health(): Promise<EngineHealth> {
    return { status: 'up', engine: this.name, documents: this.documents.size }
  }

  /** The query's terms plus, at low weight, the tags and catalog leaf of the strongest hits. */
  private withFeedback(terms: Map<string, number>, top: { id: unknown }[]): Map<string, number> {
    const expanded = new Map(terms)
    for (const r of top) {
      const doc = this.documents.get(r.id as string)!
      const words = [...doc.tags, doc.category.split("/").at(-1) ?? ""].flatMap((t) => this.analyzer.baselineTokens(t))
      for (const w of words) if (!expanded.has(w)) expanded.set(w, FEEDBACK_WEIGHT)
    }
    return expanded
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now()
    const analysis = this.analyzer.analyzeQuery(query.text)
    const filters = query.filters ?? {}
    const accepts = (doc: SearchDocument) =>
      isVisible(doc, query) &&
      FACETS.every((f) => !filters[f]?.length || facetValues(doc, f).some((v) => filters[f]!.includes(v)))

    const run = (terms: Map<string, number>) =>
      this.index.search(query.text, {
          tokenize: () => [...terms.keys()],
          processTerm: (t) => t,
          boostTerm: (term) => terms.get(term) ?? 1,
          boost: this.boosts,
          combineWith: 'OR',
          filter: (r) => accepts(this.documents.get(r.id as string)!),
          boostDocument: (id) => {
            const doc = this.documents.get(id as string)
            if (!doc) return 1
            let factor = 1
            if (analysis.intent.types.has(doc.type)) factor *= INTENT_TYPE_BOOST
            if (doc.present.some((f) => analysis.intent.fields.has(f))) factor *= INTENT_FIELD_BOOST
            return factor
          },
        })
    const first = analysis.terms.size ? run(analysis.terms) : []
    // The caller's own words pick the best answer; feedback only reorders what follows it.
    const results = first.length
      ? [first[0], ...run(this.withFeedback(analysis.terms, first.slice(0, FEEDBACK_DOCS))).filter((r) => r.id !== first[0].id)]
      : first

    const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as SearchResult['facets']
    for (const r of results) {
      const doc = this.documents.get(r.id as string)!
      for (const f of FACETS) for (const v of facetValues(doc, f)) facets[f][v] = (facets[f][v] ?? 0) + 1
    }

    const queryWeight = [...analysis.terms.values()].reduce((a, b) => a + b, 0)
    const perPage = query.perPage ?? 10
    const page = query.page ?? 1
    // Confidence speaks of the caller's words only, so it is judged on the first pass.
    const firstPass = new Map(first.map((r) => [r.id as string, r]))
    const hits = results.slice((page - 1) * perPage, page * perPage).map((r) => {
      const document = this.documents.get(r.id as string)!
      const own = firstPass.get(document.code)
      const matched = new Set(r.terms)
      const confidence = own ? coverage(analysis, new Set(own.terms)) : 0
      return {
        document,
        score: r.score,
        confidence,
        confident: own !== undefined && isConfident(confidence, own.score, queryWeight),
        expired: isExpired(document, query.now),
        highlights: { title: highlight(document.title, matched), summary: highlight(document.summary, matched) },
      }
    })
    return { found: results.length, hits, facets, tookMs: performance.now() - started }
  }
}
