/**
 * Diversity for questions that ask several things at once ("my social insurance moves here — and my
 * housing fund too?"): after the best hit, a hit that answers words of the question no hit above it
 * covers is moved up, so that the first five hold an answer for each part, not five siblings of one.
 */

export type DiversityCandidate<T> = {
  item: T
  score: number
  /** Indexes of the caller's words the candidate gives evidence for. */
  covers: readonly number[]
}

/** How much the share of the question's weight a hit newly covers lifts its score. */
export const DIVERSITY_GAIN = 4

/**
 * Greedy re-ranking of `candidates` (best first; the first one stays first): each next pick
 * maximises score × (1 + gain × weight of words it covers that no earlier pick covered / total weight).
 */
export function diversify<T>(
  candidates: readonly DiversityCandidate<T>[],
  weights: readonly number[],
  gain = DIVERSITY_GAIN,
): T[] {
  if (candidates.length <= 2) return candidates.map((c) => c.item)
  const total = weights.reduce((a, b) => a + b, 0)
  if (total <= 0) return candidates.map((c) => c.item)
  const covered = new Set<number>(candidates[0]!.covers)
  const out = [candidates[0]!.item]
  const left = candidates.slice(1)
  while (left.length) {
    let best = 0
    let bestValue = -Infinity
    left.forEach((c, i) => {
      const fresh = c.covers.reduce((sum, w) => sum + (covered.has(w) ? 0 : weights[w]!), 0)
      const value = c.score * (1 + (gain * fresh) / total)
      if (value > bestValue) [best, bestValue] = [i, value]
    })
    const [picked] = left.splice(best, 1)
    picked!.covers.forEach((w) => covered.add(w))
    out.push(picked!.item)
  }
  return out
}
