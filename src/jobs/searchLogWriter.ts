/** Writes the search analytics gathered in memory every few seconds, off the request path. */
import type { Payload } from 'payload'

import { flushSearchLog } from '../services/searchLog'

export const SEARCH_LOG_FLUSH_MS = 5_000

/** Starts the writer; the returned function stops it and writes what is left. */
export function startSearchLogWriter(payload: Payload, everyMs = SEARCH_LOG_FLUSH_MS): () => Promise<void> {
  const write = () =>
    flushSearchLog(payload).catch((err: unknown) =>
      payload.logger.warn({ err }, 'search log not written, kept for the next batch'),
    )
  const timer = setInterval(write, everyMs)
  timer.unref()
  return async () => {
    clearInterval(timer)
    await write()
  }
}
