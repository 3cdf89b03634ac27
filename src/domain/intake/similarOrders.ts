/**
 * Similar open orders at intake (第二十二条(三): the same problem reported by many claimants): recent
 * open orders whose text is close to the new one's (TF-IDF cosine over the analyzer's words, the
 * vocabulary and weights learned from the candidates themselves, so that words every recent order
 * uses count little) at the same or a similar place.
 */
import { normalizeText } from '../../search/analysis/normalize'
import { type IntakeText, intakeTokens, type SparseVector, TfIdf } from './features'

export type PlaceText = { address?: string | null; district?: string | null }
export type SimilarQuery = IntakeText & PlaceText

export type SimilarityOptions = {
  /** Text cosine below which an order is not similar. */
  minText: number
  /** Text cosine required when the query names no place (nothing else narrows the match). */
  minTextWithoutPlace: number
  /** Address overlap from which two addresses are the same place. */
  minAddress: number
  limit: number
}

export const DEFAULT_SIMILARITY: SimilarityOptions = {
  minText: 0.2,
  minTextWithoutPlace: 0.4,
  minAddress: 0.6,
  limit: 10,
}

function cosine(a: SparseVector, b: SparseVector): number {
  let sum = 0
  for (let i = 0, j = 0; i < a.index.length && j < b.index.length;) {
    if (a.index[i] === b.index[j]) sum += a.value[i++] * b.value[j++]
    else if (a.index[i] < b.index[j]) i++
    else j++
  }
  return sum
}

const addressBigrams = (address: string) => {
  const s = normalizeText(address).replace(/[^\p{Script=Han}a-z0-9]/gu, '')
  const grams = new Set<string>()
  for (let i = 0; i + 1 < s.length; i++) grams.add(s.slice(i, i + 2))
  if (s.length === 1) grams.add(s)
  return grams
}

/**
 * How much two addresses are the same place, 0…1: the share of the shorter address's character
 * bigrams found in the other (so "幸福小区3号楼" and "东城区幸福路幸福小区3号楼" match fully).
 */
export function addressSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  if (!a?.trim() || !b?.trim()) return 0
  const x = addressBigrams(a)
  const y = addressBigrams(b)
  if (!x.size || !y.size) return 0
  let shared = 0
  for (const g of x) if (y.has(g)) shared++
  return shared / Math.min(x.size, y.size)
}

export type SimilarOrder<T> = T & { similarity: number; samePlace: boolean }

/**
 * The candidates similar to the query, most similar first. When the query gives an address or a
 * district, a candidate must be at a similar address or in the same district; the same address ranks first.
 */
export function similarOrders<T extends IntakeText & PlaceText>(
  query: SimilarQuery,
  candidates: readonly T[],
  options: Partial<SimilarityOptions> = {},
): SimilarOrder<T>[] {
  const o = { ...DEFAULT_SIMILARITY, ...options }
  if (!candidates.length) return []
  // The place is compared on its own: its words ("幸福小区") in the texts would make any two problems there alike.
  const placeWords = new Set(intakeTokens({ content: `${query.address ?? ''} ${query.district ?? ''}` }))
  const words = (t: IntakeText) => intakeTokens(t).filter((w) => !placeWords.has(w))
  const tokens = candidates.map(words)
  const queryTokens = words(query)
  const features = TfIdf.fit([...tokens, queryTokens], 1)
  const q = features.transform(queryTokens)
  const placed = Boolean(query.address?.trim() || query.district?.trim())
  return candidates
    .map((c, i) => {
      const text = cosine(q, features.transform(tokens[i]))
      const address = addressSimilarity(query.address, c.address)
      const sameAddress = address >= o.minAddress
      const sameDistrict = Boolean(query.district && c.district && query.district.trim() === c.district.trim())
      const ok = placed ? text >= o.minText && (sameAddress || sameDistrict) : text >= o.minTextWithoutPlace
      return ok ? { ...c, similarity: Math.round(text * 1000) / 1000, samePlace: sameAddress } : undefined
    })
    .filter((c): c is SimilarOrder<T> => c !== undefined)
    .sort((a, b) => Number(b.samePlace) - Number(a.samePlace) || b.similarity - a.similarity)
    .slice(0, o.limit)
}
