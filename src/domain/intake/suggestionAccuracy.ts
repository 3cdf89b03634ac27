/**
 * How good the intake suggestions were: the category suggested at intake (the top suggestion shown to
 * the agent) against the category a person finally confirmed (the order's category when it closed, or
 * as corrected since), and the unit suggested at intake against the unit that handled the order —
 * overall, per month of intake and per category.
 */
/**
 * Orders of one month (Shanghai) alike in what was suggested and chosen, counted (the database groups
 * them, so a report never reads the orders themselves).
 */
export type SuggestionOutcome = {
  month: string
  /** Top category suggested at intake, and the category confirmed (null while the order is open). */
  suggestedCategory?: string | null
  category?: string | null
  /** Whether the unit suggested at intake handled the order; null when either is missing. */
  unitRight?: boolean | null
  count: number
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
function byMonth(pairs: readonly { month: string; correct: boolean; count: number }[]) {
  const months = new Map<string, { orders: number; correct: number }>()
  for (const p of pairs) {
    const m = months.get(p.month) ?? { orders: 0, correct: 0 }
    m.orders += p.count
    if (p.correct) m.correct += p.count
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
      ? [
          {
            month: o.month,
            correct: o.suggestedCategory === o.category,
            suggested: o.suggestedCategory,
            chosen: o.category,
            count: o.count,
          },
        ]
      : [],
  )
  const unitPairs = outcomes.flatMap((o) =>
    typeof o.unitRight === 'boolean' ? [{ month: o.month, correct: o.unitRight, count: o.count }] : [],
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
    chosen.orders += p.count
    if (p.correct) chosen.correct += p.count
    row(p.suggested).suggested += p.count
  }
  const total = (pairs: readonly { correct: boolean; count: number }[]) =>
    hits(
      pairs.reduce((n, p) => n + p.count, 0),
      pairs.reduce((n, p) => n + (p.correct ? p.count : 0), 0),
    )
  return {
    categories: {
      ...total(categoryPairs),
      months: byMonth(categoryPairs),
      perCategory: [...perCategory.values()]
        .map((r) => ({ ...r, recall: ratio(r.correct, r.orders), precision: ratio(r.correct, r.suggested) }))
        .sort((a, b) => b.orders - a.orders || a.category.localeCompare(b.category)),
    },
    units: { ...total(unitPairs), months: byMonth(unitPairs) },
  }
}
