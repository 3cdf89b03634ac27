/**
 * A compact in-memory inverted index with field-weighted BM25+ scoring (the scoring MiniSearch
 * uses: per-field IDF, k=1.2, d=0.5, and a final factor of the weight of the query terms a document
 * matched), with length normalisation b=0.8 rather than MiniSearch's 0.7: a long body that mentions
 * a word in passing should not crowd out entries that hold it in a short field. Postings are
 * delta-encoded bytes (postingList.ts), one list per term and field, so 100k entries fit in about a
 * hundred MB and a query costs the length of its terms' postings. Measured against MiniSearch: see
 * README "Search".
 */
import { PostingList } from './postingList'

class GrowableArray<T extends Int32Array> {
  length = 0
  constructor(public data: T) {}
  push(value: number): void {
    // A quarter more each time (as postings grow): spare room is memory, copying a quarter more is cheap.
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

const growable = (data: Int32Array) => Object.assign(new GrowableArray(data), { length: data.length })

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
  /** Term → its postings in the first field holding it, chained to the later fields in field order. */
  private postings = new Map<string, PostingList>()
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
    if (this.byId.size === 0) return 0
    let most = 0
    for (let list = this.postings.get(term); list; list = list.next) most = Math.max(most, list.count)
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
      for (const [term, tf] of counts) this.listOf(term, f).push(doc, tf)
    })
    return doc
  }

  /** The term's postings in field f, created in its place in the chain if new. */
  private listOf(term: string, f: number): PostingList {
    let list = this.postings.get(term)
    if (!list || list.field > f) {
      const first = new PostingList(f, list)
      this.postings.set(term, first)
      return first
    }
    while (list.field < f && list.next && list.next.field <= f) list = list.next
    if (list.field === f) return list
    return (list.next = new PostingList(f, list.next))
  }

  /** Gives back the spare room of every posting (after a build: later adds grow them again). */
  trim(): void {
    for (const first of this.postings.values())
      for (let list: PostingList | undefined = first; list; list = list.next) list.trim()
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
    for (const [term, first] of this.postings) {
      // Renumbering keeps the order, so each list is re-encoded in one pass.
      let head: PostingList | undefined
      let tail: PostingList | undefined
      for (let list: PostingList | undefined = first; list; list = list.next) {
        const kept = new PostingList(list.field)
        list.forEach((doc, tf) => {
          if (moved[doc] >= 0) kept.push(moved[doc], tf)
        })
        if (!kept.count) continue
        kept.trim()
        if (tail) tail.next = kept
        else head = kept
        tail = kept
      }
      if (head) this.postings.set(term, head)
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
      termIndex++
      for (let list = this.postings.get(term); list; list = list.next) {
        const f = list.field
        const bytes = list.bytes
        const count = list.count
        const avg = this.totalLength[f] / Math.max(1, live) || 1
        const idf = idfOf(live, count)
        const lengths = this.fieldLengths[f].data
        const factor = weight * this.fields[f].boost * idf
        // BM25+ term: d + tf·(k+1) / (tf + k·(1 − b + b·len/avg)), with the length part precomputed.
        const kb = BM25.k * (1 - BM25.b)
        const kbl = (BM25.k * BM25.b) / avg
        let pos = 0
        let doc = -1
        for (let i = 0; i < count; i++) {
          // A posting (postingList.ts): the gap as a varint, its low bit saying a tf above 1 follows.
          let b = bytes[pos++]
          let code = b & 127
          for (let shift = 7; b > 127; shift += 7) code |= ((b = bytes[pos++]) & 127) << shift
          doc += code >>> 1
          let tf = 1
          if (code & 1) {
            b = bytes[pos++]
            tf = b & 127
            for (let shift = 7; b > 127; shift += 7) tf |= ((b = bytes[pos++]) & 127) << shift
          }
          if (ids[doc] === undefined) continue
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

  /** Names of the fields in which the document holds one of the terms. */
  matchedFields(doc: number, terms: Iterable<string>): string[] {
    const found = new Set<number>()
    for (const term of terms)
      for (let list = this.postings.get(term); list; list = list.next) if (list.has(doc)) found.add(list.field)
    return this.fields.filter((_, f) => found.has(f)).map((f) => f.name)
  }

  /** The query terms a document contains. */
  matchedTerms(doc: number, terms: Iterable<string>): Set<string> {
    const found = new Set<string>()
    for (const term of terms)
      for (let list = this.postings.get(term); list; list = list.next)
        if (list.has(doc)) {
          found.add(term)
          break
        }
    return found
  }
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
