/**
 * Unit suggestion at dispatch: the units that handled the orders most similar to a new one (TF-IDF
 * cosine over the analyzer's words, orders of the same category and district counting more), with how
 * many of those orders each handled and how many came back. A return approved for a unit counts
 * against it for that kind of order, so a unit that keeps sending such orders back sinks.
 */
import { type IntakeText, intakeTokens, TfIdf } from './features'

export type HandledOrder = IntakeText & {
  id: string
  unit: string
  category?: string | null
  district?: string | null
  /** The unit's request to return the order was approved: it was not theirs to handle. */
  returned: boolean
}

export type UnitQuery = IntakeText & { category?: string | null; district?: string | null }

export type UnitSuggestion = {
  unit: string
  /** Evidence for the unit (similarity-weighted, returns subtracted); higher is better. */
  score: number
  /** Similar orders the unit was dispatched. */
  similarOrders: number
  /** Of those, how many it returned with approval. */
  returns: number
  returnRate: number
  /** The most similar of those orders, for the dispatcher to look at. */
  examples: string[]
}

export type UnitSuggestionOptions = {
  /** How many similar orders are consulted. */
  neighbours: number
  /** Orders below this cosine similarity are not similar. */
  minSimilarity: number
  /** Extra weight of an order of the same category, and of the same district. */
  sameCategory: number
  sameDistrict: number
  /** How much an approved return counts against a unit, against one handled order for it. */
  returnPenalty: number
}

export const DEFAULT_UNIT_OPTIONS: UnitSuggestionOptions = {
  neighbours: 30,
  minSimilarity: 0.05,
  sameCategory: 2,
  sameDistrict: 1.5,
  returnPenalty: 1.5,
}

export class UnitSuggester {
  private constructor(
    private readonly orders: readonly HandledOrder[],
    private readonly features: TfIdf,
    /** Inverted lists: for each term, the orders containing it and its weight there. */
    private readonly postings: { order: number; weight: number }[][],
    private readonly options: UnitSuggestionOptions,
  ) {}

  /** `tokens`: each order's `intakeTokens`, when the caller analysed them already (in slices, between requests). */
  static build(
    orders: readonly HandledOrder[],
    options: Partial<UnitSuggestionOptions> = {},
    tokens: string[][] = orders.map((o) => intakeTokens(o)),
  ): UnitSuggester {
    const features = TfIdf.fit(tokens, 1)
    const postings: { order: number; weight: number }[][] = Array.from({ length: features.size }, () => [])
    tokens.forEach((t, order) => {
      const x = features.transform(t)
      x.index.forEach((term, j) => postings[term].push({ order, weight: x.value[j] }))
    })
    return new UnitSuggester(orders, features, postings, { ...DEFAULT_UNIT_OPTIONS, ...options })
  }

  /** The most similar handled orders, with their cosine similarity and category/district weight. */
  private similar(query: UnitQuery): { order: HandledOrder; weight: number }[] {
    const x = this.features.transform(intakeTokens(query))
    const cosine = new Map<number, number>()
    x.index.forEach((term, j) => {
      for (const p of this.postings[term]) cosine.set(p.order, (cosine.get(p.order) ?? 0) + x.value[j] * p.weight)
    })
    const { sameCategory, sameDistrict, minSimilarity, neighbours } = this.options
    return [...cosine]
      .filter(([, similarity]) => similarity >= minSimilarity)
      .map(([i, similarity]) => {
        const order = this.orders[i]
        const boost =
          (query.category && order.category === query.category ? sameCategory : 1) *
          (query.district && order.district === query.district ? sameDistrict : 1)
        return { order, weight: similarity * boost }
      })
      .sort((a, b) => b.weight - a.weight)
      .slice(0, neighbours)
  }

  /** Units best placed to handle the order, best first; units whose evidence is mostly returns are left out. */
  suggest(query: UnitQuery, count = 5): UnitSuggestion[] {
    const byUnit = new Map<string, UnitSuggestion>()
    for (const { order, weight } of this.similar(query)) {
      let s = byUnit.get(order.unit)
      if (!s)
        byUnit.set(
          order.unit,
          (s = { unit: order.unit, score: 0, similarOrders: 0, returns: 0, returnRate: 0, examples: [] }),
        )
      s.similarOrders++
      s.score += order.returned ? -this.options.returnPenalty * weight : weight
      if (order.returned) s.returns++
      else if (s.examples.length < 3) s.examples.push(order.id)
    }
    return [...byUnit.values()]
      .map((s) => ({ ...s, returnRate: s.returns / s.similarOrders }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score)
      .slice(0, count)
  }
}
