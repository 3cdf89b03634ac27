/**
 * A compact in-memory inverted index with field-weighted BM25+ scoring (the scoring MiniSearch
 * uses: per-field IDF, k=1.2, d=0.5, and a final factor of the weight of the query terms a document
 * matched), with length normalisation b=0.8 rather than MiniSearch's 0.7: a long body that mentions
 * a word in passing should not crowd out entries that hold it in a short field. Postings live in typed arrays, so 100k entries fit in a few hundred MB and a
 * query costs the length of its terms' postings. Measured against MiniSearch: see README "Search".
 */
class GrowableArray<T extends Int32Array | Uint16Array> {
  length = 0
  constructor(public data: T) {}
  push(value: number): void {
    // A quarter more each time: postings are most of the index, so spare room is memory (doubling
    // left 40 % of 100k entries' postings empty) and copying a quarter more is cheap.
    if (this.length === this.data.length) this.resize(this.length + (this.length >> 2) + 4)
    this.data[this.length++] = value
  }
  /** Gives back the spare room (after a build). */
  trim(): void {
    if (this.data.length > this.length) this.resize(this.length)
  }
  private resize(size: number): void {
    const next = new (this.data.constructor as new (n: number) => T)(size)
    next.set(this.data.subarray(0, this.length))
    this.data = next
  }
}

const growable = <T extends Int32Array | Uint16Array>(data: T, length = data.length) =>
  Object.assign(new GrowableArray(data), { length })

type Posting = { docs: GrowableArray<Int32Array>; tfs: GrowableArray<Uint16Array> }

export type FieldSpec = { name: string; boost: number }
export type Candidate = { doc: number; score: number }
/** Matching documents and their scores in parallel typed arrays: no object per candidate. */
export type CandidateList = { docs: Int32Array; scores: Float64Array; length: number }

/** Raw per-document sums of one scoring pass, which a later pass may extend with more terms. */
export type Scores = { scores: Float64Array; matched: Float32Array; touched: number[]; terms: number }

const BM25 = { k: 1.2, b: 0.8, d: 0.5 }

/** BM25's IDF of a term found in `count` of `live` documents. */
const idfOf = (live: number, count: number) => Math.log(1 + (live - count + 0.5) / (count + 0.5))

/** The largest IDF an index of `live` documents gives: a term only one document holds. */
export const rarestIdf = (live: number): number => idfOf(Math.max(live, 1), 1)

export class InvertedIndex {
  private postings = new Map<string, (Posting | undefined)[]>()
  private fieldLengths: GrowableArray<Int32Array>[]
  private totalLength: number[]
  private ids: (string | undefined)[] = []
  private byId = new Map<string, number>()

  constructor(
    private fields: FieldSpec[],
    private tokenize: (text: string, field: string) => string[],
  ) {
    this.fieldLengths = fields.map(() => new GrowableArray(new Int32Array(1024)))
    this.totalLength = fields.map(() => 0)
  }

  get size(): number {
    return this.byId.size
  }

  /** Slots taken by removed documents; the owner rebuilds when they pile up. */
  get removed(): number {
    return this.ids.length - this.byId.size
  }

  /** Share of the documents a term occurs in (in its most frequent field), 0–1. */
  frequency(term: string): number {
    const perField = this.postings.get(term)
    if (!perField || this.byId.size === 0) return 0
    let most = 0
    for (let f = 0; f < perField.length; f++) most = Math.max(most, perField[f]?.docs.length ?? 0)
    return most / this.ids.length
  }

  /** Adds (or replaces) a document; returns its slot, which identifies it until it is removed. */
  add(id: string, texts: string[]): number {
    this.remove(id)
    const doc = this.ids.length
    this.ids.push(id)
    this.byId.set(id, doc)
    this.fields.forEach((field, f) => {
      const tokens = this.tokenize(texts[f] ?? '', field.name)
      this.fieldLengths[f].push(tokens.length)
      this.totalLength[f] += tokens.length
      const counts = new Map<string, number>()
      for (const t of tokens) counts.set(t, (counts.get(t) ?? 0) + 1)
      for (const [term, tf] of counts) {
        let perField = this.postings.get(term)
        if (!perField) this.postings.set(term, (perField = []))
        const posting = (perField[f] ??= {
          docs: new GrowableArray(new Int32Array(4)),
          tfs: new GrowableArray(new Uint16Array(4)),
        })
        posting.docs.push(doc)
        posting.tfs.push(Math.min(tf, 65535))
      }
    })
    return doc
  }

