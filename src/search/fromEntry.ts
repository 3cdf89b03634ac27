/** A stored knowledge entry (as the Local API returns it, depth ≥ 1) as the index sees it. */
import type { SearchDocument } from './types'

type TextItem = { text?: string | null }
type Named = { name?: string | null; path?: string | null } | number | string | null | undefined

export type IndexableEntry = {
  code?: string | null
  type: string
  title: string
  summary?: string | null
  tags?: string[] | null
  questions?: string[] | null
  districts?: string[] | null
  audience?: string | null
  _status?: string | null
  workflowState?: string | null
  reviewedAt?: string | null
  nextReviewAt?: string | null
  updatedAt?: string | null
  validFrom?: string | null
  validUntil?: string | null
  unit?: Named
  category?: Named
  guide?: Record<string, unknown> | null
  location?: Record<string, unknown> | null
  policy?: Record<string, unknown> | null
  faq?: { question?: string | null; answer?: string | null } | null
  notice?: Record<string, unknown> | null
}

const nameOf = (value: Named, key: 'name' | 'path'): string =>
  value && typeof value === 'object' ? (value[key] ?? '') : ''

const asText = (value: unknown): string =>
  Array.isArray(value)
    ? value
        .map((v) => (v as TextItem)?.text ?? '')
        .filter(Boolean)
        .join(' ')
    : typeof value === 'string'
      ? value
      : ''

/** Structured fields that count as text for matching, per type. */
const STRUCTURED: Record<string, string[]> = {
  guide: ['basis', 'conditions', 'materials', 'steps', 'timeLimit', 'fee', 'phone', 'online'],
  location: ['address', 'hours', 'phone', 'district', 'transit'],
  policy: ['keyPoints'],
  faq: ['answer'],
  notice: [],
  script: [],
}

export function toSearchDocument(entry: IndexableEntry, bodyText: string): SearchDocument {
  const group = ((entry as Record<string, unknown>)[entry.type] ?? {}) as Record<string, unknown>
  const fields = STRUCTURED[entry.type] ?? []
  const district = typeof entry.location?.district === 'string' ? [entry.location.district] : []
  return {
    code: entry.code ?? '',
    version: entry.updatedAt ? Date.parse(entry.updatedAt) : 0,
    type: entry.type,
    title: entry.title,
    summary: entry.summary ?? '',
    body: bodyText,
    tags: entry.tags ?? [],
    question: entry.faq?.question ?? '',
    questions: entry.questions ?? [],
    structured: fields
      .map((f) => asText(group[f]))
      .filter(Boolean)
      .join('\n'),
    present: fields.filter((f) => asText(group[f]).length > 0),
    unit: nameOf(entry.unit, 'name'),
    category: nameOf(entry.category, 'path'),
    districts: [...new Set([...(entry.districts ?? []), ...district])],
    audience: entry.audience === 'internal' || entry.type === 'script' ? 'internal' : 'public',
    status: entry.workflowState === 'expired' ? 'expired' : (entry._status ?? 'draft'),
    validFrom: entry.validFrom ?? undefined,
    validUntil: entry.validUntil ?? undefined,
    reviewedAt: entry.reviewedAt ?? undefined,
    nextReviewAt: entry.nextReviewAt ?? undefined,
  }
}
