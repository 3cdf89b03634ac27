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
const parts = new WeakMap<object, string>()

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

function partJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  let json = parts.get(value)
  if (json === undefined) {
    json = JSON.stringify(value)
    parts.set(value, json)
  }
  return json
}

/** A flat answer made per request whose object values (hits, facets) are shared. */
export function sendJsonOfSharedParts(res: Response, answer: Record<string, unknown>): void {
  let json = ''
  for (const [key, value] of Object.entries(answer))
    if (value !== undefined) json += `${json ? ',' : '{'}${JSON.stringify(key)}:${partJson(value)}`
  const bytes = Buffer.from(json ? `${json}}` : '{}')
  res.setHeader('Content-Type', JSON_TYPE)
  res.setHeader('Content-Length', bytes.length)
  res.end(bytes)
}
