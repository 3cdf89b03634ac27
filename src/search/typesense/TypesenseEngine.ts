/**
 * The production engine: a Typesense (v30+) cluster through the official client. Documents carry our
 * analyzer's tokens in shadow fields; queries send the caller's own terms pre-segmented, most
 * important first, so that Typesense drops the weakest ones first when too little matches.
 * Synonyms live in a synonym set and pinned answers in a curation set; a reindex builds a new
 * collection and swaps the alias, so searches never see a half-built index.
 */
import { Client, Errors } from 'typesense'
import type { SearchResponse } from 'typesense/lib/Typesense/Documents'
import type { SearchParams } from 'typesense/lib/Typesense/Types'

import { type AnalyzerOptions, createAnalyzer } from '../analysis/analyzer'
import type { SynonymRule } from '../analysis/synonyms'
import {
  CONFIDENT_WITHOUT_STRENGTH_AT,
  type ConfidenceSignals,
  confidenceOf,
  coverage,
  isConfident,
  isCovered,
} from '../confidence'
import { type DocumentSource, pagesOf } from '../documentPages'
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
import { buildFilter, FACET_FIELDS, idsFilter, PUBLIC_SCOPE, quote } from './filters'
import {
  curationItems,
  DROP_TOKENS_THRESHOLD,
  queryByWeights,
  queryTokens,
  synonymItems,
  typesenseToken,
} from './requests'
import {
  collectionSchema,
  fromTypesenseDocument,
  QUESTIONS_SHADOW,
  QUESTIONS_WEIGHT,
  OPTIONAL_FIELDS,
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
  /** How requests reach the server; tests pass a recorder to see what would be sent. */
  adapter?: ConstructorParameters<typeof Client>[0]['axiosAdapter']
}

/** Writes that arrive while a reindex fills the next collection, replayed into it before the swap. */
type PendingWrite = { upsert: SearchDocument } | { delete: string }

const IMPORT_BATCH = 500

export class TypesenseEngine implements SearchEngine {
  readonly name = 'typesense'
  private client: Client
  private publicClient: Client
  private lexicon: AnalyzerOptions = {}
  private analyzer = createAnalyzer()
  private sets: { synonyms: string; curation: string }
  private pending: PendingWrite[] | undefined

  constructor(private readonly options: TypesenseOptions) {
    const nodes = options.url.split(',').map((url) => ({ url: url.trim() }))
    const connect = (apiKey: string) =>
      new Client({
        nodes,
        apiKey,
        connectionTimeoutSeconds: 5,
        numRetries: 3,
        logLevel: 'warn',
        axiosAdapter: options.adapter,
      })
    this.client = connect(options.apiKey)
    this.publicClient = options.searchApiKey
      ? connect(this.client.keys().generateScopedSearchKey(options.searchApiKey, { filter_by: PUBLIC_SCOPE }))
      : this.client
    this.sets = { synonyms: `${options.alias}_synonyms`, curation: `${options.alias}_pins` }
  }

  private documents(collection = this.options.alias) {
    return this.client.collections<TypesenseDocument>(collection).documents()
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (const doc of documents) {
      this.pending?.push({ upsert: doc })
      await this.writeIfNewer(this.options.alias, doc)
    }
  }

  /**
   * A late retry never overwrites a newer version, decided by the server in one write: an update
   * filtered on `version:<=` (update by filter, PATCH /documents?filter_by=) changes nothing when the
   * stored version is newer, and a create (409 when the id exists) adds a missing document. Reading
   * the stored version first and writing after could read a lagging follower of the cluster.
   */
  private async writeIfNewer(collection: string, doc: SearchDocument): Promise<void> {
    const document = toTypesenseDocument(doc, this.analyzer)
    // Fields the new version lacks are removed by sending them as null; the id is the filter's.
    const { id: _id, ...fields } = document
    const update = { ...Object.fromEntries(OPTIONAL_FIELDS.map((f) => [f, null])), ...fields } as TypesenseDocument
    const onlyOlder = `id:=${quote(doc.code)} && version:<=${doc.version}`
    const updateOlder = () => this.documents(collection).update(update, { filter_by: onlyOlder })
    if ((await updateOlder()).num_updated > 0) return
    try {
      await this.documents(collection).create(document)
    } catch (err) {
      if (!(err instanceof Errors.ObjectAlreadyExists)) throw err
      // It exists: newer (this update changes nothing) or just created by an older write (replaced).
      await updateOlder()
    }
  }

