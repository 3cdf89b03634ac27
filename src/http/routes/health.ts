import { Router } from 'express'
import type { Payload } from 'payload'

import { now } from '../../domain/clock'
import { SEARCH_QUEUE } from '../../jobs/syncIndex'
import { indexBuilding } from '../../search/searchEngine'
import type { SearchEngine } from '../../search/types'
import { outboxLag } from '../../services/operationalFigures'

const HEALTH_PROBE_KEY = 'health-probe'

/**
 * Whether the database takes writes: a read-only file or a lost primary answers reads but refuses
 * every change, so reading alone would report a broken product as healthy.
 */
async function databaseWritable(payload: Payload): Promise<boolean> {
  return payload.kv
    .set(HEALTH_PROBE_KEY, { at: new Date().toISOString() })
    .then(() => true)
    .catch(() => false)
}

/** Liveness and dependency status for load balancers and operators. */
export function healthRouter(payload: Payload, databaseKind: string, engine: () => SearchEngine): Router {
  const router = Router()
  router.get('/health', async (_req, res) => {
    const database = await payload
      .count({ collection: 'units', overrideAccess: true })
      .then(() => databaseWritable(payload))
      .then((writable) => ({ status: 'up' as const, kind: databaseKind, writable }))
      .catch((err: Error) => ({ status: 'down' as const, kind: databaseKind, writable: false, error: err.message }))
    const search = await engine()
      .health()
      .catch((err: Error) => ({ status: 'down' as const, engine: 'unknown', documents: 0, error: err.message }))
    const outbox = database.status === 'up' ? await outboxLag(payload, SEARCH_QUEUE) : null
    const ok = database.status === 'up' && database.writable && search.status === 'up'
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      time: now().toISOString(),
      database,
      // While the index loads at start, searches answer from what is loaded so far.
      search: { ...search, index: indexBuilding() ? 'building' : 'ready', outbox },
    })
  })
  return router
}
