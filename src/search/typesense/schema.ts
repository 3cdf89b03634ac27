/**
 * The Typesense collection: display fields stored but not indexed (no query reads them: indexing
 * them with the `zh` locale cost memory and index time), and shadow fields holding our analyzer's
 * tokens (words, bigrams, pinyin), which queries use with `pre_segmented_query` so that both engines
 * match the same way (Typesense's zh locale misses substrings inside words).
 */
import type { CollectionCreateSchema } from 'typesense/lib/Typesense/Collections'

import type { Analyzer } from '../analysis/analyzer'
import { QUESTION_BOOSTS } from '../embedded/questionIndex'
import { fieldText, fieldTokens, TEXT_FIELDS, type TextField } from '../fields'
import type { SearchDocument } from '../types'
import { validityWindow } from '../validity'
import { SYMBOLS_TO_INDEX, typesenseToken } from './requests'

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
  const facet = (field: string, type: 'string' | 'string[]' = 'string') => ({ name: field, type, facet: true })
  const stored = (field: string, type: 'string' | 'string[]' = 'string') => ({
    name: field,
    type,
    index: false,
    optional: true,
  })
  return {
    name,
    // Our tokens carry prefixes (b:, py:, pi:) and symbols (3.5, 50%) that must survive the tokenizer.
    symbols_to_index: [...SYMBOLS_TO_INDEX],
    synonym_sets: [sets.synonyms],
    curation_sets: [sets.curation],
    fields: [
      { name: 'code', type: 'string' },
      { name: 'version', type: 'int64' },
      stored('title'),
      stored('summary'),
      stored('body'),
      stored('tags', 'string[]'),
      stored('question'),
      stored('questions', 'string[]'),
      stored('structured'),
      stored('present', 'string[]'),
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

/** Fields a document may lack; a conditional update sends them as null to clear an old value. */
export const OPTIONAL_FIELDS = ['districts', 'present', 'validFrom', 'validUntil', 'reviewedAt', 'nextReviewAt']

/** Our tokens as the server indexes them (see typesenseToken), so that indexing and queries agree. */
const shadowTokens = (tokens: string[]) => tokens.map(typesenseToken).filter(Boolean).join(' ')

export function toTypesenseDocument(doc: SearchDocument, analyzer: Analyzer): TypesenseDocument {
  const window = validityWindow(doc)
  const shadow = Object.fromEntries(
    TEXT_FIELDS.map((f) => [shadowField(f), shadowTokens(fieldTokens(analyzer, f, fieldText(doc, f)))]),
  )
  return {
    ...doc,
    ...shadow,
    [QUESTIONS_SHADOW]: (doc.questions ?? []).map((q) => shadowTokens(analyzer.indexTokens(q))),
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