  /** Gives back the spare room of every posting (after a build: later adds grow them again). */
  trim(): void {
    for (const perField of this.postings.values())
      for (const p of perField) {
        p?.docs.trim()
        p?.tfs.trim()
      }
    for (const lengths of this.fieldLengths) lengths.trim()
  }

  /**
   * Drops the slots of removed documents and renumbers the rest in the same order, from the
   * postings alone (no text is analysed again). Returns each old slot's new slot, or -1.
   */
  compact(): Int32Array {
    const moved = new Int32Array(this.ids.length).fill(-1)
    const ids: string[] = []
    this.ids.forEach((id, doc) => {
      if (id === undefined) return
      moved[doc] = ids.length
      this.byId.set(id, ids.length)
      ids.push(id)
    })
    this.fieldLengths = this.fieldLengths.map((lengths) => {
      const kept = new Int32Array(ids.length)
      for (let doc = 0; doc < moved.length; doc++) if (moved[doc] >= 0) kept[moved[doc]] = lengths.data[doc]
      return growable(kept)
    })
    for (const [term, perField] of this.postings) {
      const kept = perField.map((p) => {
        if (!p) return undefined
        const docs = new Int32Array(p.docs.length)
        const tfs = new Uint16Array(p.docs.length)
        let n = 0
        for (let i = 0; i < p.docs.length; i++) {
          const doc = moved[p.docs.data[i]]
          if (doc < 0) continue
          docs[n] = doc
          tfs[n++] = p.tfs.data[i]
        }
        return n ? { docs: growable(docs.slice(0, n)), tfs: growable(tfs.slice(0, n)) } : undefined
      })
      if (kept.some(Boolean)) this.postings.set(term, kept)
      else this.postings.delete(term)
    }
    this.ids = ids
    return moved
  }

  remove(id: string): void {
    const doc = this.byId.get(id)
    if (doc === undefined) return
    this.byId.delete(id)
    this.ids[doc] = undefined
    this.fields.forEach((_, f) => (this.totalLength[f] -= this.fieldLengths[f].data[doc]))
  }

  slotOf(id: string): number | undefined {
    return this.byId.get(id)
  }

  idOf(doc: number): string {
    return this.ids[doc]!
  }

  /** Sums the BM25+ contributions of the terms (on top of an earlier pass, if given). */
  score(terms: Map<string, number>, previous?: Scores): Scores {
    const n = this.ids.length
    const scores = previous ? Float64Array.from(previous.scores) : new Float64Array(n)
    const matched = previous ? Float32Array.from(previous.matched) : new Float32Array(n)
    const seen = new Uint8Array(n)
    const touched = previous ? [...previous.touched] : []
    for (const doc of touched) seen[doc] = 1
    const lastTerm = new Int32Array(n).fill(-1)
    const live = this.byId.size
    const ids = this.ids
    let termIndex = 0
    for (const [term, weight] of terms) {
      const perField = this.postings.get(term)
      termIndex++
      if (!perField) continue
      for (let f = 0; f < this.fields.length; f++) {
        const posting = perField[f]
        if (!posting) continue
        const docs = posting.docs.data
        const tfs = posting.tfs.data
        const count = posting.docs.length
        const avg = this.totalLength[f] / Math.max(1, live) || 1
        const idf = idfOf(live, count)
        const lengths = this.fieldLengths[f].data
        const factor = weight * this.fields[f].boost * idf
        // BM25+ term: d + tf·(k+1) / (tf + k·(1 − b + b·len/avg)), with the length part precomputed.
        const kb = BM25.k * (1 - BM25.b)
        const kbl = (BM25.k * BM25.b) / avg
        for (let i = 0; i < count; i++) {
          const doc = docs[i]
          if (ids[doc] === undefined) continue
          const tf = tfs[i]
          const norm = tf + kb + kbl * lengths[doc]
          if (!seen[doc]) {
            seen[doc] = 1
            touched.push(doc)
          }
          if (lastTerm[doc] !== termIndex) {
            lastTerm[doc] = termIndex
            matched[doc] += weight
          }
          scores[doc] += factor * (BM25.d + (tf * (BM25.k + 1)) / norm)
        }
      }
    }
    return { scores, matched, touched, terms: (previous?.terms ?? 0) + terms.size }
  }

