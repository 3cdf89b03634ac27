import { describe, expect, it } from '@jest/globals'

import { diversify } from '../../src/search/diversify'
import { EmbeddedEngine } from '../../src/search/embedded/EmbeddedEngine'
import { doc } from '../search-conformance/conformance'

const c = (item: string, score: number, covers: number[]) => ({ item, score, covers })

describe('diversify', () => {
  // A question with two parts: word 0 (社保) and word 1 (公积金), equally weighted.
  const weights = [1, 1]

  it('moves up a hit that answers a part of the question no hit above it covers', () => {
    const ranked = diversify(
      [c('fund-a', 10, [1]), c('fund-b', 9, [1]), c('fund-c', 8, [1]), c('insurance', 7, [0])],
      weights,
      1,
    )
    expect(ranked).toEqual(['fund-a', 'insurance', 'fund-b', 'fund-c'])
  })

  it('keeps the best hit first and the order by score when every hit covers the same words', () => {
    const ranked = diversify([c('a', 5, [0]), c('b', 9, [0, 1]), c('c', 7, [0, 1])], weights, 4)
    expect(ranked[0]).toBe('a')
    expect(ranked).toEqual(['a', 'b', 'c'])
  })

  it('leaves a far weaker hit where it is: the lift is bounded by the gain', () => {
    const ranked = diversify([c('a', 10, [1]), c('b', 9, [1]), c('weak', 2, [0])], weights, 1)
    expect(ranked).toEqual(['a', 'b', 'weak'])
  })

  it('changes nothing without word weights', () => {
    expect(diversify([c('a', 1, []), c('b', 3, []), c('c', 2, [])], [], 4)).toEqual(['a', 'b', 'c'])
  })
})

describe('embedded engine reordering after the best hit', () => {
  const at = new Date('2026-11-25T10:00:00+08:00')
  const SUMMARY = '申请材料'
  const entries = (order: 'sibling-first' | 'other-first') => {
    const sibling = doc('KB-2', { title: '救助申请', category: '社会救助/低保' })
    // The stranger matches a little more (its summary too), less than the sibling boost makes up.
    const other = doc('KB-3', { title: '救助申请', summary: SUMMARY, category: '教育/助学' })
    return [
      doc('KB-1', { title: '低保申请', category: '社会救助/低保' }),
      ...(order === 'sibling-first' ? [sibling, other] : [other, sibling]),
    ]
  }

  it.each(['sibling-first', 'other-first'] as const)(
    'puts the best hit’s catalog sibling before an equally matching stranger (%s)',
    async (order) => {
      const engine = new EmbeddedEngine()
      await engine.replaceAll(entries(order))
      const { hits } = await engine.search({ text: '低保申请', audience: 'agent', now: at })
      expect(hits.map((h) => h.document.code)).toEqual(['KB-1', 'KB-2', 'KB-3'])
    },
  )
})
