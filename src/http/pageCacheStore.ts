/**
 * The public pages' cache store: rendered HTML kept in memory, bounded by bytes (least recently used
 * goes first), each page with an optional time to live. Pages carry a per-response CSP nonce; the
 * store keeps the body with a placeholder in its place so that every hit gets a fresh one.
 */
export type CachedPage = {
  status: number
  headers: Record<string, string | string[]>
  /** The body with each occurrence of the render's nonce replaced by NONCE_PLACEHOLDER. */
  body: string
}

/** Cannot occur in HTML that Next renders: a control character, not escaped, around a marker. */
export const NONCE_PLACEHOLDER = '\u0000nonce\u0000'

/** The body to store: the render's nonce replaced by the placeholder. */
export const withPlaceholder = (body: string, nonce: string): string =>
  nonce ? body.split(nonce).join(NONCE_PLACEHOLDER) : body

/** The body to send: the placeholder replaced by this response's nonce. */
export const withNonce = (body: string, nonce: string): string => body.split(NONCE_PLACEHOLDER).join(nonce)

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
    const bytes = Buffer.byteLength(page.body) + key.length
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
