/**
 * Payload's REST API served by Express through Payload's own fetch-style handler (handleEndpoints),
 * so /api works, and is tested, without going through Next.
 */
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

import type { RequestHandler } from 'express'
import { handleEndpoints, type SanitizedConfig } from 'payload'

import { toFetchHeaders } from '../auth/fetchHeaders'

function toFetchRequest(req: Parameters<RequestHandler>[0]): Request {
  const headers = toFetchHeaders(req.headers)
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD'
  return new Request(new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
    // Required by undici for a streamed request body.
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit)
}

export function payloadRest(config: Promise<SanitizedConfig> | SanitizedConfig): RequestHandler {
  return async (req, res, next) => {
    try {
      const response = await handleEndpoints({ config, request: toFetchRequest(req) })
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
