import type { CollectionBeforeValidateHook } from 'payload'

import { defaultReviewCycleDays, effectiveAudience, isEntryType } from '../domain/knowledge/entryTypes'
import { actingUnitId, type AccessUser } from '../domain/roles'

/** Fills what the entry's type and author decide: audience of scripts, review cycle, owning unit. */
export const normalizeEntry: CollectionBeforeValidateHook = ({ data, operation, originalDoc, req }) => {
  if (!data) return data
  const type = data.type ?? originalDoc?.type
  if (!isEntryType(type)) return data
  const next = { ...data }
  if (type === 'script' || data.audience !== undefined) {
    next.audience = effectiveAudience(type, data.audience ?? originalDoc?.audience)
  }
  if (operation === 'create') {
    next.reviewCycleDays ??= defaultReviewCycleDays(type)
    next.unit ??= actingUnitId(req.user as AccessUser | null)
  }
  return next
}
