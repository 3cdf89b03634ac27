/**
 * Search analytics without personal data: each search is reduced to its masked, normalised query
 * (the same masking as candidate similar questions), counted per day × audience × query, with the
 * category of its first hit; nothing about who searched is kept. Searches are gathered in memory
 * and written in batches, off the request path.
 */
import type { Column, Table } from '../workOrders/reportTables'
import { maskCallerQuestion } from './callerQuestion'

export type SearchAudience = 'agent' | 'public'

/** Longer queries are cut: a log of phrasings, not of whole conversations. */
export const MAX_LOGGED_QUERY = 100

/** The query as logged: masked, width-folded, lower case, single spaces, at most 100 characters. */
export function loggedQuery(text: string): string {
  return maskCallerQuestion(text.normalize('NFKC').toLowerCase()).slice(0, MAX_LOGGED_QUERY).trim()
}

export type SearchEvent = {
  day: string
  audience: SearchAudience
  query: string
} & ({ kind: 'search'; hits: number; firstConfident: boolean; category?: string } | { kind: 'use' })

export type SearchLogRow = {
  day: string
  audience: SearchAudience
  query: string
  category: string
  searches: number
  /** Searches that found nothing. */
  noHit: number
  /** Searches whose first hit was not confident (no hit included). */
  noConfident: number
  /** Times a hit was used: an agent opened one, the public clicked one. */
  used: number
}

const keyOf = (e: { day: string; audience: string; query: string }) => `${e.day}\u0000${e.audience}\u0000${e.query}`

/** Counts gathered between two writes, one row per day × audience × query. */
export class SearchLogBuffer {
  private rows = new Map<string, SearchLogRow>()

  get size(): number {
    return this.rows.size
  }

  add(event: SearchEvent): void {
    if (!event.query) return
    const key = keyOf(event)
    let row = this.rows.get(key)
    if (!row) {
      const { day, audience, query } = event
      row = { day, audience, query, category: '', searches: 0, noHit: 0, noConfident: 0, used: 0 }
      this.rows.set(key, row)
    }
    if (event.kind === 'use') {
      row.used++
      return
    }
    row.searches++
    if (event.hits === 0) row.noHit++
    if (!event.firstConfident) row.noConfident++
    if (event.category) row.category = event.category
  }

  /** Rows of a batch that could not be written, merged back into what was gathered since. */
  putBack(rows: readonly SearchLogRow[]): void {
    for (const row of rows) {
      const current = this.rows.get(keyOf(row))
      this.rows.set(keyOf(row), current ? mergedRow(row, current) : { ...row })
    }
  }

  /** The rows gathered so far; the buffer starts empty again. */
  take(): SearchLogRow[] {
    const rows = [...this.rows.values()]
    this.rows.clear()
    return rows
  }
}

/** A stored row plus the counts of a batch (its category replaced when the batch knows one). */
export const mergedRow = (stored: SearchLogRow, batch: SearchLogRow): SearchLogRow => ({
  ...stored,
  category: batch.category || stored.category,
  searches: stored.searches + batch.searches,
  noHit: stored.noHit + batch.noHit,
  noConfident: stored.noConfident + batch.noConfident,
  used: stored.used + batch.used,
})

export type QueryFigures = Omit<SearchLogRow, 'day'> & { days: number }

/** Rows of several days summed per audience × query, the most searched first. */
export function queryFigures(rows: readonly SearchLogRow[]): QueryFigures[] {
  const out = new Map<string, QueryFigures>()
  for (const r of rows) {
    const key = `${r.audience}\u0000${r.query}`
    const q = out.get(key)
    if (!q) out.set(key, { ...r, days: 1 })
    else {
      Object.assign(q, mergedRow({ ...q, day: '' }, r))
      q.days++
    }
  }
  return [...out.values()].sort((a, b) => b.searches - a.searches || a.query.localeCompare(b.query))
}

export type DayFigures = {
  day: string
  audience: SearchAudience
  searches: number
  noHit: number
  noConfident: number
  used: number
}

