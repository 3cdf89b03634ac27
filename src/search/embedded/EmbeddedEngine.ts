/**
 * The in-process engine of the embedded default: our inverted index (BM25+ over the shared
 * analyzer's tokens) with field weights, weighted query terms, pseudo-relevance feedback, intent
 * boosts, filters, facets and confidence.
 */
import {
  type Analyzer,
  type AnalyzerOptions,
  createAnalyzer,
  QUERY_WEIGHTS,
  type QueryAnalysis,
} from '../analysis/analyzer'
import type { SynonymRule } from '../analysis/synonyms'
import { type ConfidenceSignals, confidenceOf, coverage, coveredWords, isConfident, isCovered } from '../confidence'
import { diversify } from '../diversify'
import { type DocumentSource, pagesOf } from '../documentPages'
import { FIELD_BOOSTS, fieldText, fieldTokens, TEXT_FIELDS, type TextField } from '../fields'
import { hitHighlights } from '../highlight'
import { type PinnedAnswer, pinKey } from '../pins'
import {
  type EngineHealth,
  FACETS,
  type Facet,
  type HitExplanation,
  type SearchDocument,
  type SearchEngine,
  type SearchQuery,
  type SearchResult,
} from '../types'
import { expiredAt, queryTime, validityWindow } from '../validity'
import { FacetColumns } from './facetColumns'
import { type Candidate, InvertedIndex, rarestIdf, topK } from './invertedIndex'
import { QuestionIndex } from './questionIndex'
import { type Slot, VisibilityMasks } from './visibilityMasks'

const FIELDS = TEXT_FIELDS

const TYPE_FACET = FACETS.indexOf('type')
const INTENT_TYPE_BOOST = 1.25
const INTENT_FIELD_BOOST = 1.15
/** Feedback: the tags and catalog leaf of the strongest hits, at a low weight. */
const FEEDBACK_DOCS = 2
const FEEDBACK_WEIGHT = 0.4
/** Hits after the best one that diversity may reorder (see ../diversify). */
const DIVERSIFY_DEPTH = 20
/** Among those, entries of the best hit's catalog leaf (its siblings: what a caller needs next) count this much more. */
const SIBLING_BOOST = 1.3
/**
 * Fallback terms (all but the caller's own words: sub-words, bigrams, characters, homophones, synonyms, feedback) found in more
 * than this share of entries are dropped: they say little (low IDF) and cost the most to score.
 */
const COMMON_FALLBACK = 0.3
/** Rebuild the index once removed documents take this share of its slots. */
const COMPACT_AT = 0.3

const facetValues = (doc: SearchDocument, facet: Facet): string[] =>
  facet === 'district' ? doc.districts : [doc[facet]].filter(Boolean)

export type EmbeddedEngineOptions = AnalyzerOptions

/** What the engine holds of its documents; a rebuild fills a new one and swaps it in whole. */
type Contents = {
  index: InvertedIndex
  questions: QuestionIndex
  documents: Map<string, SearchDocument>
  /** Per index slot: the document and what queries check about it, computed once. */
  slots: (Slot & { present: number })[]
  facets: FacetColumns
}

/** The empty list every kept document without tags or districts shares. */
const NO_STRINGS = Object.freeze([]) as unknown as string[]

export class EmbeddedEngine implements SearchEngine {
  readonly name = 'embedded'
  private analyzer: Analyzer
  private index: InvertedIndex
  private questions: QuestionIndex
  private documents = new Map<string, SearchDocument>()
  private slots: Contents['slots'] = []
  /** Structured field name → bit, so that an entry's filled fields are one integer. */
  private fieldBit = new Map<string, number>()
  private facets = new FacetColumns(FACETS.length)
  private pins = new Map<string, string[]>()
  private visibility = new VisibilityMasks()
  /** One copy of each unit, category, type, status, tag and district the kept documents name (a few thousand at most). */
  private strings = new Map<string, string>()
  private rebuilds: Promise<unknown> = Promise.resolve()
  /** Writes made while a rebuild runs, to replay into the rebuilt index. */
  private duringRebuild?: ((into: Contents) => void)[]

  private fieldBits(fields: readonly string[]): number {
    let bits = 0
    for (const f of fields) {
      let bit = this.fieldBit.get(f)
      if (bit === undefined && this.fieldBit.size < 31) this.fieldBit.set(f, (bit = 1 << this.fieldBit.size))
      bits |= bit ?? 0
    }
    return bits
  }

  constructor(private options: EmbeddedEngineOptions = {}) {
    this.analyzer = createAnalyzer(options)
    this.index = this.newIndex()
    this.questions = this.newQuestionIndex()
  }

  private newQuestionIndex(): QuestionIndex {
    return new QuestionIndex((text, field) => fieldTokens(this.analyzer, field, text))
  }

