import { checkWholeNumber } from '../../src/domain/wholeNumber'

describe('checkWholeNumber', () => {
  const range = { min: 1, max: 3650 }
  it.each([1, 90, 3650, null, undefined])('accepts %p', (value) => {
    expect(checkWholeNumber(value, range)).toBe(true)
  })
  it.each([0, -1, 3651, 1.5, 1e308, Number.NaN, Number.POSITIVE_INFINITY, '90'])(
    'refuses %p with a message',
    (value) => {
      expect(checkWholeNumber(value, range)).toBe('须为 1–3650 之间的整数')
    },
  )
})
