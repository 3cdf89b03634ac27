import type { CollectionBeforeValidateHook } from 'payload'

import { nextEntryCode } from '../domain/knowledge/entryCode'

/**
 * New entries without a code get the next free KB- number: the numeric maximum of all codes, since
 * in string order KB-9999 sorts after KB-10000.
 */
export const assignEntryCode: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data || data.code) return data
  const all = await req.payload.find({
    collection: 'knowledge-entries',
    where: { code: { like: 'KB-' } },
    pagination: false,
    depth: 0,
    draft: true,
    overrideAccess: true,
    req,
    select: { code: true },
  })
  return { ...data, code: nextEntryCode(all.docs.map((d) => d.code as string)) }
}