  private newIndex(): InvertedIndex {
    return new InvertedIndex(
      FIELDS.map((name) => ({ name, boost: FIELD_BOOSTS[name] })),
      (text, field) => fieldTokens(this.analyzer, field as TextField, text),
    )
  }

  private shared(value: string): string {
    const known = this.strings.get(value)
    if (known !== undefined) return known
    this.strings.set(value, value)
    return value
  }

  /**
   * The document as kept after indexing: what hits show and queries check. Body and structured
   * text are only read to build postings (hits show title and summary), the similar questions live
   * in the question index and the filled fields in the slot's bits; the few values entries share
   * are kept once. At 100k entries that is most of the documents' memory.
   */
  private stored(doc: SearchDocument): SearchDocument {
    const list = (values: string[]) => (values.length ? values.map((v) => this.shared(v)) : NO_STRINGS)
    return {
      ...doc,
      type: this.shared(doc.type),
      unit: this.shared(doc.unit),
      category: this.shared(doc.category),
      status: this.shared(doc.status),
      tags: list(doc.tags),
      districts: list(doc.districts),
      body: '',
      structured: '',
      questions: NO_STRINGS,
      present: NO_STRINGS,
    }
  }

  private get contents(): Contents {
    const { index, questions, documents, slots, facets } = this
    return { index, questions, documents, slots, facets }
  }

  private add(doc: SearchDocument, into: Contents): void {
    const slot = into.index.add(
      doc.code,
      FIELDS.map((f) => fieldText(doc, f)),
    )
    const kept = this.stored(doc)
    into.facets.set(
      slot,
      FACETS.map((f) => facetValues(kept, f)),
    )
    into.slots[slot] = { doc: kept, window: validityWindow(kept), present: this.fieldBits(doc.present) }
    into.questions.set(doc.code, doc.questions ?? [])
    into.documents.set(doc.code, kept)
    this.visibility.invalidate()
  }

  private upsertInto(doc: SearchDocument, into: Contents): void {
    // A late retry never overwrites a newer version.
    const current = into.documents.get(doc.code)
    if (!current || current.version <= doc.version) this.add(doc, into)
  }

  private deleteFrom(code: string, into: Contents): void {
    into.index.remove(code)
    into.questions.remove(code)
    into.documents.delete(code)
    this.visibility.invalidate()
  }

  async upsert(documents: SearchDocument[]): Promise<void> {
    for (const doc of documents) {
      this.upsertInto(doc, this.contents)
      this.duringRebuild?.push((into) => this.upsertInto(doc, into))
    }
    await this.compactIfNeeded()
  }

  async delete(codes: string[]): Promise<void> {
    for (const code of codes) {
      this.deleteFrom(code, this.contents)
      this.duringRebuild?.push((into) => this.deleteFrom(code, into))
    }
    await this.compactIfNeeded()
  }

  /**
   * Replaced and removed documents leave slots the index skips; once they pile up, drop them and
   * renumber the rest in place (the engine keeps no body text to analyse again).
   */
  private async compactIfNeeded(): Promise<void> {
    const piledUp = (index: { removed: number; size: number }) =>
      index.removed > COMPACT_AT * (index.size + index.removed)
    if (piledUp(this.questions)) this.questions.compact()
    if (!piledUp(this.index)) return
    const moved = this.index.compact()
    const slots: Contents['slots'] = []
    this.facets = new FacetColumns(FACETS.length)
    moved.forEach((slot, old) => {
      if (slot < 0) return
      slots[slot] = this.slots[old]
      this.facets.set(
        slot,
        FACETS.map((f) => facetValues(slots[slot]!.doc, f)),
      )
    })
    this.slots = slots
    this.visibility.invalidate()
  }

  /**
   * Builds the new index page by page beside the live one, which answers until it is swapped in;
   * writes that arrive meanwhile go to the live one and are replayed into the new one before the
   * swap (versions decide, so a replay never undoes a newer document). One rebuild at a time.
   */
  replaceAll(documents: DocumentSource): Promise<void> {
    const run = this.rebuilds.then(() => this.rebuild(documents))
    this.rebuilds = run.catch(() => undefined)
    return run
  }

  private async rebuild(documents: DocumentSource): Promise<void> {
    const next: Contents = {
      index: this.newIndex(),
      questions: this.newQuestionIndex(),
      documents: new Map(),
      slots: [],
      facets: new FacetColumns(FACETS.length),
    }
    const writes: ((into: Contents) => void)[] = (this.duringRebuild = [])
    try {
      for await (const page of pagesOf(documents)) for (const d of page) this.add(d, next)
      for (const write of writes) write(next)
    } finally {
      this.duringRebuild = undefined
    }
    next.index.trim()
    next.questions.trim()
    Object.assign(this, next)
    this.visibility.invalidate()
  }

