/**
 * The production engine: a Typesense (v30+) cluster through the official client. Documents carry our
 * analyzer's tokens in shadow fields; queries send the caller's own terms pre-segmented, most
 * important first, so that Typesense drops the weakest ones first when too little matches.
 * Synonyms live in a synonym set and pinned answers in a curation set; a reindex builds a new
 * collection and swaps the alias, so searches never see a half-built index.
 */
import { Client } from 'typesense'
import type { SearchParams } from 'typesense/lib/Typesense/Types'

import { type AnalyzerOptions, createAnalyzer } from '../analysis/analyzer'
import type { SynonymRule } from '../analysis/synonyms'
import { CONFIDENT_AT, type ConfidenceSignals, confidenceOf, coverage } from '../confidence'
import { FIELD_BOOSTS, TEXT_FIELDS } from '../fields'
import { hitHighlights } from '../highlight'
import type { PinnedAnswer } from '../pins'
import {
  type EngineHealth,
  FACETS,
  type SearchDocument,
  type SearchEngine,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
} from '../types'
import { expiredAt, queryTime, validityWindow } from '../validity'
import { buildFilter, FACET_FIELDS, idsFilter, PUBLIC_SCOPE } from './filters'
import {
  collectionSchema,
  fromTypesenseDocument,
  QUESTIONS_SHADOW,
  QUESTIONS_WEIGHT,
  shadowField,
  type TypesenseDocument,
  toTypesenseDocument,
} from './schema'

export type TypesenseOptions = {
  /** Comma-separated node URLs of the cluster. */
  url: string
  apiKey: string
  /** A search-only key; public searches then use a key scoped to public, published entries. */
  searchApiKey?: string
  /** The alias searches go through; collections are named after it. */
  alias: string
}

const IMPORT_BATCH = 500

export class TypesenseEngine implements SearchEngine {
  readonly name = 'typesense'
  private client: Client
  private publicClient: Client
  private lexicon: AnalyzerOptions = {}
  private analyzer = createAnalyzer()
  private sets: { synonyms: string; curation: string }

  constructor(private readonly options: TypesenseOptions) {
    const nodes = options.url.split(',').map((url) => ({ url: url.trim() }))
    const connect = (apiKey: string) =>
      new Client({ nodes, apiKey, connectionTimeoutSeconds: 5, numRetries: 3, logLevel: 'warn' })
    this.client = connect(options.apiKey)
    this.publicClient = options.searchApiKey
      ? connect(this.client.keys().generateScopedSearchKey(options.searchApiKey, { filter_by: PUBLIC_SCOPE }))
      : this.client
    this.sets = { synonyms: `${options.alias}_synonyms`, curation: `${options.alias}_pins` }
  }

  private documents() {
    return this.client.collections<TypesenseDocument>(this.options.alias).documents()
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    if (!documents.length) return
    // A late retry never overwrites a newer version: skip documents older than the stored ones.
    const stored = await this.documents().search({
      q: '*',
      filter_by: idsFilter(documents.map((d) => d.code)),
      include_fields: 'id,version',
      per_page: documents.length,
    })
    const versions = new Map((stored.hits ?? []).map((h) => [h.document.id, h.document.version]))
    const newer = documents.filter((d) => (versions.get(d.code) ?? -Infinity) <= d.version)
    await this.importInto(this.options.alias, newer)
  }

  private async importInto(collection: string, documents: SearchDocument[]): Promise<void> {
    for (let i = 0; i < documents.length; i += IMPORT_BATCH) {
      const batch = documents.slice(i, i + IMPORT_BATCH).map((d) => toTypesenseDocument(d, this.analyzer))
      // The client throws ImportError when any document fails, with every failure listed.
      await this.client.collections<TypesenseDocument>(collection).documents().import(batch, { action: 'upsert' })
    }
  }

  async delete(codes: string[]): Promise<void> {
    if (codes.length) await this.documents().delete({ filter_by: idsFilter(codes) })
  }

  /** Creates the synonym and curation sets a collection refers to, if they are missing. */
  private async ensureSets(): Promise<void> {
    const synonymSets = new Set((await this.client.synonymSets().retrieve()).map((s) => s.name))
    if (!synonymSets.has(this.sets.synonyms)) await this.client.synonymSets(this.sets.synonyms).upsert({ items: [] })
    const curationSets = new Set((await this.client.curationSets().retrieve()).map((s) => s.name))
    if (!curationSets.has(this.sets.curation)) await this.client.curationSets(this.sets.curation).upsert({ items: [] })
  }

  async replaceAll(documents: SearchDocument[]): Promise<void> {
    await this.ensureSets()
    const name = `${this.options.alias}_${Date.now()}`
    await this.client.collections().create(collectionSchema(name, this.sets))
    try {
      await this.importInto(name, documents)
    } catch (err) {
      await this.client.collections(name).delete()
      throw err
    }
    const previous = await this.client
      .aliases(this.options.alias)
      .retrieve()
      .then((a) => a.collection_name)
      .catch(() => undefined)
    await this.client.aliases().upsert(this.options.alias, { collection_name: name })
    if (previous && previous !== name) await this.client.collections(previous).delete()
  }