  /**
   * The documents `accept` lets through (a byte per slot, or a predicate), each scored times the
   * number of query terms it matched.
   */
  candidates(
    { scores, matched, touched }: Scores,
    accept: Uint8Array | ((doc: number) => boolean),
    docBoost?: (doc: number) => number,
  ): CandidateList {
    const docs = new Int32Array(touched.length)
    const out = new Float64Array(touched.length)
    const mask = accept instanceof Uint8Array ? accept : undefined
    const predicate = mask ? undefined : (accept as (doc: number) => boolean)
    let length = 0
    for (let i = 0; i < touched.length; i++) {
      const doc = touched[i]
      if (mask ? mask[doc] !== 1 : !predicate!(doc)) continue
      if (this.ids[doc] === undefined) continue
      docs[length] = doc
      out[length++] = scores[doc] * matched[doc] * (docBoost ? docBoost(doc) : 1)
    }
    return { docs, scores: out, length }
  }

  search(terms: Map<string, number>, accept: (doc: number) => boolean): CandidateList {
    return this.candidates(this.score(terms), accept)
  }

  /** The query terms a document contains (postings are in document order, so a binary search). */
  /** Names of the fields in which the document holds one of the terms. */
  matchedFields(doc: number, terms: Iterable<string>): string[] {
    const found = new Set<number>()
    for (const term of terms) {
      this.postings.get(term)?.forEach((p, f) => {
        if (p && binarySearch(p.docs.data, p.docs.length, doc)) found.add(f)
      })
    }
    return this.fields.filter((_, f) => found.has(f)).map((f) => f.name)
  }

  matchedTerms(doc: number, terms: Iterable<string>): Set<string> {
    const found = new Set<string>()
    for (const term of terms) {
      const perField = this.postings.get(term)
      if (perField?.some((p) => p && binarySearch(p.docs.data, p.docs.length, doc))) found.add(term)
    }
    return found
  }
}

function binarySearch(data: Int32Array, length: number, value: number): boolean {
  let lo = 0
  let hi = length - 1
  while (lo <= hi) {
    const mid = (lo + hi) >> 1
    if (data[mid] === value) return true
    if (data[mid] < value) lo = mid + 1
    else hi = mid - 1
  }
  return false
}

/** The k best candidates, best first, without sorting them all. */
export function topK(list: CandidateList, k: number): Candidate[] {
  const heap: Candidate[] = []
  for (let i = 0; i < list.length; i++) {
    const doc = list.docs[i]
    const score = list.scores[i]
    if (heap.length < k) {
      heap.push({ doc, score })
      siftUp(heap, heap.length - 1)
    } else if (k > 0 && (score > heap[0].score || (score === heap[0].score && doc < heap[0].doc))) {
      // Only a candidate that beats the heap's worst costs an object.
      heap[0] = { doc, score }
      siftDown(heap, 0)
    }
  }
  return heap.sort(better)
}

/** Higher score first; equal scores in document order, so results never depend on timing. */
const better = (a: Candidate, b: Candidate) => b.score - a.score || a.doc - b.doc

/** True when a ranks below b; the heap keeps its worst candidate on top. */
const worse = (a: Candidate, b: Candidate) => better(a, b) > 0

function siftUp(h: Candidate[], i: number) {
  while (i > 0) {
    const p = (i - 1) >> 1
    if (!worse(h[i], h[p])) return
    ;[h[p], h[i]] = [h[i], h[p]]
    i = p
  }
}

function siftDown(h: Candidate[], i: number) {
  for (;;) {
    const l = 2 * i + 1
    const r = l + 1
    let m = i
    if (l < h.length && worse(h[l], h[m])) m = l
    if (r < h.length && worse(h[r], h[m])) m = r
    if (m === i) return
    ;[h[m], h[i]] = [h[i], h[m]]
    i = m
  }
}
