/**
 * JSON for search answers that share their parts between requests (knowledgeQueries.ts: the hits
 * of a cached ranking are presented once and handed to every request for that query). A shared
 * object is serialised once: a whole answer (the public one) becomes bytes with its ETag kept
 * beside them; an answer made per request (the agent's, with its own took_ms) is put together from
 * its parts' kept JSON, without an ETag (it differs on every request). Only objects nobody changes
 * once made may come here.
 */
import type { Response } from 'express'

const JSON_TYPE = 'application/json; charset=utf-8'
const bodies = new WeakMap<object, { bytes: Buffer; etag?: string }>()
const parts = new WeakMap<object, Buffer>()

/** An answer that is itself shared (the same object for every request that gets it). */
export function sendSharedJson(res: Response, answer: object): void {
  let kept = bodies.get(answer)
  if (!kept) {
    const bytes = Buffer.from(JSON.stringify(answer))
    // The application's own ETag (weak by default), computed once per body.
    const etagOf = res.app.get('etag fn') as ((body: Buffer) => string | undefined) | undefined
    kept = { bytes, etag: etagOf?.(bytes) }
    bodies.set(answer, kept)
  }
  res.setHeader('Content-Type', JSON_TYPE)
  if (kept.etag) res.setHeader('ETag', kept.etag)
  // Express answers 304 to a matching If-None-Match.
  res.send(kept.bytes)
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
export function sendJsonOfSharedParts(res: Response, answer: Record<string, unknown>): void {
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
  res.setHeader('Content-Length', bytes.length)
  res.end(bytes)
}
