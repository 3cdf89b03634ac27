/**
 * The search outbox: what an entry write leaves in its own transaction for the index to follow (the
 * task exists exactly when the write does). A change row per entry lets every app server's index
 * follow it (src/jobs/searchFollower.ts); an index task in Payload's jobs queue brings the shared
 * index up to date (src/jobs/syncIndex.ts): one task for a whole batch of entries.
 */
import type { PayloadRequest } from 'payload'

import { sqliteBulkCreator } from './sqliteBulkCreate'

export const SEARCH_QUEUE = 'search'

/** Set in a write's context by a caller that queues the indexing of its entries itself, once for many. */
export const INDEXING_QUEUED_BY_CALLER = 'indexingQueuedByCaller'

export async function queueIndexing(req: PayloadRequest, codes: string[]): Promise<void> {
  if (!codes.length) return
  // A batch's change rows in one statement where the database allows it (the rows have no hooks).
  const bulk = codes.length > 1 ? sqliteBulkCreator(req.payload, 'search-changes') : undefined
  if (bulk) {
    const at = new Date().toISOString()
    await bulk.create(
      req,
      codes.map((code) => ({ kind: 'entry', code, createdAt: at, updatedAt: at })),
    )
  } else {
    for (const code of codes)
      await req.payload.create({
        collection: 'search-changes',
        data: { kind: 'entry', code },
        req,
        overrideAccess: true,
      })
  }
  await (codes.length === 1
    ? req.payload.jobs.queue({ task: 'indexEntry', input: { code: codes[0] }, queue: SEARCH_QUEUE, req })
    : req.payload.jobs.queue({ task: 'indexEntries', input: { codes }, queue: SEARCH_QUEUE, req }))
}
