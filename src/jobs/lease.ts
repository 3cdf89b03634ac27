/**
 * A lease held by exactly one app server per time slot: each slot is a row with a unique key, and
 * only one insert of a unique key succeeds, in SQLite and in MongoDB alike (Payload's own job claim
 * is a find-then-update, which two instances can both win). The holder claims the next slot before
 * its own ends, so it keeps the lease while alive; when it dies, the first instance to insert the
 * next slot takes over, at most one slot later. Needs clocks within a few seconds (NTP).
 */
import { randomUUID } from 'node:crypto'

import type { Payload } from 'payload'

export const LEASE_SLOT_MS = 10_000
/** The holder claims the next slot once this share of its own has passed. */
const RENEW_AT = 0.6

export type Lease = {
  /** Whether this instance holds the lease now (claims it when its slot is free). */
  held(): Promise<boolean>
  /** Called once when this instance takes the lease over (not when it renews it). */
  onAcquire(handler: () => Promise<void>): void
  readonly holder: string
}

export function createLease(payload: Payload, name: string, slotMs = LEASE_SLOT_MS): Lease {
  const holder = `${process.pid}-${randomUUID().slice(0, 8)}`
  const mine = new Set<number>()
  let acquire: (() => Promise<void>) | undefined

  /** Inserts the slot's row; true when this instance holds the slot (now or already). */
  async function claim(slot: number): Promise<boolean> {
    if (mine.has(slot)) return true
    const key = `${name}:${slot}`
    try {
      await payload.create({ collection: 'instance-leases', data: { slot: key, holder }, overrideAccess: true })
      mine.add(slot)
      return true
    } catch {
      // Unique key taken (or the database is unreachable): held only if the row is ours.
      const found = await payload
        .find({ collection: 'instance-leases', where: { slot: { equals: key } }, limit: 1, overrideAccess: true })
        .catch(() => undefined)
      const ours = found?.docs[0]?.holder === holder
      if (ours) mine.add(slot)
      return ours
    }
  }

  return {
    holder,
    onAcquire: (handler) => (acquire = handler),
    async held() {
      const now = Date.now()
      const slot = Math.floor(now / slotMs)
      const hadPrevious = mine.has(slot - 1) || mine.has(slot)
      if (!(await claim(slot))) return false
      if (!hadPrevious) await acquire?.()
      if (now - slot * slotMs >= RENEW_AT * slotMs) await claim(slot + 1)
      for (const s of mine) if (s < slot - 1) mine.delete(s)
      return true
    },
  }
}

/** Removes lease rows of slots long past. */
export async function pruneLeases(payload: Payload, olderThanMs = 60 * 60_000): Promise<void> {
  const before = new Date(Date.now() - olderThanMs).toISOString()
  await payload.delete({
    collection: 'instance-leases',
    where: { createdAt: { less_than: before } },
    overrideAccess: true,
  })
}

const processLeases = new Map<string, Lease>()

/** One lease per name in this process (Payload's cron asks through the config, outside the server's code). */
export function processLease(payload: Payload, name: string, slotMs?: number): Lease {
  if (!processLeases.has(name)) processLeases.set(name, createLease(payload, name, slotMs))
  return processLeases.get(name)!
}
