import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { SEARCH_QUEUE } from '../jobs/syncIndex'

/**
 * Queued with the request's transaction, so the index task exists exactly when the write does; the
 * change row lets every app server's own index follow it (see src/jobs/searchFollower.ts).
 */
const queue = async (req: PayloadRequest, code: string | null | undefined) => {
  if (!code) return
  await req.payload.create({ collection: 'search-changes', data: { kind: 'entry', code }, req, overrideAccess: true })
  await req.payload.jobs.queue({ task: 'indexEntry', input: { code }, queue: SEARCH_QUEUE, req })
}

export const queueIndexingAfterChange: CollectionAfterChangeHook = async ({ doc, req }) => {
  await queue(req, doc.code)
  return doc
}

export const queueIndexingAfterDelete: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await queue(req, doc.code)
  return doc
}
