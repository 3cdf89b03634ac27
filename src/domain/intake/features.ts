/**
 * Text features for intake models: the shared analyzer's words (normalised, segmented with the
 * hotline vocabulary, long words also split into their parts) of an order's title and content,
 * weighted by TF-IDF (sublinear term frequency, unit length). The analyzer's character bigrams were
 * measured too: in 5-fold cross-validation on real appeals they cost accuracy (0.894 against 0.899)
 * and doubled training time, so they are left out.
 */
import { type Analyzer, createAnalyzer } from '../../search/analysis/analyzer'

export type IntakeText = { title?: string | null; content?: string | null }

/** A sparse vector: feature indices ascending, with their values. */
export type SparseVector = { index: Int32Array; value: Float32Array }

let defaultAnalyzer: Analyzer | undefined

/**
 * An order's tokens. The title is counted twice: it states the problem, the content tells the
 * story (and ends in greetings and addresses).
 */
export function intakeTokens(text: IntakeText, analyzer?: Analyzer): string[] {
  const a = analyzer ?? (defaultAnalyzer ??= createAnalyzer())
  const tokens = (s: string | null | undefined) => (s ? a.textTokens(s).words : [])
  const title = tokens(text.title)
  return [...title, ...title, ...tokens(text.content)]
}

/** The vocabulary and inverse document frequencies learned from a corpus (JSON-serialisable). */
export type TfIdfState = { terms: string[]; idf: number[] }

export class TfIdf {
  private readonly ids: Map<string, number>

  constructor(readonly state: TfIdfState) {
    this.ids = new Map(state.terms.map((t, i) => [t, i]))
  }

  get size(): number {
    return this.state.terms.length
  }

  /** Learns the terms found in at least `minDf` documents. */
  static fit(docs: string[][], minDf = 2): TfIdf {
    const df = new Map<string, number>()
    for (const doc of docs) for (const t of new Set(doc)) df.set(t, (df.get(t) ?? 0) + 1)
    const terms = [...df].filter(([, n]) => n >= minDf).map(([t]) => t)
    terms.sort()
    const idf = terms.map((t) => Math.log((1 + docs.length) / (1 + df.get(t)!)) + 1)
    return new TfIdf({ terms, idf })
  }

  /** A document's unit-length vector; terms not in the vocabulary are ignored. */
  transform(doc: string[]): SparseVector {
    const counts = new Map<number, number>()
    for (const t of doc) {
      const id = this.ids.get(t)
      if (id !== undefined) counts.set(id, (counts.get(id) ?? 0) + 1)
    }
    const index = Int32Array.from([...counts.keys()].sort((a, b) => a - b))
    const value = new Float32Array(index.length)
    let norm = 0
    index.forEach((id, i) => {
      value[i] = (1 + Math.log(counts.get(id)!)) * this.state.idf[id]
      norm += value[i] * value[i]
    })
    norm = Math.sqrt(norm) || 1
    for (let i = 0; i < value.length; i++) value[i] /= norm
    return { index, value }
  }
}
