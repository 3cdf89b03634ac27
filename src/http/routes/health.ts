import { Router } from 'express'
import type { Payload } from 'payload'

import { now } from '../../domain/clock'

/** Liveness and dependency status for load balancers and operators. */
export function healthRouter(payload: Payload, databaseKind: string): Router {
  const router = Router()
  router.get('/health', async (_req, res) => {
    const database = await payload
      .count({ collection: 'units', overrideAccess: true })
      .then(() => ({ status: 'up' as const, kind: databaseKind }))
      .catch((err: Error) => ({ status: 'down' as const, kind: databaseKind, error: err.message }))
    const ok = database.status === 'up'
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'degraded',
      time: now().toISOString(),
      database,
      search: { status: 'not-configured' },
    })
  })
  return router
}
