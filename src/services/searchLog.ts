/**
 * Search analytics: searches and uses of their hits are counted in memory (no database call on the
 * request path) and written in batches by `flushSearchLog`, which the server calls every few seconds.
 * Only the masked query is kept (src/domain/knowledge/searchLog.ts).
 */
import type { Payload, Where } from 'payload'

import {
  loggedQuery,
  mergedRow,
  type SearchAudience,
  SearchLogBuffer,
  type SearchLogRow,
} from '../domain/knowledge/searchLog'
import { shanghaiDateString, startOfShanghaiDay } from '../domain/shanghaiTime'
import type { SearchLog } from '../payload-types'
import { inTransaction } from './transaction'

const buffer = new SearchLogBuffer()

/** A crowd asks the same few questions: the last query's masked form and the day are kept. */
let lastQuery = { text: '', logged: '' }
let lastDay = { from: 0, until: 0, day: '' }
function maskedQuery(q: string): string {
  if (q !== lastQuery.text) lastQuery = { text: q, logged: loggedQuery(q) }
  return lastQuery.logged
}
function dayOf(at: Date): string {
  const time = at.getTime()
  if (time < lastDay.from || time >= lastDay.until) {
    const from = startOfShanghaiDay(at).getTime()
    lastDay = { from, until: from + 86_400_000, day: shanghaiDateString(at) }
  }
  return lastDay.day
}

/** Counts a search: how many hits, whether the first was confident, the first hit's category. */
export function noteSearch(
  audience: SearchAudience,
  q: string,
  at: Date,
  result: { found: number; firstConfident: boolean; category?: string },
): void {
  buffer.add({
    kind: 'search',
    day: dayOf(at),
    audience,
    query: maskedQuery(q),
    hits: result.found,
    firstConfident: result.firstConfident,
    category: result.category,
  })
}

/** Counts a use of a search's hits: an agent opened one, the public clicked one. */
export function noteSearchUse(audience: SearchAudience, q: string, at: Date): void {
  buffer.add({ kind: 'use', day: dayOf(at), audience, query: maskedQuery(q) })
}

const rowOf = (d: SearchLog): SearchLogRow => ({
  day: d.day,
  audience: d.audience,
  query: d.query,
  category: d.category ?? '',
  searches: d.searches ?? 0,
  noHit: d.noHit ?? 0,
  noConfident: d.noConfident ?? 0,
  used: d.used ?? 0,
})

/** Writes the counts gathered since the last call, in one transaction; returns the rows written. */
export async function flushSearchLog(payload: Payload): Promise<number> {
  const rows = buffer.take()
  if (!rows.length) return 0
  try {
    await inTransaction(payload, async (req) => {
      for (const row of rows) {
        const { docs } = await payload.find({
          collection: 'search-log',
          where: {
            and: [
              { day: { equals: row.day } },
              { audience: { equals: row.audience } },
              { query: { equals: row.query } },
            ],
          },
          limit: 1,
          depth: 0,
          overrideAccess: true,
          req,
        })
        const stored = docs[0]
        if (stored)
          await payload.update({
            collection: 'search-log',
            id: stored.id,
            data: mergedRow(rowOf(stored), row),
            overrideAccess: true,
            req,
          })
        else await payload.create({ collection: 'search-log', data: row, overrideAccess: true, req })
      }
    })
  } catch (err) {
    // Kept for the next batch rather than lost.
    buffer.putBack(rows)
    throw err
  }
  return rows.length
}

export type SearchLogFilter = { from: string; to: string; audience?: SearchAudience; category?: string }

/** Stored rows of the days from `from` to `to` (YYYY-MM-DD, both included). */
export async function searchLogRows(payload: Payload, f: SearchLogFilter): Promise<SearchLogRow[]> {
  const and: Where[] = [{ day: { greater_than_equal: f.from } }, { day: { less_than_equal: f.to } }]
  if (f.audience) and.push({ audience: { equals: f.audience } })
  if (f.category) and.push({ category: { like: f.category } })
  const { docs } = await payload.find({
    collection: 'search-log',
    where: { and },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map(rowOf)
}

/** Deletes the rows of days before the retention period; returns how many. */
export async function pruneSearchLog(payload: Payload, at: Date, retentionDays: number): Promise<number> {
  const cutoff = shanghaiDateString(new Date(at.getTime() - retentionDays * 86_400_000))
  const { docs } = await payload.delete({
    collection: 'search-log',
    where: { day: { less_than: cutoff } },
    overrideAccess: true,
  })
  return docs.length
}
