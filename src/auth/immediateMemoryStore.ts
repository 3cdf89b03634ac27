/**
 * Counts in fixed windows in this process's memory, as express-rate-limit's MemoryStore does, but
 * answers at once instead of through a promise: the two limits every search passes (rateLimits.ts)
 * then let a cached answer go out in the same turn of the event loop, without a promise and a
 * microtask per request. MemoryStore's methods are all async, and its bookkeeping is private.
 */
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'

export class ImmediateMemoryStore implements Store {
  /** Counts of one instance never affect another (express-rate-limit's validation reads this). */
  readonly localKeys = true
  private windowMs = 60_000
  /** Clients seen in this window and in the one before; older ones are dropped together. */
  private current = new Map<string, ClientRateLimitInfo>()
  private previous = new Map<string, ClientRateLimitInfo>()
  private rotateAt = 0

  init(options: Pick<Options, 'windowMs'>): void {
    this.windowMs = options.windowMs
  }

  increment(key: string): ClientRateLimitInfo {
    const now = Date.now()
    const client = this.client(key, now)
    if (client.resetTime!.getTime() <= now) {
      client.totalHits = 0
      client.resetTime = new Date(now + this.windowMs)
    }
    client.totalHits++
    return client
  }

  decrement(key: string): void {
    const client = this.current.get(key) ?? this.previous.get(key)
    if (client && client.totalHits > 0) client.totalHits--
  }

  resetKey(key: string): void {
    this.current.delete(key)
    this.previous.delete(key)
  }

  resetAll(): void {
    this.current.clear()
    this.previous.clear()
  }

  private client(key: string, now: number): ClientRateLimitInfo {
    // A client not seen for a whole window has no count left to keep: its window has ended.
    if (now >= this.rotateAt) {
      this.previous = this.current
      this.current = new Map()
      this.rotateAt = now + this.windowMs
    }
    let client = this.current.get(key)
    if (!client) {
      client = this.previous.get(key) ?? { totalHits: 0, resetTime: new Date(now + this.windowMs) }
      this.current.set(key, client)
    }
    return client
  }
}
