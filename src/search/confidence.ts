/**
 * Whether a hit answers the query. A logistic model over three signals, fitted on the development
 * set (see README "Search"): how much of the caller's question the entry covers, how far the hit
 * leads the next one, and how strong its score is for the query's weight and the index's size.
 */
import type { QueryWord } from './analysis/analyzer'

/** Whether `found` gives evidence for a word: the word, a homophone, or half its bigrams. */
export function isCovered(word: QueryWord, found: { has(term: string): boolean }): boolean {
  const { evidence, bigrams } = word
  return (
    [...evidence].some((t) => found.has(t)) ||
    (bigrams.length > 0 && bigrams.filter((b) => found.has(b)).length * 2 >= bigrams.length)
  )
}

/** Indexes of the `words` with evidence in `found`. */
export const coveredWords = (words: readonly QueryWord[], found: { has(term: string): boolean }): number[] =>
  words.flatMap((w, i) => (isCovered(w, found) ? [i] : []))

/** Weighted share of `words` with evidence in `found`. */
export function coverage(words: readonly QueryWord[], found: { has(term: string): boolean }): number {
  let covered = 0
  let total = 0
  for (const word of words) {
    total += word.weight
    if (isCovered(word, found)) covered += word.weight
  }
  return total > 0 ? covered / total : 0
}

export type ConfidenceSignals = {
  /** Weighted share of the caller's words the entry gives evidence for (0–1). */
  queryCoverage: number
  /** Lead over the best other hit of the caller's own words, (score − other) / score, at least 0. */
  margin: number
  /**
   * Score per unit of query weight, over the square of the index's largest IDF (so that it reads
   * alike on 2 entries and on 239: fitted on the latter, checked on the former).
   */
  strength?: number
}

/**
 * Fitted by logistic regression (features as below, label: the first hit has grade 3; L2 0.003) on
 * the first hits of the development set's 95 queries, once over full entries with the set's synonyms
 * and once over bare titles without them; see README "Search". Tried too and left out: coverage of
 * the entry's own title words (or of its best similar question), which took a negative weight there;
 * coverage of only the words some top hit covers (it made 明天天气怎么样 confident on 天气 alone); the
 * number of covered words.
 */
export const CONFIDENCE_MODEL = { intercept: -1.954, queryCoverage: 1.864, margin: 1.801, logStrength: 0.879 }
/** A hit is confident at this probability or above: confident first hits right ≥ 90 % on both variants. */
export const CONFIDENT_AT = 0.75
/**
 * For an engine without a comparable score (Typesense, which passes no strength): the previous fit
 * at strength 0 and its threshold, as before. A fit without strength reaches 90 % precision on
 * both variants at no threshold.
 */
export const CONFIDENCE_MODEL_WITHOUT_STRENGTH = { intercept: -2.634, queryCoverage: 2.604, margin: 2.539 }
export const CONFIDENT_WITHOUT_STRENGTH_AT = 0.85

/**
 * Whether a hit is marked confident: its probability at the threshold, and it leads the others
 * (margin > 0): only one entry can be the exact answer, however strong the ones below it are.
 */
export const isConfident = (confidence: number, margin: number, at: number = CONFIDENT_AT): boolean =>
  confidence >= at && margin > 0

export function confidenceOf(s: ConfidenceSignals): number {
  const z =
    s.strength === undefined
      ? CONFIDENCE_MODEL_WITHOUT_STRENGTH.intercept +
        CONFIDENCE_MODEL_WITHOUT_STRENGTH.queryCoverage * s.queryCoverage +
        CONFIDENCE_MODEL_WITHOUT_STRENGTH.margin * s.margin
      : CONFIDENCE_MODEL.intercept +
        CONFIDENCE_MODEL.queryCoverage * s.queryCoverage +
        CONFIDENCE_MODEL.margin * s.margin +
        CONFIDENCE_MODEL.logStrength * Math.log1p(Math.max(0, s.strength))
  return 1 / (1 + Math.exp(-z))
}
