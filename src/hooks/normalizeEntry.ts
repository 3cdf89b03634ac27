import type { CollectionBeforeValidateHook } from 'payload'

import { entryTypeDefaults } from '../domain/knowledge/entryDefaults'
import { actingUnitId, type AccessUser } from '../domain/roles'

/** Fills what the entry's type and author decide: audience of scripts, review cycle, owning unit. */
export const normalizeEntry: CollectionBeforeValidateHook = ({ data, operation, originalDoc, req }) => {
  if (!data) return data
  const next = entryTypeDefaults(data, originalDoc, operation === 'create' ? 'create' : 'update')
  if (operation === 'create' && next !== data) next.unit ??= actingUnitId(req.user as AccessUser | null)
  return next
}
