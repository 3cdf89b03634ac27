import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { SEARCH_QUEUE } from '../jobs/syncIndex'

/**
 * Synonyms, vocabulary and pins reach the engine through the outbox: queued with the write, pushed
 * within a second, retried while the engine is down.
 */
export const queueSearchSettings: CollectionAfterChangeHook & CollectionAfterDeleteHook = async ({ doc, req }) => {
  await req.payload.jobs.queue({ task: 'reloadSearchSettings', input: {}, queue: SEARCH_QUEUE, req })
  return doc
}
