/**
 * The public pages' cache store: rendered HTML kept in memory, bounded by bytes (least recently used
 * goes first), each page with an optional time to live. Pages carry a per-response CSP nonce; the
 * store keeps the body cut where it was, so that every hit gets a fresh one.
 */
export type CachedPage = {
  status: number
  headers: Record<string, string | string[]>
  /** The body's bytes cut at each occurrence of the render's nonce: a hit puts its own between them. */
  parts: Buffer[]
}

/** The body cut at the nonce, once when stored, so that a hit copies bytes instead of searching text. */
export function splitAtNonce(body: Buffer, nonce: string): Buffer[] {
  if (!nonce) return [body]
  const needle = Buffer.from(nonce)
  const parts: Buffer[] = []
  let from = 0
  for (let at = body.indexOf(needle); at !== -1; at = body.indexOf(needle, from)) {
    parts.push(body.subarray(from, at))
    from = at + needle.length
  }
  parts.push(body.subarray(from))
  return parts
}

/** The body to send: the parts joined by this response's nonce. */
export function joinWithNonce(parts: Buffer[], nonce: string): Buffer {
  if (parts.length === 1) return parts[0]!
  const needle = Buffer.from(nonce)
  const pieces: Buffer[] = [parts[0]!]
  for (let i = 1; i < parts.length; i++) pieces.push(needle, parts[i]!)
  return Buffer.concat(pieces)
}

type Slot = { page: CachedPage; bytes: number; expiresAt: number }

export class PageCacheStore {
  private readonly slots = new Map<string, Slot>()
  private used = 0

  constructor(
    private readonly maxBytes: number,
    private readonly clock: () => number = Date.now,
  ) {}

  get(key: string): CachedPage | undefined {
    const slot = this.slots.get(key)
    if (!slot) return undefined
    if (slot.expiresAt <= this.clock()) {
      this.remove(key, slot)
      return undefined
    }
    // Map keeps insertion order: re-inserting marks the page most recently used.
    this.slots.delete(key)
    this.slots.set(key, slot)
    return slot.page
  }

  /** `ttlMs`: how long the page may be served; Infinity until the next clear(). */
  set(key: string, page: CachedPage, ttlMs = Infinity): void {
    const bytes = page.parts.reduce((sum, part) => sum + part.length, key.length)
    const old = this.slots.get(key)
    if (old) this.remove(key, old)
    if (bytes > this.maxBytes) return
    this.slots.set(key, { page, bytes, expiresAt: this.clock() + ttlMs })
    this.used += bytes
    for (const [oldest, slot] of this.slots) {
      if (this.used <= this.maxBytes) break
      this.remove(oldest, slot)
    }
  }

  /** Every entry change clears everything: a page lists entries it does not own (home, categories, related). */
  clear(): void {
    this.slots.clear()
    this.used = 0
  }

  get size(): number {
    return this.slots.size
  }

  get bytes(): number {
    return this.used
  }

  private remove(key: string, slot: Slot): void {
    this.slots.delete(key)
    this.used -= slot.bytes
  }
}

const SCRIPT = /<script\b[^>]*>[\s\S]*?<\/script>/g
const SCRIPT_PRELOAD = /<link\b[^>]*\b(?:rel="modulepreload"|as="script")[^>]*\/?>/g
/** React's scripts that reveal content streamed behind a Suspense boundary: a page using them needs its scripts. */
const REVEALS = /\$R[CSXV]\(|<template\b/

/**
 * A server-rendered page without Next's client runtime: its scripts (the framework's chunks and the
 * inline React payload that would hydrate it) and their preloads go; markup and styles stay. React
 * escapes `<` inside its inline scripts, so `</script>` only ends one. A page that streams part of
 * its content through scripts is returned unchanged.
 */
export function withoutClientRuntime(body: Buffer): Buffer {
  const html = body.toString('utf8')
  if (REVEALS.test(html)) return body
  return Buffer.from(html.replace(SCRIPT, '').replace(SCRIPT_PRELOAD, ''))
}
