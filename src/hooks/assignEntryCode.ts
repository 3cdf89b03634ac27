import type { CollectionBeforeValidateHook } from 'payload'

import { nextEntryCode } from '../domain/knowledge/entryCode'

/** New entries without a code get the next free KB- number. */
export const assignEntryCode: CollectionBeforeValidateHook = async ({ data, operation, req }) => {
  if (operation !== 'create' || !data || data.code) return data
  const latest = await req.payload.find({
    collection: 'knowledge-entries',
    where: { code: { like: 'KB-' } },
    sort: '-code',
    limit: 1,
    depth: 0,
    draft: true,
    overrideAccess: true,
    req,
    select: { code: true },
  })
  return { ...data, code: nextEntryCode(latest.docs.map((d) => d.code as string)) }
}
