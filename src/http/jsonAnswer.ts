/**
 * JSON for search answers that share their parts between requests (knowledgeQueries.ts: the hits
 * of a cached ranking are presented once and handed to every request for that query). A shared
 * object is serialised once: a whole answer (the public one) becomes bytes with its ETag kept
 * beside them; an answer made per request (the agent's, with its own took_ms) is put together from
 * its parts' kept JSON, without an ETag (it differs on every request). Only objects nobody changes
 * once made may come here.
 *
 * These answers carry their own encoding (createApp.ts keeps the compressor off their paths): a
 * shared answer is compressed once, for every client that takes brotli or gzip, instead of once per
 * request; and a client that takes neither does not pay for the compressor's wrapping at all.
 */
import zlib from 'node:zlib'

import type { Request, Response } from 'express'

const JSON_TYPE = 'application/json; charset=utf-8'
type Encoding = 'br' | 'gzip'
type Kept = { bytes: Buffer; etag?: string; encoded: Partial<Record<Encoding, Buffer>> }
const bodies = new WeakMap<object, Kept>()
const parts = new WeakMap<object, Buffer>()

/** Below this a body goes as it is: the compressor's own threshold. */
const MIN_ENCODED_BYTES = 1024
const ENCODERS: Record<Encoding, (bytes: Buffer) => Buffer> = {
  br: (bytes) =>
    zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  gzip: (bytes) => zlib.gzipSync(bytes),
}

/** What the client takes for a body of this size, brotli or gzip in the order it lists them; else none. */
function encodingFor(req: Request, res: Response, size: number): Encoding | undefined {
  // What Express's res.vary does, without parsing a Vary nobody set before (the usual case).
  if (res.hasHeader('Vary')) res.vary('Accept-Encoding')
  else res.setHeader('Vary', 'Accept-Encoding')
  if (size < MIN_ENCODED_BYTES || !req.headers['accept-encoding']) return undefined
  const chosen = req.acceptsEncodings('br', 'gzip', 'identity')
  return chosen === 'br' || chosen === 'gzip' ? chosen : undefined
}

/** An answer that is itself shared (the same object for every request that gets it). */
export function sendSharedJson(req: Request, res: Response, answer: object): void {
  let kept = bodies.get(answer)
  if (!kept) {
    const bytes = Buffer.from(JSON.stringify(answer))
    // The application's own ETag (weak by default), computed once per body: one for every encoding.
    const etagOf = res.app.get('etag fn') as ((body: Buffer) => string | undefined) | undefined
    kept = { bytes, etag: etagOf?.(bytes), encoded: {} }
    bodies.set(answer, kept)
  }
  if (kept.etag) res.setHeader('ETag', kept.etag)
  const encoding = encodingFor(req, res, kept.bytes.length)
  // 304 to a client that holds this answer (If-None-Match), as Express's send would answer.
  if (req.headers['if-none-match'] && req.fresh) {
    res.statusCode = 304
    return void res.end()
  }
  res.setHeader('Content-Type', JSON_TYPE)
  if (encoding) res.setHeader('Content-Encoding', encoding)
  const body = encoding ? (kept.encoded[encoding] ??= ENCODERS[encoding](kept.bytes)) : kept.bytes
  res.setHeader('Content-Length', body.length)
  res.end(body)
}

/** A shared part as UTF-8 bytes, made once: joining bytes copies them, encoding text again would not be free. */
function partBytes(value: object): Buffer {
  let bytes = parts.get(value)
  if (bytes === undefined) {
    bytes = Buffer.from(JSON.stringify(value))
    parts.set(value, bytes)
  }
  return bytes
}

/** A flat answer made per request whose object values (hits, facets) are shared. */
export function sendJsonOfSharedParts(req: Request, res: Response, answer: Record<string, unknown>): void {
  const chunks: Buffer[] = []
  // The request's own values (numbers, strings) and the keys, as text between the shared parts.
  let text = '{'
  let first = true
  for (const [key, value] of Object.entries(answer)) {
    if (value === undefined) continue
    text += `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    if (typeof value === 'object' && value !== null) {
      chunks.push(Buffer.from(text), partBytes(value))
      text = ''
    } else text += JSON.stringify(value)
  }
  chunks.push(Buffer.from(`${text}}`))
  const bytes = Buffer.concat(chunks)
  res.setHeader('Content-Type', JSON_TYPE)
  const encoding = encodingFor(req, res, bytes.length)
  if (encoding) res.setHeader('Content-Encoding', encoding)
  const body = encoding ? ENCODERS[encoding](bytes) : bytes
  res.setHeader('Content-Length', body.length)
  res.end(body)
}
