/**
 * Drains the search outbox several times a second. Payload's cron runner ticks once a second at
 * best, which with the work itself would put a publish just over a second from being searchable.
 * With several app servers only the holder of the outbox lease runs it, so each task is done by
 * exactly one instance; a new holder first releases the tasks a dead holder left marked processing.
 */
import type { Payload } from 'payload'

import { createLease, type Lease } from './lease'
import { SEARCH_QUEUE } from './syncIndex'

export const OUTBOX_POLL_MS = 200

/** Tasks a previous holder was running when it stopped: nobody else runs this queue, so none is live. */
export async function releaseOrphanedTasks(payload: Payload): Promise<void> {
  await payload.db.updateJobs({
    where: { and: [{ queue: { equals: SEARCH_QUEUE } }, { processing: { equals: true } }] },
    data: { processing: false },
    returning: false,
  })
}

export function startOutboxRunner(
  payload: Payload,
  intervalMs = OUTBOX_POLL_MS,
  lease: Lease = createLease(payload, 'search-outbox'),
): () => void {
  lease.onAcquire(() => releaseOrphanedTasks(payload))
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      if (await lease.held()) await payload.jobs.run({ queue: SEARCH_QUEUE, limit: 100, sequential: true })
    } catch (err) {
      payload.logger.error({ err }, 'search outbox run failed; retrying')
    } finally {
      running = false
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