  async setSynonyms(rules: SynonymRule[]): Promise<void> {
    // Synonyms expand queries only, so the index stays as it is.
    this.options = { ...this.options, synonyms: rules }
    this.analyzer = createAnalyzer(this.options)
  }

  async setPins(pins: PinnedAnswer[]): Promise<void> {
    this.pins = new Map(pins.map((p) => [pinKey(this.analyzer.analyzeQuery(p.query)), p.codes]))
  }

  async setWords(words: string[]): Promise<void> {
    this.options = { ...this.options, words }
    this.analyzer = createAnalyzer(this.options)
  }

  async health(): Promise<EngineHealth> {
    return { status: 'up', engine: this.name, documents: this.documents.size }
  }

  /** Feedback terms: the tags and catalog leaf of the strongest hits, at a low weight. */
  private withFeedback(top: Candidate[], query: Map<string, number>): Map<string, number> {
    const extra = new Map<string, number>()
    for (const c of top) {
      const doc = this.slots[c.doc]!.doc
      const words = [...doc.tags, doc.category.split('/').at(-1) ?? ''].flatMap((t) => this.analyzer.baselineTokens(t))
      for (const w of words) if (!query.has(w)) extra.set(w, FEEDBACK_WEIGHT)
    }
    return extra
  }

  /** Why a hit matched: each caller's word covered or not, and the fields holding query terms. */
  private explain(
    slot: number,
    analysis: QueryAnalysis,
    terms: Map<string, number>,
    matched: Set<string>,
    byQuestion: boolean,
  ): HitExplanation {
    const fields = this.index.matchedFields(slot, terms.keys())
    return {
      words: analysis.words.map((w) => ({ word: w.word, weight: w.weight, matched: isCovered(w, matched) })),
      fields: byQuestion ? [...fields, 'similarQuestion'] : fields,
    }
  }

  /** The caller's terms, plus the characters of words the index has never seen (a fallback). */
  private queryTerms(analysis: QueryAnalysis): Map<string, number> {
    const terms = new Map(analysis.terms)
    for (const w of analysis.words) {
      if (w.characters.length === 0) continue
      for (const c of w.characters) terms.set(c, Math.max(terms.get(c) ?? 0, w.weight * QUERY_WEIGHTS.character))
    }
    return terms
  }

