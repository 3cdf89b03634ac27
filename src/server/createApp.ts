/**
 * The Express application: security headers, request ids and JSON logs, our /api/v1 routers, then
 * Payload's REST API, then (when given) Next for the admin and pages. Used by the server and tests.
 */
import { randomUUID } from 'node:crypto'

import express, { type Express, type RequestHandler } from 'express'
import helmet from 'helmet'
import type { Payload } from 'payload'
import { pinoHttp } from 'pino-http'

import type { Env } from '../config/env'
import { errorHandler, notFound } from '../http/errors'
import { openApiDocument } from '../http/openapi'
import { payloadRest } from '../http/payloadRest'
import { agentRouter } from '../http/routes/agent'
import { healthRouter } from '../http/routes/health'
import { publicRouter } from '../http/routes/public'
import { reportsRouter } from '../http/routes/reports'
import { goneWhenExpired } from '../http/routes/siteGuards'
import { workOrdersRouter } from '../http/routes/workOrders'
import { logger } from '../log'
import { MCP_PATH, mcpRouter } from '../mcp/router'
import { searchEngine } from '../search/searchEngine'

export function createApp(payload: Payload, e: Env, nextHandler?: RequestHandler): Express {
  const app = express()
  app.disable('x-powered-by')
  app.set(
    'trust proxy',
    e.trustProxy.split(',').map((p) => p.trim()),
  )
  // The Payload admin (Next) relies on inline scripts and styles; a CSP arrives with the public site.
  app.use(helmet({ contentSecurityPolicy: false }))
  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) || randomUUID()
        res.setHeader('X-Request-Id', id)
        return id
      },
      autoLogging: { ignore: (req) => req.url?.startsWith('/_next/') ?? false },
    }),
  )

  const v1 = express.Router()
  v1.use(express.json({ limit: '100kb' }))
  v1.use(healthRouter(payload, e.databaseKind, searchEngine))
  v1.get('/openapi.json', (_req, res) => res.json(openApiDocument))
  v1.use('/agent', agentRouter(payload, searchEngine))
  v1.use('/public', publicRouter(payload, searchEngine, { requestsPerMinute: e.publicRateLimit }))
  v1.use('/work-orders', workOrdersRouter(payload))
  v1.use('/reports', reportsRouter(payload))
  v1.use(notFound)
  app.use('/api/v1', v1)

  app.use(MCP_PATH, mcpRouter(payload, searchEngine), errorHandler)
  app.use('/api', payloadRest(payload.config))
  app.get('/entries/:code', goneWhenExpired(payload))

  if (nextHandler) {
    app.use(nextHandler)
  } else {
    app.use(notFound)
  }
  app.use(errorHandler)
  return app
}
