import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { SEARCH_QUEUE } from '../jobs/syncIndex'

/** Queued with the request's transaction, so the index task exists exactly when the write does. */
const queue = (req: PayloadRequest, code: string | null | undefined) =>
  code ? req.payload.jobs.queue({ task: 'indexEntry', input: { code }, queue: SEARCH_QUEUE, req }) : undefined

export const queueIndexingAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await queue(req, doc.code)
  return doc
}

export const queueIndexingAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await queue(req, doc.code)
  return doc
}
