/**
 * How good the intake suggestions were: the category suggested at intake (the top suggestion shown to
 * the agent) against the category a person finally confirmed (the order's category when it closed, or
 * as corrected since), and the unit suggested at intake against the unit that handled the order —
 * overall, per month of intake and per category.
 */
import { shanghaiDateString } from '../shanghaiTime'

export type SuggestionOutcome = {
  createdAt: string | Date
  /** Top category suggested at intake, and the category confirmed; null when there is none. */
  suggestedCategory?: string | null
  category?: string | null
  /** Top unit suggested at intake, and the unit that handled the order (null while undispatched). */
  suggestedUnit?: string | null
  unit?: string | null
}

export type Hits = { orders: number; correct: number; accuracy: number | null }

export type CategoryAccuracy = {
  category: string
  /** Orders confirmed in this category, and of those how many had it suggested (recall). */
  orders: number
  correct: number
  recall: number | null
  /** Orders it was suggested for, and the share of them confirmed in it (precision). */
  suggested: number
  precision: number | null
}

export type AccuracyReport = {
  categories: Hits & { months: ({ month: string } & Hits)[]; perCategory: CategoryAccuracy[] }
  units: Hits & { months: ({ month: string } & Hits)[] }
}

const ratio = (n: number, d: number) => (d ? Math.round((n / d) * 1000) / 1000 : null)
const hits = (orders: number, correct: number): Hits => ({ orders, correct, accuracy: ratio(correct, orders) })
const monthOf = (at: string | Date) => shanghaiDateString(new Date(at)).slice(0, 7)

function byMonth(pairs: readonly { month: string; correct: boolean }[]) {
  const months = new Map<string, { orders: number; correct: number }>()
  for (const p of pairs) {
    const m = months.get(p.month) ?? { orders: 0, correct: 0 }
    m.orders++
    if (p.correct) m.correct++
    months.set(p.month, m)
  }
  return [...months]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, m]) => ({ month, ...hits(m.orders, m.correct) }))
}

/** Only orders with both a suggestion and a confirmed value count. */
export function suggestionAccuracy(outcomes: readonly SuggestionOutcome[]): AccuracyReport {
  const categoryPairs = outcomes.flatMap((o) =>
    o.suggestedCategory && o.category
      ? [{ month: monthOf(o.createdAt), suggested: o.suggestedCategory, chosen: o.category }]
      : [],
  )
  const unitPairs = outcomes.flatMap((o) =>
    o.suggestedUnit && o.unit ? [{ month: monthOf(o.createdAt), correct: o.suggestedUnit === o.unit }] : [],
  )
  const perCategory = new Map<string, CategoryAccuracy>()
  const row = (category: string) => {
    let r = perCategory.get(category)
    if (!r)
      perCategory.set(category, (r = { category, orders: 0, correct: 0, recall: null, suggested: 0, precision: null }))
    return r
  }
  for (const p of categoryPairs) {
    const chosen = row(p.chosen)
    chosen.orders++
    if (p.suggested === p.chosen) chosen.correct++
    row(p.suggested).suggested++
  }
  const correctCategories = categoryPairs.filter((p) => p.suggested === p.chosen).length
  return {
    categories: {
      ...hits(categoryPairs.length, correctCategories),
      months: byMonth(categoryPairs.map((p) => ({ month: p.month, correct: p.suggested === p.chosen }))),
      perCategory: [...perCategory.values()]
        .map((r) => ({ ...r, recall: ratio(r.correct, r.orders), precision: ratio(r.correct, r.suggested) }))
        .sort((a, b) => b.orders - a.orders || a.category.localeCompare(b.category)),
    },
    units: { ...hits(unitPairs.length, unitPairs.filter((p) => p.correct).length), months: byMonth(unitPairs) },
  }
}
