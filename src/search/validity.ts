/**
 * Which documents a query may see: audience, status and the validity window at the query's time.
 * Windows are plain instants so that engines can compute them once per document, not per query.
 */
import { endOfValidityDay } from '../domain/shanghaiTime'
import type { SearchDocument, SearchQuery } from './types'

export type ValidityWindow = { startsAt: number; lapsesAt: number }

/** In force from validFrom; lapses when the whole validUntil day (Shanghai) is over. */
export function validityWindow(doc: Pick<SearchDocument, 'validFrom' | 'validUntil'>): ValidityWindow {
  const from = doc.validFrom ? Date.parse(doc.validFrom) : NaN
  const until = doc.validUntil ? Date.parse(doc.validUntil) : NaN
  return {
    startsAt: Number.isNaN(from) ? -Infinity : from,
    lapsesAt: Number.isNaN(until) ? Infinity : endOfValidityDay(new Date(until)).getTime(),
  }
}

/** The instants a query is judged at: now, and the end of today (entries starting today count). */
export type QueryTime = { now: number; endOfToday: number }
export const queryTime = (now: Date): QueryTime => ({ now: now.getTime(), endOfToday: endOfValidityDay(now).getTime() })

export const expiredAt = (doc: Pick<SearchDocument, 'status'>, w: ValidityWindow, t: QueryTime): boolean =>
  doc.status === 'expired' || w.lapsesAt <= t.now

export function visibleAt(
  doc: SearchDocument,
  w: ValidityWindow,
  query: Pick<SearchQuery, 'audience' | 'includeExpired'>,
  t: QueryTime,
): boolean {
  const notYetValid = w.startsAt >= t.endOfToday
  if (query.audience === 'public') {
    return doc.audience === 'public' && doc.status === 'published' && !expiredAt(doc, w, t) && !notYetValid
  }
  if (expiredAt(doc, w, t)) return Boolean(query.includeExpired)
  return doc.status === 'published' && !notYetValid
}

export const isExpired = (doc: Pick<SearchDocument, 'status' | 'validUntil'>, now: Date): boolean =>
  expiredAt(doc, validityWindow({ validUntil: doc.validUntil }), queryTime(now))

export const isVisible = (doc: SearchDocument, query: SearchQuery): boolean =>
  visibleAt(doc, validityWindow(doc), query, queryTime(query.now))
