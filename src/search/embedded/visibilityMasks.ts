/**
 * Which index slots a kind of query may see, as a byte per slot. Visibility only changes when the
 * index changes, a day ends or an entry lapses, so a mask is computed once and reused until then:
 * a query then tests a typed array instead of every candidate's dates.
 */
import type { SearchDocument, SearchQuery } from '../types'
import { type QueryTime, type ValidityWindow, visibleAt } from '../validity'

export type Slot = { doc: SearchDocument; window: ValidityWindow } | undefined

type Mask = { bytes: Uint8Array; generation: number; validUntil: number }

export class VisibilityMasks {
  private masks = new Map<string, Mask>()
  private generation = 0

  /** Call whenever a slot is added or removed. */
  invalidate(): void {
    this.generation++
  }

  get(slots: readonly Slot[], query: Pick<SearchQuery, 'audience' | 'includeExpired'>, time: QueryTime): Uint8Array {
    const key = `${query.audience}|${Boolean(query.includeExpired)}|${time.endOfToday}`
    const cached = this.masks.get(key)
    if (
      cached &&
      cached.generation === this.generation &&
      time.now < cached.validUntil &&
      cached.bytes.length === slots.length
    )
      return cached.bytes
    const bytes = new Uint8Array(slots.length)
    let validUntil = time.endOfToday
    for (let s = 0; s < slots.length; s++) {
      const slot = slots[s]
      if (!slot) continue
      if (visibleAt(slot.doc, slot.window, query, time)) bytes[s] = 1
      if (slot.window.lapsesAt > time.now && slot.window.lapsesAt < validUntil) validUntil = slot.window.lapsesAt
    }
    if (this.masks.size > 16) this.masks.clear()
    this.masks.set(key, { bytes, generation: this.generation, validUntil })
    return bytes
  }
}
