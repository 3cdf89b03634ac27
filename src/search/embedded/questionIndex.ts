/**
 * Similar questions (相似问), each indexed as a document of its own, so that an entry is matched by
 * its best-matching phrasing, not by a bag of the words of all its phrasings.
 */
import { InvertedIndex, type Scores } from './invertedIndex'

/** A phrasing callers use weighs as much as the title; its characters as the title's. */
export const QUESTION_BOOSTS = { question: 4, grams: 1 }

export type BestQuestion = { slot: number; score: number; matched: number }

export class QuestionIndex {
  private index: InvertedIndex
  private owners: string[] = []
  private texts: string[] = []
  private counts = new Map<string, number>()

  constructor(tokenize: (text: string, field: 'question' | 'grams') => string[]) {
    this.index = new InvertedIndex(
      [
        { name: 'question', boost: QUESTION_BOOSTS.question },
        { name: 'grams', boost: QUESTION_BOOSTS.grams },
      ],
      (text, field) => tokenize(text, field as 'question' | 'grams'),
    )
  }

  /** Slots taken by removed questions; the owner rebuilds when they pile up. */
  get removed(): number {
    return this.index.removed
  }

  get size(): number {
    return this.index.size
  }

  /** Replaces an entry's questions. */
  set(code: string, questions: readonly string[]): void {
    this.remove(code)
    const kept = questions.map((q) => q.trim()).filter(Boolean)
    kept.forEach((q, i) => {
      const slot = this.index.add(`${code}#${i}`, [q, q])
      this.owners[slot] = code
      this.texts[slot] = q
    })
    if (kept.length) this.counts.set(code, kept.length)
  }

  remove(code: string): void {
    for (let i = 0; i < (this.counts.get(code) ?? 0); i++) this.index.remove(`${code}#${i}`)
    this.counts.delete(code)
  }

  /** Drops removed questions' slots (see InvertedIndex.compact). */
  compact(): void {
    const moved = this.index.compact()
    const owners: string[] = []
    const texts: string[] = []
    moved.forEach((slot, old) => {
      if (slot < 0) return
      owners[slot] = this.owners[old]
      texts[slot] = this.texts[old]
    })
    this.owners = owners
    this.texts = texts
  }

  trim(): void {
    this.index.trim()
  }

  /** For each entry with a matching question, its best question (raw BM25+ sum and matched weight). */
  best(terms: Map<string, number>): Map<string, BestQuestion> {
    const out = new Map<string, BestQuestion>()
    if (this.index.size === 0) return out
    const { scores, matched, touched }: Scores = this.index.score(terms)
    for (const slot of touched) {
      const code = this.owners[slot]
      const score = scores[slot] * matched[slot]
      const current = out.get(code)
      if (!current || score > current.score * current.matched)
        out.set(code, { slot, score: scores[slot], matched: matched[slot] })
    }
    return out
  }

  text(slot: number): string {
    return this.texts[slot]
  }

  matchedTerms(slot: number, terms: Iterable<string>): Set<string> {
    return this.index.matchedTerms(slot, terms)
  }
}
