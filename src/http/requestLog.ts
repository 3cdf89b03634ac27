/**
 * The request log: one line per answer, written when it is finished (or the client went away), with
 * a small object — request id, method, URL, client address, status, time. pino-http built a child
 * logger per request, serialising the whole request (every header, through the redaction) even when
 * the level dropped the line; here a request costs an id and a listener, and `req.log` (for the
 * error handler, the CSRF refusal, the MCP tool log) is made only when something asks for it.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import type { RequestHandler } from 'express'
import type { Logger } from 'pino'

import { loggedQuery } from '../domain/knowledge/searchLog'
import { onClose } from './onClose'
import { requestId } from './requestId'

declare module 'http' {
  interface IncomingMessage {
    /** This request's id (X-Request-Id), on every line it logs. */
    id: string
    /** A logger whose lines carry the request id. */
    log: Logger
  }
}

/** A search's words, anywhere in a query string (`q=`): the API's, the suggestions', the site's. */
const SEARCH_WORDS = /([?&]q=)([^&#]*)/g

/** What a search asks, as the search analytics keep it: masked (phone and ID numbers, names, addresses). */
function maskedWords(_: string, key: string, value: string): string {
  let words: string
  try {
    words = decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    // Not decodable: nothing of it is kept.
    return `${key}*`
  }
  return key + encodeURIComponent(loggedQuery(words))
}

/**
 * The URL as logged: a progress look-up's query is an order number and the claimant's phone digits,
 * not for the log; a search's words are masked as the search analytics mask them.
 */
export const loggedUrl = (url: string): string => {
  if (url.startsWith('/progress?')) return '/progress?…'
  return url.includes('q=') ? url.replace(SEARCH_WORDS, maskedWords) : url
}

/** 5xx as errors, 4xx as warnings (refusals, limits, bad input), the rest as information. */
const levelOf = (status: number) => (status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info')

const CHILD = Symbol('request logger')
type Logged = IncomingMessage & { [CHILD]?: Logger }

export function requestLog(logger: Logger, options: { ignore?: (url: string) => boolean } = {}): RequestHandler {
  const prototypes = new WeakSet<object>()
  return (req, res, next) => {
    const id = requestId(req)
    res.setHeader('X-Request-Id', id)
    req.id = id
    // `req.log` as a getter on the application's request prototype, set up once: no logger is made
    // for a request that logs nothing itself.
    const prototype = Object.getPrototypeOf(req) as object
    if (!prototypes.has(prototype)) {
      prototypes.add(prototype)
      Object.defineProperty(prototype, 'log', {
        configurable: true,
        get(this: Logged) {
          return (this[CHILD] ??= logger.child({ reqId: this.id }))
        },
        set(this: Logged, log: Logger) {
          this[CHILD] = log
        },
      })
    }
    const url = req.originalUrl
    if (!options.ignore?.(url)) {
      const started = performance.now()
      onClose(res, () => writeLine(logger, req, res, id, url, performance.now() - started))
    }
    next()
  }
}

function writeLine(logger: Logger, req: IncomingMessage, res: ServerResponse, id: string, url: string, ms: number) {
  const finished = res.writableFinished
  const level = finished ? levelOf(res.statusCode) : 'warn'
  if (!logger.isLevelEnabled(level)) return
  logger[level](
    {
      reqId: id,
      req: { method: req.method, url: loggedUrl(url), remoteAddress: req.socket.remoteAddress },
      res: { statusCode: res.statusCode },
      responseTime: Math.round(ms * 10) / 10,
    },
    finished ? 'request completed' : 'request aborted',
  )
}
