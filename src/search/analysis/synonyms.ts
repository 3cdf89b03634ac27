/** Synonym rules as kb-admins write them: groups (two-way) and root → synonyms (one-way). */
export type SynonymRule = string[] | { root: string; synonyms: string[] }

/** term → the terms a query for it may also match. */
export type ExpansionMap = Map<string, Set<string>>

export function buildExpansions(rules: readonly SynonymRule[], normalize: (s: string) => string): ExpansionMap {
  const map: ExpansionMap = new Map()
  const add = (from: string, to: string) => {
    const [a, b] = [normalize(from), normalize(to)]
    if (a === b || !a || !b) return
    if (!map.has(a)) map.set(a, new Set())
    map.get(a)!.add(b)
  }
  for (const rule of rules) {
    if (Array.isArray(rule)) {
      for (const a of rule) for (const b of rule) add(a, b)
    } else {
      for (const s of rule.synonyms) add(rule.root, s)
    }
  }
  return map
}