  async setSynonyms(rules: SynonymRule[]): Promise<void> {
    // Synonym phrases are segmented like queries, so that they match the pre-segmented tokens.
    const phrase = (s: string) => this.analyzer.baselineTokens(s).join(' ')
    const items = rules.map((rule, i) =>
      Array.isArray(rule)
        ? { id: `rule-${i}`, synonyms: rule.map(phrase).filter(Boolean) }
        : { id: `rule-${i}`, root: phrase(rule.root), synonyms: rule.synonyms.map(phrase).filter(Boolean) },
    )
    await this.client.synonymSets(this.sets.synonyms).upsert({ items })
    // The analyzer still needs them: synonyms count as evidence for confidence.
    this.setLexicon({ synonyms: rules })
  }

  private setLexicon(change: AnalyzerOptions): void {
    this.lexicon = { ...this.lexicon, ...change }
    this.analyzer = createAnalyzer(this.lexicon)
  }

  async setPins(pins: PinnedAnswer[]): Promise<void> {
    const items = pins.map((pin, i) => ({
      id: `pin-${i}`,
      rule: { query: this.analyzer.analyzeQuery(pin.query).literal.join(' '), match: 'exact' as const },
      includes: pin.codes.map((id, p) => ({ id, position: p + 1 })),
      // Pinned entries still obey the audience and validity filter.
      filter_curated_hits: true,
    }))
    await this.client.curationSets(this.sets.curation).upsert({ items })
  }

  async setWords(words: string[]): Promise<void> {
    this.setLexicon({ words })
  }

  async health(): Promise<EngineHealth> {
    try {
      const collection = await this.client.collections(this.options.alias).retrieve()
      return { status: 'up', engine: this.name, documents: collection.num_documents }
    } catch (err) {
      return { status: 'down', engine: this.name, documents: 0, error: (err as Error).message }
    }
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now()
    const analysis = this.analyzer.analyzeQuery(query.text)
    const time = queryTime(query.now)
    const perPage = query.perPage ?? 10
    const page = query.page ?? 1
    const queryBy = [...TEXT_FIELDS.map(shadowField), QUESTIONS_SHADOW]
    const params: SearchParams<TypesenseDocument> = {
      q: analysis.literal.join(' ') || '*',
      query_by: queryBy.join(','),
      query_by_weights: [...TEXT_FIELDS.map((f) => FIELD_BOOSTS[f]), QUESTIONS_WEIGHT]
        .map((w) => Math.round(w * 10))
        .join(','),
      pre_segmented_query: true,
      // Our bigrams and pinyin already absorb typos; Typesense's own would match unrelated tokens.
      num_typos: 0,
      prefix: false,
      drop_tokens_threshold: page * perPage + 1,
      text_match_type: 'sum_score',
      filter_by: buildFilter(query, time),
      facet_by: FACETS.map((f) => FACET_FIELDS[f]).join(','),
      max_facet_values: 100,
      highlight_fields: queryBy.join(','),
      exclude_fields: queryBy.join(','),
      synonym_sets: [this.sets.synonyms],
      page,
      per_page: perPage,
    }
    const client = query.audience === 'public' ? this.publicClient : this.client
    const response = await client.collections<TypesenseDocument>(this.options.alias).documents().search(params)

    const facets = Object.fromEntries(FACETS.map((f) => [f, {}])) as SearchResult['facets']
    for (const count of response.facet_counts ?? []) {
      const facet = FACETS.find((f) => FACET_FIELDS[f] === count.field_name)
      if (facet) facets[facet] = Object.fromEntries(count.counts.map((c) => [c.value, c.count]))
    }
    const found = response.hits ?? []
    const hits: SearchHit[] = found.map((hit) => {
      const document = fromTypesenseDocument(hit.document)
      const matched = new Set((hit.highlights ?? []).flatMap((h) => h.matched_tokens.flat()))
      // The lead over the best other hit: only the strongest hit has one.
      const next = found.find((h) => h !== hit)?.text_match ?? 0
      // Typesense's text-match score has another scale: strength is left out (0), which only lowers confidence.
      const signals: ConfidenceSignals = {
        queryCoverage: coverage(analysis.words, matched),
        margin: hit.text_match > 0 ? Math.max(0, (hit.text_match - next) / hit.text_match) : 0,
        strength: 0,
      }
      const confidence = confidenceOf(signals)
      return {
        document,
        score: hit.text_match,
        confidence,
        // A pinned answer is the kb-admins' own answer to the query.
        confident: Boolean(hit.curated) || confidence >= CONFIDENT_AT,
        signals,
        expired: expiredAt(document, validityWindow(document), time),
        ...hitHighlights(document, matched),
      }
    })
    return { found: response.found, hits, facets, tookMs: performance.now() - started }
  }
}
