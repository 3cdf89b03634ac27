/**
 * What an entry's type decides when it is saved: the audience of answer scripts and, on create, the
 * review cycle. Shared by the collection's hook and the importer's bulk writes.
 */
import { type Audience, defaultReviewCycleDays, effectiveAudience, isEntryType } from './entryTypes'

type Doc = Record<string, unknown>

export function entryTypeDefaults(data: Doc, originalDoc: Doc | undefined, operation: 'create' | 'update'): Doc {
  const type = data.type ?? originalDoc?.type
  if (!isEntryType(type)) return data
  const next = { ...data }
  if (type === 'script' || data.audience !== undefined) {
    next.audience = effectiveAudience(type, (data.audience ?? originalDoc?.audience) as Audience | undefined)
  }
  if (operation === 'create') next.reviewCycleDays ??= defaultReviewCycleDays(type)
  return next
}
