/**
 * Payload's REST API served by Express through Payload's own fetch-style handler (handleEndpoints),
 * so /api works, and is tested, without going through Next.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import type { RequestHandler } from 'express'
import { handleEndpoints, type SanitizedConfig } from 'payload'

import { toFetchHeaders } from '../auth/fetchHeaders'

/** The request's URL on its own Host; a Host header no URL accepts gets the product's own origin. */
function requestUrl(req: Parameters<RequestHandler>[0], serverUrl: string): URL {
  try {
    return new URL(req.originalUrl, `${req.protocol}://${req.headers.host ?? 'localhost'}`)
  } catch {
    return new URL(req.originalUrl, serverUrl)
  }
}

function toFetchRequest(req: Parameters<RequestHandler>[0], serverUrl: string): Request {
  const headers = toFetchHeaders(req.headers)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  // restGuard already read JSON bodies; anything else (uploads) streams through.
  const read = Buffer.isBuffer(req.body) ? new Uint8Array(req.body) : undefined
  return new Request(requestUrl(req, serverUrl), {
    method: req.method,
    headers,
    body: hasBody ? (read ?? (Readable.toWeb(req) as ReadableStream)) : undefined,
    // Required by undici for a streamed request body.
    ...(hasBody && !read ? { duplex: 'half' } : {}),
  } as RequestInit)
}

export function payloadRest(config: SanitizedConfig, serverUrl: string): RequestHandler {
  return async (req, res, next) => {
    try {
      const response = await handleEndpoints({ config, request: toFetchRequest(req, serverUrl) })
      res.status(response.status)
      response.headers.forEach((value, name) => {
        if (name !== 'set-cookie') res.setHeader(name, value)
      })
      const cookies = response.headers.getSetCookie()
      if (cookies.length) res.setHeader('set-cookie', cookies)
      if (response.body) await pipeline(Readable.fromWeb(response.body as never), res)
      else res.end()
    } catch (err) {
      next(err)
    }
  }
}
