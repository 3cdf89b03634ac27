import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { type ReferenceKind, referenceChanged } from '../services/referenceData'

/** After a change or deletion of time-limit rules, calendar days, units or categories: drop the in-memory copy. */
export const dropReferenceCopy = (
  kind: ReferenceKind,
): { afterChange: CollectionAfterChangeHook[]; afterDelete: CollectionAfterDeleteHook[] } => ({
  afterChange: [
    ({ doc }) => {
      referenceChanged(kind)
      return doc
    },
  ],
  afterDelete: [
    ({ doc }) => {
      referenceChanged(kind)
      return doc
    },
  ],
})
