/**
 * What intake and every action read but admins change rarely: the time-limit rules with the work calendar,
 * the units and the categories. Reading them through Payload on every request cost more than the order's
 * own write at volume, so each is kept in memory: a change through Payload (the collections' hooks call
 * `referenceChanged`) drops this process's copy at once, and no copy is older than REFERENCE_TTL_MS, so a
 * change made on another app server (or a write whose transaction had not committed when the copy was
 * read again) shows here within that time.
 */
import type { Payload } from 'payload'

import type { Limits } from '../domain/workOrders/clocks'
import { DEFAULT_SLA_RULES, type SlaRule } from '../domain/workOrders/orderTypes'
import type { Category, Unit } from '../payload-types'
import { loadCalendar } from './supervision'

export const REFERENCE_TTL_MS = 30_000

export type ReferenceKind = 'limits' | 'units' | 'categories'

type Entry<T> = { value: Promise<T>; loadedAt: number }
const entries = new Map<ReferenceKind, Entry<unknown>>()
/** Bumped by every change, so that a read begun before the change is not kept. */
const generations = new Map<ReferenceKind, number>()

/** Called by the hooks of sla-rules, work-calendar, units and categories after a change or a deletion. */
export function referenceChanged(kind: ReferenceKind): void {
  generations.set(kind, (generations.get(kind) ?? 0) + 1)
  entries.delete(kind)
}

function cached<T>(kind: ReferenceKind, load: () => Promise<T>): Promise<T> {
  // The monotonic clock: HOTLINE_NOW may freeze the hotline's clock.
  const at = performance.now()
  const entry = entries.get(kind) as Entry<T> | undefined
  if (entry && at - entry.loadedAt < REFERENCE_TTL_MS) return entry.value
  const generation = generations.get(kind) ?? 0
  const value = load()
  entries.set(kind, { value, loadedAt: at })
  value.then(
    () => {
      if ((generations.get(kind) ?? 0) !== generation && entries.get(kind)?.value === value) entries.delete(kind)
    },
    () => {
      if (entries.get(kind)?.value === value) entries.delete(kind)
    },
  )
  return value
}

/** The time-limit rules (the defaults while none is configured) and the work calendar. */
export const referenceLimits = (payload: Payload): Promise<Limits> =>
  cached('limits', async () => {
    const [{ docs }, calendar] = await Promise.all([
      payload.find({ collection: 'sla-rules', pagination: false, depth: 0, overrideAccess: true }),
      loadCalendar(payload),
    ])
    return { rules: docs.length ? (docs as SlaRule[]) : DEFAULT_SLA_RULES, calendar }
  })

/** Every unit (depth 0), in the collection's default order. */
export const referenceUnits = (payload: Payload): Promise<Unit[]> =>
  cached(
    'units',
    async () => (await payload.find({ collection: 'units', pagination: false, depth: 0, overrideAccess: true })).docs,
  )

/** Every category (depth 0), in the collection's default order. */
export const referenceCategories = (payload: Payload): Promise<Category[]> =>
  cached(
    'categories',
    async () =>
      (await payload.find({ collection: 'categories', pagination: false, depth: 0, overrideAccess: true })).docs,
  )
