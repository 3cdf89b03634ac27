/**
 * The Express application: the two searches first, then security headers, compression, (when Next
 * is given) anonymous pages already rendered, request ids and JSON logs, metrics, CSRF and the
 * anonymous limits, our /api/v1 routers, then Payload's REST API, then Next for the admin and pages behind
 * the page cache. Used by the server and tests.
 */
import compression from 'compression'
import express, { type Express, type RequestHandler } from 'express'
import type { Payload } from 'payload'

import { rateLimitStore } from '../auth/databaseRateLimitStore'
import type { Env } from '../config/env'
import { anonymousTraffic } from '../http/anonymousGate'
import { loginThrottle, resetPasswordPolicy } from '../http/authGuards'
import { pageContentSecurity } from '../http/contentSecurity'
import { errorHandler, notFound } from '../http/errors'
import { openApiDocument } from '../http/openapi'
import { pageCache } from '../http/pageCache'
import { payloadRest } from '../http/payloadRest'
import { requestLog } from '../http/requestLog'
import { restGuard } from '../http/restGuard'
import { agentAccess, agentRouter, agentSearch } from '../http/routes/agent'
import { healthRouter } from '../http/routes/health'
import { importUploadRouter } from '../http/routes/importUpload'
import { metricsEndpoint, requestTiming } from '../http/routes/metrics'
import { personalDataRouter } from '../http/routes/personalData'
import { progressLimiter, progressRouter } from '../http/routes/progress'
import { publicRouter, publicSearch } from '../http/routes/public'
import { reportsRouter } from '../http/routes/reports'
import { goneWhenExpired } from '../http/routes/siteGuards'
import { supervisionRouter } from '../http/routes/supervision'
import { workOrdersRouter } from '../http/routes/workOrders'
import { refuseCrossSiteWrites } from '../http/sameOrigin'
import { securityHeaders } from '../http/securityHeaders'
import { logger } from '../log'
import { MCP_PATH, mcpRouter } from '../mcp/router'
import { searchEngine } from '../search/searchEngine'

const PUBLIC_SEARCH = '/api/v1/public/search'
const AGENT_SEARCH = '/api/v1/agent/search'

export function createApp(payload: Payload, e: Env, nextHandler?: RequestHandler): Express {
  const app = express()
  const dev = e.nodeEnv === 'development'
  app.disable('x-powered-by')
  app.set(
    'trust proxy',
    e.trustProxy.split(',').map((p) => p.trim()),
  )
  // Helmet's headers, asked once; the policy is ours (contentSecurity.ts): strict for API answers, nonce-based for pages.
  const headers = securityHeaders()
  // One line per answer, at its end; never the headers (credentials) nor a progress query.
  const log = requestLog(logger, { ignore: (url) => url.startsWith('/_next/') })
  const anonymous = anonymousTraffic({
    requestsPerMinute: e.publicRateLimit,
    ...e.anonymous,
    store: rateLimitStore(payload, 'public'),
  })
  const agentGate = agentAccess(payload)
  // The searches, what the public crowd and the agents on the phone ask most, come first, each with
  // just what it needs of the chain below: the headers, the log, the timing, then the anonymous
  // limits or the caller's check. Passing the application's other layers one by one cost a cached
  // search about 15 % of its CPU time. Their answers carry their own encoding (jsonAnswer.ts).
  app.get(PUBLIC_SEARCH, headers, log, requestTiming, anonymous, publicSearch(searchEngine))
  app.get(AGENT_SEARCH, headers, log, requestTiming, agentGate, agentSearch(searchEngine))

  app.use(headers)
  // gzip/deflate/br for text answers (HTML, JSON, CSS, JS) above 1 kB; never on the MCP stream.
  app.use(compression({ filter: (req, res) => !req.path.startsWith(MCP_PATH) && compression.filter(req, res) }))
  // A public page already rendered is answered here, before everything it does not need (pageCache.ts).
  const pages = pageCache({ ...e.pageCache, enabled: Boolean(nextHandler) && e.pageCache.enabled, dev })
  app.use(pages.hits)
  app.use(log)
  app.use(requestTiming)
  app.get('/metrics', metricsEndpoint(payload, e))

  // One limit for the claimant's progress look-up, on the API and the page alike.
  const progressLimit = progressLimiter(e.progressRateLimit)
  app.use(refuseCrossSiteWrites(e.trustedOrigins))
  app.use(anonymous)

  const v1 = express.Router()
  v1.use(express.json({ limit: '100kb' }))
  v1.use(healthRouter(payload, e.databaseKind, searchEngine))
  v1.get('/openapi.json', (_req, res) => res.json(openApiDocument))
  v1.use('/agent', agentRouter(payload, searchEngine, agentGate))
  v1.use('/public/progress', progressRouter(payload, progressLimit))
  v1.use('/public', publicRouter(payload, searchEngine))
  v1.use('/work-orders', workOrdersRouter(payload))
  v1.use('/reports', reportsRouter(payload))
  v1.use('/import', importUploadRouter(payload))
  v1.use('/supervision', supervisionRouter(payload))
  v1.use('/personal-data', personalDataRouter(payload))
  v1.use(notFound)
  app.use('/api/v1', v1)

  app.use(MCP_PATH, mcpRouter(payload, searchEngine), errorHandler)
  app.use(
    '/api',
    restGuard(payload),
    loginThrottle({
      maxAttempts: e.loginMaxAttempts,
      lockMs: e.loginLockMs,
      clientMaxFailures: e.loginClientMaxFailures,
    }),
    resetPasswordPolicy(),
    payloadRest(payload.config, e.publicUrl),
  )
  // Pages: a fresh nonce each, then the anonymous page cache keeps what renders.
  if (nextHandler) app.use(pageContentSecurity(dev), pages.renders)
  app.get('/entries/:code', goneWhenExpired(payload))
  app.get('/progress', progressLimit)

  if (nextHandler) {
    app.use(nextHandler)
  } else {
    app.use(notFound)
  }
  app.use(errorHandler)
  return app
}
