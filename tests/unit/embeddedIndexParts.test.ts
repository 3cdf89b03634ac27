import { FacetColumns } from '../../src/search/embedded/facetColumns'
import { type Slot, VisibilityMasks } from '../../src/search/embedded/visibilityMasks'
import type { SearchDocument } from '../../src/search/types'
import { queryTime, validityWindow } from '../../src/search/validity'

describe('facet columns', () => {
  it('counts single and multiple values and answers filters', () => {
    const columns = new FacetColumns(2)
    columns.set(0, [['guide'], ['东城区', '西城区']])
    columns.set(1, [['faq'], []])
    columns.set(2000, [['guide'], ['西城区']])
    expect(columns.count(Int32Array.from([0, 1, 2000]), 3)).toEqual([
      { guide: 2, faq: 1 },
      { 东城区: 1, 西城区: 2 },
    ])
    const west = new Set([columns.idOf(1, '西城区')])
    expect([0, 1, 2000].map((s) => columns.has(s, 1, west))).toEqual([true, false, true])
    columns.set(0, [['faq'], []])
    expect(columns.count(Int32Array.from([0]), 1)).toEqual([{ faq: 1 }, {}])
    expect(columns.idOf(0, 'notice')).toBe(-1)
  })
})

describe('visibility masks', () => {
  const slot = (over: Partial<SearchDocument>): Slot => {
    const doc = { code: 'x', audience: 'public', status: 'published', ...over } as SearchDocument
    return { doc, window: validityWindow(doc) }
  }

  it('reuses a mask until an entry lapses or the index changes', () => {
    const masks = new VisibilityMasks()
    const slots = [slot({ validUntil: '2026-11-25T00:00:00+08:00' }), slot({ audience: 'internal' })]
    const morning = queryTime(new Date('2026-11-25T10:00:00+08:00'))
    expect([...masks.get(slots, { audience: 'public' }, morning)]).toEqual([1, 0])
    expect([...masks.get(slots, { audience: 'agent' }, morning)]).toEqual([1, 1])
    // The same day, past midnight Shanghai time, the first entry has lapsed.
    const nextDay = queryTime(new Date('2026-11-26T00:30:00+08:00'))
    expect([...masks.get(slots, { audience: 'public' }, nextDay)]).toEqual([0, 0])
    expect([...masks.get(slots, { audience: 'agent', includeExpired: true }, nextDay)]).toEqual([1, 1])
    slots.push(slot({}))
    masks.invalidate()
    expect([...masks.get(slots, { audience: 'public' }, nextDay)]).toEqual([0, 0, 1])
  })
})
