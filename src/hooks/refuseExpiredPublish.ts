import { type CollectionBeforeChangeHook, ValidationError } from 'payload'

import { now } from '../domain/clock'
import { isPastValidity } from '../domain/knowledge/entryRules'

/** What agents and the public read must be current: an entry past its validUntil is never published. */
export const refuseExpiredPublish: CollectionBeforeChangeHook = ({ data, collection, req }) => {
  if (data._status === 'published' && isPastValidity(data.validUntil, now())) {
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [{ path: 'validUntil', message: '该条目已过有效期，不能发布；请更新有效期后再发布' }],
      },
      req.t,
    )
  }
  return data
}
