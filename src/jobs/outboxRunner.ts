/**
 * Drains the search outbox several times a second. Payload's cron runner ticks once a second at
 * best, which with the work itself would put a publish just over a second from being searchable.
 */
import type { Payload } from 'payload'

import { SEARCH_QUEUE } from './syncIndex'

export const OUTBOX_POLL_MS = 200

export function startOutboxRunner(payload: Payload, intervalMs = OUTBOX_POLL_MS): () => void {
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      await payload.jobs.run({ queue: SEARCH_QUEUE, limit: 100 })
    } catch (err) {
      payload.logger.error({ err }, 'search outbox run failed; retrying')
    } finally {
      running = false
    }
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}
