/** The text fields both engines index, their weights, and the tokens each holds. */
import type { Analyzer } from './analysis/analyzer'
import type { SearchDocument } from './types'

/** title > tags/question > summary > structured fields > body; the catalog path is weak evidence. */
export const FIELD_BOOSTS = {
  title: 4,
  tags: 3,
  question: 3,
  summary: 2,
  structured: 1.2,
  body: 1,
  category: 0.5,
  /** The characters of the title (the analyzer's fallback grams). */
  grams: 1,
} as const

export type TextField = keyof typeof FIELD_BOOSTS
export const TEXT_FIELDS = Object.keys(FIELD_BOOSTS) as TextField[]

export function fieldText(doc: SearchDocument, field: TextField): string {
  const value = field === 'grams' ? doc.title : doc[field]
  return Array.isArray(value) ? value.join(' ') : value
}

export const fieldTokens = (analyzer: Analyzer, field: TextField, text: string): string[] =>
  field === 'grams' ? analyzer.gramTokens(text) : analyzer.indexTokens(text)
