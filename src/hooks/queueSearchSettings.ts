import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { SEARCH_QUEUE } from '../jobs/syncIndex'

/**
 * Synonyms, vocabulary and pins: a settings change row, which every app server watches and applies
 * within a second, and an outbox task that pushes them once to a shared engine (Typesense), retried
 * while it is down. Both are written with the change itself.
 */
export const queueSearchSettings: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({
  doc,
  req,
  collection,
}) => {
  await req.payload.create({ collection: 'search-changes', data: { kind: 'settings' }, req, overrideAccess: true })
  // A changed vocabulary changes how entries are segmented: the shared index is rebuilt once.
  const input = { rebuild: collection.slug === 'search-words' }
  await req.payload.jobs.queue({ task: 'reloadSearchSettings', input, queue: SEARCH_QUEUE, req })
  return doc
}