  private async importInto(collection: string, documents: DocumentSource): Promise<void> {
    for await (const page of pagesOf(documents, IMPORT_BATCH)) {
      const batch = page.map((d) => toTypesenseDocument(d, this.analyzer))
      // The client throws ImportError when any document fails, with every failure listed.
      await this.client.collections<TypesenseDocument>(collection).documents().import(batch, { action: 'upsert' })
    }
  }

  async delete(codes: string[]): Promise<void> {
    if (!codes.length) return
    for (const code of codes) this.pending?.push({ delete: code })
    await this.documents().delete({ filter_by: idsFilter(codes) })
  }

  /** Creates the synonym and curation sets a collection refers to, if they are missing. */
  private async ensureSets(): Promise<void> {
    const synonymSets = new Set((await this.client.synonymSets().retrieve()).map((s) => s.name))
    if (!synonymSets.has(this.sets.synonyms)) await this.client.synonymSets(this.sets.synonyms).upsert({ items: [] })
    const curationSets = new Set((await this.client.curationSets().retrieve()).map((s) => s.name))
    if (!curationSets.has(this.sets.curation)) await this.client.curationSets(this.sets.curation).upsert({ items: [] })
  }

  /**
   * Builds a new collection and swaps the alias. Writes that arrive meanwhile go to the live
   * collection as usual and are also queued, then replayed into the new one (versions decide, so a
   * replay never undoes a newer document) before and after the swap.
   */
  async replaceAll(documents: DocumentSource): Promise<void> {
    if (this.pending) throw new Error('a reindex is already running in this process')
    this.pending = []
    try {
      await this.ensureSets()
      const name = `${this.options.alias}_${Date.now()}`
      await this.client.collections().create(collectionSchema(name, this.sets))
      try {
        await this.importInto(name, documents)
        await this.replay(name)
      } catch (err) {
        await this.client.collections(name).delete()
        throw err
      }
      const previous = await this.aliasTarget()
      await this.client.aliases().upsert(this.options.alias, { collection_name: name })
      await this.replay(name)
      if (previous && previous !== name) await this.client.collections(previous).delete()
    } finally {
      this.pending = undefined
    }
  }

  private async replay(collection: string): Promise<void> {
    while (this.pending?.length) {
      const write = this.pending.shift()!
      if ('upsert' in write) await this.writeIfNewer(collection, write.upsert)
      else await this.documents(collection).delete({ filter_by: idsFilter([write.delete]) })
    }
  }

  /** The collection the alias points to; none on a fresh cluster (404), any other error stops the swap. */
  private async aliasTarget(): Promise<string | undefined> {
    try {
      return (await this.client.aliases(this.options.alias).retrieve()).collection_name
    } catch (err) {
      if (err instanceof Errors.ObjectNotFound) return undefined
      throw err
    }
  }

  async setSynonyms(rules: SynonymRule[]): Promise<void> {
    // Synonym phrases are segmented like queries, so that they match the pre-segmented tokens.
    const phrase = (s: string) => this.analyzer.baselineTokens(s).map(typesenseToken).filter(Boolean).join(' ')
    const { items } = synonymItems(rules, phrase)
    await this.client.synonymSets(this.sets.synonyms).upsert({ items })
    // The analyzer still needs them: synonyms count as evidence for confidence.
    this.setLexicon({ synonyms: rules })
  }

  private setLexicon(change: AnalyzerOptions): void {
    this.lexicon = { ...this.lexicon, ...change }
    this.analyzer = createAnalyzer(this.lexicon)
  }

