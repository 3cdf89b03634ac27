/** Which documents a query may see: audience, status and the validity window at the query's time. */
import { isPastValidity } from '../domain/knowledge/entryRules'
import { endOfValidityDay } from '../domain/shanghaiTime'
import type { SearchDocument, SearchQuery } from './types'

export const isExpired = (doc: Pick<SearchDocument, 'status' | 'validUntil'>, now: Date): boolean =>
  doc.status === 'expired' || isPastValidity(doc.validUntil, now)

/** Not yet in force: validFrom lies after the query's day. */
const notYetValid = (doc: SearchDocument, now: Date): boolean =>
  Boolean(doc.validFrom) && new Date(doc.validFrom!).getTime() >= endOfValidityDay(now).getTime()

export function isVisible(doc: SearchDocument, query: SearchQuery): boolean {
  if (query.audience === 'public') {
    return doc.audience === 'public' && doc.status === 'published' && !isExpired(doc, query.now) && !notYetValid(doc, query.now)
  }
  if (isExpired(doc, query.now)) return Boolean(query.includeExpired)
  return doc.status === 'published' && !notYetValid(doc, query.now)
}
