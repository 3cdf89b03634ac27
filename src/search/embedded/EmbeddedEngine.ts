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

const TEXT_FIELDS = ['title', 'tags', 'question', 'summary', 'structured', 'body'] as const

/** title > tags/question > summary > structured fields > body */
export const FIELD_BOOSTS: Record<(typeof TEXT_FIELDS)[number], number> = {
  title: 4,
  tags: 3,
  question: 3,
  summary: 2,
  structured: 1.2,
  body: 1,
}

const INTENT_TYPE_BOOST = 1.25
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

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now()
    const analysis = this.analyzer.analyzeQuery(query.text)
    const filters = query.filters ?? {}
    const accepts = (doc: SearchDocument) =>
      isVisible(doc, query) &&
      FACETS.every((f) => !filters[f]?.length || facetValues(doc, f).some((v) => filters[f]!.includes(v)))

    const results = analysis.terms.size
      ? this.index.search(query.text, {
          tokenize: () => [...analysis.terms.keys()],
          processTerm: (t) => t,
          boostTerm: (term) => analysis.terms.get(term) ?? 1,
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
      : []

    const facets = Object.fromEntries(FACETS.map((f) => [f, {} as Record<string, number>])) as SearchResult['facets']
    for (const r of results) {
      const doc = this.documents.get(r.id as string)!
      for (const f of FACETS) for (const v of facetValues(doc, f)) facets[f][v] = (facets[f][v] ?? 0) + 1
    }

    const queryWeight = [...analysis.terms.values()].reduce((a, b) => a + b, 0)
    const perPage = query.perPage ?? 10
    const page = query.page ?? 1
    const hits = results.slice((page - 1) * perPage, page * perPage).map((r) => {
      const document = this.documents.get(r.id as string)!
      const matched = new Set(r.terms)
      const confidence = coverage(analysis, matched)
      return {
        document,
        score: r.score,
        confidence,
        confident: isConfident(confidence, r.score, queryWeight),
        expired: isExpired(document, query.now),
        highlights: { title: highlight(document.title, matched), summary: highlight(document.summary, matched) },
      }
    })
    return { found: results.length, hits, facets, tookMs: performance.now() - started }
  }
}
