import { randomUUID } from 'node:crypto'

import type { Request } from 'express'

/** The caller's X-Request-Id (a proxy's, bounded), or a new one: the id of this request in the logs. */
export const requestId = (req: Pick<Request, 'headers'>): string =>
  (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID()
