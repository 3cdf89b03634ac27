import fc from 'fast-check'

import { buildFilter, quote, UnsafeFilterValue, visibilityFilter } from '../../src/search/typesense/filters'
import { queryTime } from '../../src/search/validity'

const t = queryTime(new Date('2026-11-25T10:00:00+08:00'))

describe('Typesense filter strings', () => {
  it('quotes every value so that it stays one value', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        if (value.includes('`')) expect(() => quote(value)).toThrow(UnsafeFilterValue)
        else expect(quote(value)).toBe(`\`${value}\``)
      }),
    )
  })

  it('refuses a value that tries to close its quote and widen the filter', () => {
    expect(() =>
      buildFilter({ audience: 'public', filters: { category: ['x` || audience:=internal || category:=`y'] } }, t),
    ).toThrow(UnsafeFilterValue)
  })

  it('keeps the public to published, public, currently valid entries whatever the facet filters', () => {
    const filter = buildFilter({ audience: 'public', filters: { unit: ['公安局', '民政局'], district: ['东城区'] } }, t)
    expect(filter).toBe(
      `audience:=public && status:=published && lapses_at:>${t.now} && starts_at:<${t.endOfToday} && unit:=[\`公安局\`,\`民政局\`] && districts:=[\`东城区\`]`,
    )
  })

  it('lets agents ask for expired entries too', () => {
    expect(visibilityFilter({ audience: 'agent' }, t)).not.toMatch(/audience/)
    expect(visibilityFilter({ audience: 'agent', includeExpired: true }, t)).toMatch(
      /\|\| status:=expired \|\| lapses_at:<=/,
    )
  })
})