/** Totals per day and audience, oldest first. */
export function dayFigures(rows: readonly SearchLogRow[]): DayFigures[] {
  return totals(rows, (r) => r.day).map(({ name, ...t }) => ({ day: name, ...t }))
}

/** Totals per category (of the first hit; 无结果 without one) and audience, the most searched first. */
export function categoryFigures(rows: readonly SearchLogRow[]) {
  return totals(rows, (r) => r.category || '（无结果）')
    .map(({ name, ...t }) => ({ category: name, ...t }))
    .sort((a, b) => b.searches - a.searches || a.category.localeCompare(b.category))
}

function totals(rows: readonly SearchLogRow[], by: (r: SearchLogRow) => string) {
  const out = new Map<string, Omit<DayFigures, 'day'> & { name: string }>()
  for (const r of rows) {
    const key = `${by(r)}\u0000${r.audience}`
    const t = out.get(key) ?? { name: by(r), audience: r.audience, searches: 0, noHit: 0, noConfident: 0, used: 0 }
    t.searches += r.searches
    t.noHit += r.noHit
    t.noConfident += r.noConfident
    t.used += r.used
    out.set(key, t)
  }
  return [...out.values()].sort((a, b) => a.name.localeCompare(b.name) || a.audience.localeCompare(b.audience))
}

/** The four lists of the analytics view: top queries, no hit, no confident hit, found but unused. */
export function searchLogLists(rows: readonly SearchLogRow[], limit = 50) {
  const queries = queryFigures(rows)
  return {
    top: queries.slice(0, limit),
    noHit: queries.filter((q) => q.noHit > 0).slice(0, limit),
    noConfident: queries.filter((q) => q.noConfident > q.noHit).slice(0, limit),
    unused: queries.filter((q) => q.searches > q.noHit && q.used === 0).slice(0, limit),
  }
}

const AUDIENCE_LABEL: Record<SearchAudience, string> = { agent: '坐席', public: '公众' }

const FIGURE_COLUMNS: Column[] = [
  { key: 'audience', header: '来源', kind: 'text', width: 8 },
  { key: 'searches', header: '检索次数', kind: 'number' },
  { key: 'noHit', header: '无结果', kind: 'number' },
  { key: 'noConfident', header: '无可信结果', kind: 'number' },
  { key: 'used', header: '结果被使用', kind: 'number' },
]
const QUERY_COLUMNS: Column[] = [
  { key: 'query', header: '查询（已脱敏）', kind: 'text', width: 36 },
  { key: 'category', header: '首条结果分类', kind: 'text', width: 20 },
  ...FIGURE_COLUMNS,
  { key: 'days', header: '出现天数', kind: 'number' },
]

const labelled = <T extends { audience: SearchAudience }>(rows: readonly T[]) =>
  rows.map((r) => ({ ...r, audience: AUDIENCE_LABEL[r.audience] }))

/** The analytics as report tables (one sheet each in XLSX), for the CSV and XLSX exports. */
export function searchLogTables(rows: readonly SearchLogRow[]): Table[] {
  const lists = searchLogLists(rows, 500)
  const queryTable = (name: string, list: QueryFigures[]): Table => ({
    name,
    columns: QUERY_COLUMNS,
    rows: labelled(list),
  })
  return [
    queryTable('热门查询', lists.top),
    queryTable('无结果查询', lists.noHit),
    queryTable('无可信结果查询', lists.noConfident),
    queryTable('有结果无人使用', lists.unused),
    {
      name: '每日检索',
      columns: [{ key: 'day', header: '日期', kind: 'text', width: 12 }, ...FIGURE_COLUMNS],
      rows: labelled(dayFigures(rows)),
    },
    {
      name: '分类检索',
      columns: [{ key: 'category', header: '首条结果分类', kind: 'text', width: 24 }, ...FIGURE_COLUMNS],
      rows: labelled(categoryFigures(rows)),
    },
  ]
}
