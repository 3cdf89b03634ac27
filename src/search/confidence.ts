/** Whether a hit answers the query: enough of the caller's words found evidence in it. */
import type { QueryAnalysis } from './analysis/analyzer'

export function coverage(analysis: QueryAnalysis, matched: ReadonlySet<string>): number {
  let covered = 0
  let total = 0
  for (const { evidence, bigrams, weight } of analysis.words) {
    const direct = [...evidence].some((t) => matched.has(t))
    const viaBigrams = bigrams.length > 0 && bigrams.filter((b) => matched.has(b)).length * 2 >= bigrams.length
    total += weight
    if (direct || viaBigrams) covered += weight
  }
  return total > 0 ? covered / total : 0
}

/**
 * A hit answers the query when it covers most of the caller's words, or when it matches the words it
 * does cover strongly: a BM25 score high for the weight of the query (long spoken questions carry
 * many words no entry contains). Calibrated on the hotline development set; see README "Search".
 */
export const COVERAGE_THRESHOLD = 0.6
export const SCORE_PER_QUERY_WEIGHT_THRESHOLD = 80

export function isConfident(coverageShare: number, score: number, queryWeight: number): boolean {
  if (coverageShare >= COVERAGE_THRESHOLD) return true
  return coverageShare > 0 && queryWeight > 0 && score / queryWeight >= SCORE_PER_QUERY_WEIGHT_THRESHOLD
}
