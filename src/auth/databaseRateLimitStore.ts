/**
 * An express-rate-limit store in the database, so that a limit holds across every app server on it:
 * one row per counted request in fixed windows aligned on the clock (the same windows on every
 * instance), counted after the insert, so concurrent requests on two instances each see both.
 */
import type { ClientRateLimitInfo, Options, Store } from 'express-rate-limit'
import type { Payload } from 'payload'

import { env } from '../config/env'

/** The store of one limiter (`RATE_LIMIT_STORE`): the database's, or express-rate-limit's memory store. */
export const rateLimitStore = (payload: Payload, name: string): Store | undefined =>
  env().rateLimitStore === 'database' ? new DatabaseRateLimitStore(payload, name) : undefined

export class DatabaseRateLimitStore implements Store {
  localKeys = false
  private windowMs = 60_000
  private lastPrune = 0

  constructor(
    private readonly payload: Payload,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.windowMs = options.windowMs
  }

  private window(): number {
    return Math.floor(Date.now() / this.windowMs) * this.windowMs
  }

  private where(key: string, window?: number) {
    const byKey = { key: { equals: `${this.prefix}:${key}` } }
    return window === undefined ? byKey : { and: [byKey, { window: { equals: window } }] }
  }

  async get(key: string): Promise<ClientRateLimitInfo> {
    const window = this.window()
    const { totalDocs } = await this.payload.db.count({ collection: 'rate-limit-hits', where: this.where(key, window) })
    return { totalHits: totalDocs, resetTime: new Date(window + this.windowMs) }
  }

  async increment(key: string): Promise<ClientRateLimitInfo> {
    const window = this.window()
    await this.payload.db.create({ collection: 'rate-limit-hits', data: { key: `${this.prefix}:${key}`, window } })
    await this.prune(window)
    return this.get(key)
  }

  async decrement(key: string): Promise<void> {
    const [hit] = (
      await this.payload.db.find({ collection: 'rate-limit-hits', where: this.where(key, this.window()), limit: 1 })
    ).docs
    if (hit) await this.payload.db.deleteOne({ collection: 'rate-limit-hits', where: { id: { equals: hit.id } } })
  }

  async resetKey(key: string): Promise<void> {
    await this.payload.db.deleteMany({ collection: 'rate-limit-hits', where: this.where(key) })
  }

  /** Rows of past windows go, at most once a window per instance. */
  private async prune(window: number): Promise<void> {
    if (this.lastPrune >= window) return
    this.lastPrune = window
    await this.payload.db.deleteMany({
      collection: 'rate-limit-hits',
      where: { and: [{ key: { like: `${this.prefix}:` } }, { window: { less_than: window } }] },
    })
  }
}
