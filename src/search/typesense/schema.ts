/**
 * The Typesense collection: display fields with Typesense's `zh` locale, and shadow fields holding
 * our analyzer's tokens (words, bigrams, pinyin), which queries use with `pre_segmented_query` so
 * that both engines match the same way (Typesense's zh locale misses substrings inside words).
 */
import type { CollectionCreateSchema } from 'typesense/lib/Typesense/Collections'

import type { Analyzer } from '../analysis/analyzer'
import { QUESTION_BOOSTS } from '../embedded/questionIndex'
import { fieldText, fieldTokens, TEXT_FIELDS, type TextField } from '../fields'
import type { SearchDocument } from '../types'
import { validityWindow } from '../validity'

export const QUESTIONS_SHADOW = 't_questions'
/** Similar questions weigh as much as the title (see src/search/embedded/questionIndex.ts). */
export const QUESTIONS_WEIGHT = QUESTION_BOOSTS.question
export const shadowField = (field: TextField) => `t_${field}`

/** Far enough in the future for "no end date", and still an exact int64. */
const NO_END = 8_640_000_000_000_000

export type TypesenseDocument = Omit<SearchDocument, 'validFrom' | 'validUntil' | 'reviewedAt' | 'nextReviewAt'> & {
  id: string
  validFrom?: string
  validUntil?: string
  reviewedAt?: string
  nextReviewAt?: string
  starts_at: number
  lapses_at: number
} & Record<`t_${TextField}`, string> & { t_questions: string[] }

export function collectionSchema(name: string, sets: { synonyms: string; curation: string }): CollectionCreateSchema {
  const zh = (field: string, type: 'string' | 'string[]' = 'string') => ({
    name: field,
    type,
    locale: 'zh',
    optional: true,
  })
  const facet = (field: string, type: 'string' | 'string[]' = 'string') => ({ name: field, type, facet: true })
  const stored = (field: string) => ({ name: field, type: 'string' as const, index: false, optional: true })
  return {
    name,
    // Our tokens carry prefixes (b:, py:, pi:) that must survive Typesense's tokenizer.
    symbols_to_index: [':'],
    synonym_sets: [sets.synonyms],
    curation_sets: [sets.curation],
    fields: [
      { name: 'code', type: 'string' },
      { name: 'version', type: 'int64' },
      zh('title'),
      zh('summary'),
      zh('body'),
      zh('tags', 'string[]'),
      zh('question'),
      zh('questions', 'string[]'),
      zh('structured'),
      { name: 'present', type: 'string[]', optional: true },
      facet('type'),
      facet('unit'),
      facet('category'),
      { ...facet('districts', 'string[]'), optional: true },
      facet('audience'),
      facet('status'),
      { name: 'starts_at', type: 'int64' },
      { name: 'lapses_at', type: 'int64' },
      stored('validFrom'),
      stored('validUntil'),
      stored('reviewedAt'),
      stored('nextReviewAt'),
      ...TEXT_FIELDS.map((f) => ({ name: shadowField(f), type: 'string' as const })),
      // One token string per similar question: Typesense scores an array by its best-matching element.
      { name: QUESTIONS_SHADOW, type: 'string[]' as const },
    ],
  }
}

export function toTypesenseDocument(doc: SearchDocument, analyzer: Analyzer): TypesenseDocument {
  const window = validityWindow(doc)
  const shadow = Object.fromEntries(
    TEXT_FIELDS.map((f) => [shadowField(f), fieldTokens(analyzer, f, fieldText(doc, f)).join(' ')]),
  )
  return {
    ...doc,
    ...shadow,
    [QUESTIONS_SHADOW]: (doc.questions ?? []).map((q) => analyzer.indexTokens(q).join(' ')),
    id: doc.code,
    starts_at: Number.isFinite(window.startsAt) ? window.startsAt : 0,
    lapses_at: Number.isFinite(window.lapsesAt) ? window.lapsesAt : NO_END,
  } as TypesenseDocument
}

export function fromTypesenseDocument(stored: TypesenseDocument): SearchDocument {
  const { id: _id, starts_at: _s, lapses_at: _l, ...rest } = stored
  const doc = Object.fromEntries(Object.entries(rest).filter(([k]) => !k.startsWith('t_'))) as SearchDocument
  return {
    ...doc,
    tags: doc.tags ?? [],
    questions: doc.questions ?? [],
    districts: doc.districts ?? [],
    present: doc.present ?? [],
  }
}
