/**
 * Typesense `filter_by` strings built from typed values. Every value is backtick-quoted, and a value
 * that could close its quote is refused, so that user input can never change a filter's meaning.
 */
import type { Facet, SearchQuery } from '../types'
import type { QueryTime } from '../validity'

export class UnsafeFilterValue extends Error {}

/** Index field of each facet (districts are a list on the document). */
export const FACET_FIELDS: Record<Facet, string> = {
  type: 'type',
  unit: 'unit',
  category: 'category',
  district: 'districts',
  audience: 'audience',
  status: 'status',
}

export function quote(value: string): string {
  if (value.includes('`')) throw new UnsafeFilterValue(`筛选值不能包含反引号：${value}`)
  return `\`${value}\``
}

const oneOf = (field: string, values: readonly string[]) => `${field}:=[${values.map(quote).join(',')}]`

/** What a query may see: the same rule as `visibleAt` in ../validity, in Typesense's terms. */
export function visibilityFilter(query: Pick<SearchQuery, 'audience' | 'includeExpired'>, t: QueryTime): string {
  const current = `status:=published && lapses_at:>${t.now} && starts_at:<${t.endOfToday}`
  if (query.audience === 'public') return `audience:=public && ${current}`
  return query.includeExpired ? `((${current}) || status:=expired || lapses_at:<=${t.now})` : current
}

export function buildFilter(query: Pick<SearchQuery, 'audience' | 'includeExpired' | 'filters'>, t: QueryTime): string {
  const parts = [visibilityFilter(query, t)]
  for (const [facet, values] of Object.entries(query.filters ?? {}) as [Facet, string[] | undefined][]) {
    if (values?.length) parts.push(oneOf(FACET_FIELDS[facet], values))
  }
  return parts.join(' && ')
}

export const idsFilter = (codes: readonly string[]) => oneOf('id', codes)

/** The filter a scoped public key embeds: Typesense enforces it whatever the request asks. */
export const PUBLIC_SCOPE = 'audience:=public && status:=published'
