/** Relevance metrics as ../shared/search-eval/README.md defines them (linear gain). */
export type Judgements = Record<string, number>

export function ndcgAt(k: number, ranked: readonly string[], relevant: Judgements): number {
  const dcg = ranked.slice(0, k).reduce((sum, code, i) => sum + (relevant[code] ?? 0) / Math.log2(i + 2), 0)
  const ideal = Object.values(relevant)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + grade / Math.log2(i + 2), 0)
  return ideal === 0 ? 0 : dcg / ideal
}

/** Share of the judged entries (grade ≥ minGrade) found in the top k. */
export function recallAt(k: number, ranked: readonly string[], relevant: Judgements, minGrade = 1): number {
  const wanted = Object.entries(relevant)
    .filter(([, g]) => g >= minGrade)
    .map(([c]) => c)
  if (wanted.length === 0) return 0
  const top = new Set(ranked.slice(0, k))
  return wanted.filter((c) => top.has(c)).length / wanted.length
}

/** Reciprocal rank of the first grade-3 entry in the top k. */
export function mrrAt(k: number, ranked: readonly string[], relevant: Judgements): number {
  const i = ranked.slice(0, k).findIndex((c) => relevant[c] === 3)
  return i < 0 ? 0 : 1 / (i + 1)
}

export const mean = (values: readonly number[]): number =>
  values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0