  async setPins(pins: PinnedAnswer[]): Promise<void> {
    // The rule's query is what the search sends as `q` for the same question.
    const { items } = curationItems(pins, (text) => queryTokens(this.analyzer.analyzeQuery(text).literal).join(' '))
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
    const facets = Object.fromEntries(FACETS.map((f) => [f, {}])) as SearchResult['facets']
    const tokens = queryTokens(analysis.literal)
    // Stop words only (你好, 请问): nothing to look for, as in the embedded engine; `q=*` would match all.
    if (tokens.length === 0) return { found: 0, hits: [], facets, tookMs: performance.now() - started }
    const queryBy = [...TEXT_FIELDS.map(shadowField), QUESTIONS_SHADOW]
    const params: SearchParams<TypesenseDocument> = {
      q: tokens.join(' '),
      query_by: queryBy.join(','),
      query_by_weights: queryByWeights({ ...FIELD_BOOSTS, [QUESTIONS_SHADOW]: QUESTIONS_WEIGHT }).join(','),
      pre_segmented_query: true,
      // Our bigrams and pinyin already absorb typos; Typesense's own would match unrelated tokens.
      num_typos: 0,
      prefix: false,
      drop_tokens_threshold: DROP_TOKENS_THRESHOLD,
      text_match_type: 'sum_score',
      filter_by: buildFilter(query, time),
      facet_by: FACETS.map((f) => FACET_FIELDS[f]).join(','),
      max_facet_values: 100,
      // Highlights are ours (from the returned tokens); the server's cover a snippet window only.
      highlight_fields: 'none',
      synonym_sets: [this.sets.synonyms],
      page,
      per_page: perPage,
    }
    const client = query.audience === 'public' ? this.publicClient : this.client
    // POST: a GET query string over 4,000 characters is refused (src/http_server.cpp), and a long
    // spoken question with its shadow tokens passes that.
    const { results } = await client.multiSearch.perform<[TypesenseDocument]>({
      searches: [{ collection: this.options.alias, ...params }],
    })
    const response = results[0] as SearchResponse<TypesenseDocument>
    if (response.error) throw new Error(`Typesense search failed (${response.code}): ${response.error}`)

    for (const count of response.facet_counts ?? []) {
      const facet = FACETS.find((f) => FACET_FIELDS[f] === count.field_name)
      if (facet) facets[facet] = Object.fromEntries(count.counts.map((c) => [c.value, c.count]))
    }
    const found = response.hits ?? []
    // From the returned document: the server reports matched tokens only inside a snippet window.
    const matchedOf = found.map((hit) => matchedTerms(hit.document, analysis.terms.keys()))
    const hits: SearchHit[] = found.map((hit, i) => {
      const document = fromTypesenseDocument(hit.document)
      const matched = matchedOf[i]!
      // The lead over the best other hit: only the strongest hit has one.
      const next = found.find((h) => h !== hit)?.text_match ?? 0
      // Typesense's text-match score has another scale: strength is left out (the model without it).
      const signals: ConfidenceSignals = {
        queryCoverage: coverage(analysis.words, matched),
        margin: hit.text_match > 0 ? Math.max(0, (hit.text_match - next) / hit.text_match) : 0,
      }
      const confidence = confidenceOf(signals)
      return {
        document,
        score: hit.text_match,
        confidence,
        // A pinned answer is the kb-admins' own answer to the query.
        confident: Boolean(hit.curated) || isConfident(confidence, signals.margin, CONFIDENT_WITHOUT_STRENGTH_AT),
        signals,
        ...(query.explain
          ? {
              explanation: {
                words: analysis.words.map((w) => ({ word: w.word, weight: w.weight, matched: isCovered(w, matched) })),
                fields: matchedFields(hit.document, analysis.terms.keys()),
              },
            }
          : {}),
        expired: expiredAt(document, validityWindow(document), time),
        ...hitHighlights(document, matched),
      }
    })
    return { found: response.found, hits, facets, tookMs: performance.now() - started }
  }
}

/**
 * The query terms a returned document holds, read from its shadow fields. The server's
 * `matched_tokens` cover only the snippet window of a field over 30 tokens (`snippet_threshold`,
 * `highlight_affix_num_tokens`), so words matched deep in a summary or body did not count.
 */
export function matchedTerms(stored: TypesenseDocument, terms: Iterable<string>): Set<string> {
  const held = new Set<string>()
  for (const field of TEXT_FIELDS) for (const t of (stored[`t_${field}`] ?? '').split(' ')) held.add(t)
  for (const question of stored.t_questions ?? []) for (const t of question.split(' ')) held.add(t)
  return new Set([...terms].filter((t) => held.has(typesenseToken(t))))
}

/** The text fields of a returned document (shadow fields; `similarQuestion` for 相似问) holding a query term. */
export function matchedFields(stored: TypesenseDocument, terms: Iterable<string>): string[] {
  const wanted = new Set([...terms].map(typesenseToken))
  const holds = (text: string) => text.split(' ').some((t) => wanted.has(t))
  const fields: string[] = TEXT_FIELDS.filter((field) => holds(stored[`t_${field}`] ?? ''))
  if ((stored.t_questions ?? []).some(holds)) fields.push('similarQuestion')
  return fields
}
