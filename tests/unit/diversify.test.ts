import { describe, expect, it } from '@jest/globals'

import { diversify } from '../../src/search/diversify'

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