  /** The terms worth scoring: the caller's own words, and fallback terms that are not common. */
  private informative(terms: Map<string, number>, own: ReadonlySet<string>): Map<string, number> {
    return new Map([...terms].filter(([term]) => own.has(term) || this.index.frequency(term) <= COMMON_FALLBACK))
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const started = performance.now()
    const analysis = this.analyzer.analyzeQuery(query.text)
    const time = queryTime(query.now)
    const filters = FACETS.flatMap((f, i) => {
      const values = query.filters?.[f]
      return values?.length ? [{ facet: i, wanted: new Set(values.map((v) => this.facets.idOf(i, v))) }] : []
    })
    const visible = this.visibility.get(this.slots, query, time)
    const accept = filters.length
      ? (s: number) => visible[s] === 1 && filters.every(({ facet, wanted }) => this.facets.has(s, facet, wanted))
      : visible
    const hasIntent = analysis.intent.types.size > 0 || analysis.intent.fields.size > 0
    const intentTypes = new Set([...analysis.intent.types].map((t) => this.facets.idOf(TYPE_FACET, t)))
    const intentFields = this.fieldBits([...analysis.intent.fields])
    const boost = (s: number) =>
      (intentTypes.has(this.facets.firstId(TYPE_FACET, s)) ? INTENT_TYPE_BOOST : 1) *
      ((this.slots[s]!.present & intentFields) !== 0 ? INTENT_FIELD_BOOST : 1)

    const terms = this.queryTerms(analysis)
    const own = new Set(analysis.words.map((w) => w.word))
    const scored = this.informative(terms, own)
    const firstScores = this.index.score(scored)
    // Each entry's best-matching similar question counts as one more field of it.
    const bestQuestions = this.questions.best(scored)
    for (const [code, q] of bestQuestions) {
      const slot = this.index.slotOf(code)
      if (slot === undefined) continue
      if (firstScores.scores[slot] === 0 && firstScores.matched[slot] === 0) firstScores.touched.push(slot)
      firstScores.scores[slot] += q.score
      firstScores.matched[slot] = Math.max(firstScores.matched[slot], q.matched)
    }
    const docBoost = hasIntent ? boost : undefined
    const first = this.index.candidates(firstScores, accept, docBoost)
    const leaders = topK(first, FEEDBACK_DOCS)
    // The second pass only adds the feedback terms to the first pass's sums.
    const all = leaders.length
      ? this.index.candidates(
          this.index.score(this.informative(this.withFeedback(leaders, terms), own), firstScores),
          accept,
          docBoost,
        )
      : first

    const counts = this.facets.count(all.docs, all.length)
    const facets = Object.fromEntries(FACETS.map((f, i) => [f, counts[i]])) as SearchResult['facets']

    // The caller's own words pick the best answer; feedback only reorders what follows it.
    const perPage = query.perPage ?? 10
    const page = query.page ?? 1
    const best = leaders[0]
    const pinned = (this.pins.get(pinKey(analysis)) ?? []).flatMap((code) => {
      const slot = this.index.slotOf(code)
      const accepted = slot !== undefined && (typeof accept === 'function' ? accept(slot) : accept[slot] === 1)
      return accepted ? [{ doc: slot!, score: 0 }] : []
    })
    const isPinned = new Set(pinned.map((c) => c.doc))
    const matchedOf = (slot: number, among: Iterable<string> = terms.keys()) => {
      const wanted = [...among]
      const matched = this.index.matchedTerms(slot, wanted)
      const question = bestQuestions.get(this.slots[slot]!.doc.code)
      if (question) for (const t of this.questions.matchedTerms(question.slot, wanted)) matched.add(t)
      return matched
    }
    // Diversity asks only which words a hit covers: their evidence and bigrams, not every term.
    const bestCategory = best && this.slots[best.doc]!.doc.category
    const coverageTerms = new Set(analysis.words.flatMap((w) => [...w.evidence, ...w.bigrams]))
    const following = best ? topK(all, page * perPage + 1 + pinned.length).filter((c) => c.doc !== best.doc) : []
    const head = best ? [best, ...following.slice(0, DIVERSIFY_DEPTH)] : []
    const candidates = head.map((c) => {
      const sibling = c !== best && this.slots[c.doc]!.doc.category === bestCategory
      return {
        item: c,
        score: c.score * (sibling ? SIBLING_BOOST : 1),
        covers: coveredWords(analysis.words, matchedOf(c.doc, coverageTerms)),
      }
    })
    const diversified = diversify(
      candidates,
      analysis.words.map((w) => w.weight),
    )
    const ranked = [...pinned, ...diversified, ...following.slice(DIVERSIFY_DEPTH)].filter(
      (c, i) => i < pinned.length || !isPinned.has(c.doc),
    )
    const pageHits = ranked.slice((page - 1) * perPage, page * perPage)

    // Confidence speaks of the caller's words only, so it is judged on the first pass.
    const firstScore = new Map<number, number>()
    const onPage = new Set(pageHits.map((c) => c.doc))
    for (let c = 0; c < first.length; c++) if (onPage.has(first.docs[c])) firstScore.set(first.docs[c], first.scores[c])
    // Score per unit of query weight, over the square of the largest IDF the index can give, so that
    // it reads alike on a knowledge base of a few entries and of thousands (see ../confidence).
    const strengthUnit = [...terms.values()].reduce((a, b) => a + b, 0) * rarestIdf(this.index.size) ** 2
    // The strongest hits of the first pass, for each hit's margin.
    const firstRanked = topK(first, page * perPage + 1 + pinned.length)

    const hits = pageHits.map((c) => {
      const { doc: document, window } = this.slots[c.doc]!
      const matched = matchedOf(c.doc)
      const question = bestQuestions.get(document.code)
      const own = firstScore.get(c.doc)
      let signals: ConfidenceSignals | undefined
      if (own !== undefined) {
        // The lead over the best other hit: only the strongest hit has one.
        const next = firstRanked.find((r) => r.doc !== c.doc)?.score ?? 0
        signals = {
          queryCoverage: coverage(analysis.words, matched),
          margin: own > 0 ? Math.max(0, (own - next) / own) : 0,
          strength: strengthUnit > 0 ? own / strengthUnit : 0,
        }
      }
      const confidence = signals ? confidenceOf(signals) : 0
      return {
        document,
        score: c.score,
        confidence,
        // A pinned answer is the kb-admins' own answer to the query.
        confident: isPinned.has(c.doc) || isConfident(confidence, signals?.margin ?? 0),
        signals,
        matchedQuestion: question && this.questions.text(question.slot),
        ...(query.explain
          ? { explanation: this.explain(c.doc, analysis, terms, matched, question !== undefined) }
          : {}),
        expired: expiredAt(document, window, time),
        ...hitHighlights(document, matched),
      }
    })
    const pinnedOnly = pinned.filter((c) => !Array.from(all.docs.subarray(0, all.length)).includes(c.doc)).length
    return { found: all.length + pinnedOnly, hits, facets, tookMs: performance.now() - started }
  }
}
