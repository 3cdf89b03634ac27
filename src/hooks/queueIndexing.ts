import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { INDEXING_QUEUED_BY_CALLER, queueIndexing } from '../services/searchOutbox'

/**
 * Queued with the request's transaction, so the index task exists exactly when the write does; the
 * change row lets every app server's own index follow it (see src/jobs/searchFollower.ts). A batch
 * writer (the import) queues its entries itself, once per batch.
 */
export const queueIndexingAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (doc.code && !req.context[INDEXING_QUEUED_BY_CALLER]) await queueIndexing(req, [doc.code])
  return doc
}

export const queueIndexingAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  if (doc.code) await queueIndexing(req, [doc.code])
  return doc
}
