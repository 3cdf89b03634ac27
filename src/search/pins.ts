/** Pinned answers: kb-admins put chosen entries first for a query (Typesense curation, embedded alike). */
import type { QueryAnalysis } from './analysis/analyzer'

export type PinnedAnswer = { query: string; codes: string[] }

/** Queries that say the same words (after normalisation, fillers dropped) share a pin. */
export const pinKey = (analysis: Pick<QueryAnalysis, 'words'>): string => analysis.words.map((w) => w.word).join(' ')
