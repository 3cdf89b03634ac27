import { suggestionAccuracy } from '../../src/domain/intake/suggestionAccuracy'

describe('suggestion accuracy', () => {
  it('counts suggested against confirmed per month and per category, units apart, from grouped rows', () => {
    const report = suggestionAccuracy([
      // October: 2 of 3 right
      { month: '2026-10', suggestedCategory: 'water', category: 'water', unitRight: true, count: 1 },
      { month: '2026-10', suggestedCategory: 'water', category: 'noise', unitRight: false, count: 1 },
      { month: '2026-10', suggestedCategory: 'noise', category: 'noise', unitRight: null, count: 1 },
      { month: '2026-11', suggestedCategory: 'noise', category: 'noise', unitRight: true, count: 1 },
      // Not confirmed yet, or nothing suggested: not counted for categories
      { month: '2026-11', suggestedCategory: 'water', category: null, unitRight: null, count: 5 },
      { month: '2026-11', suggestedCategory: null, category: 'water', unitRight: true, count: 1 },
    ])
    expect(report.categories).toMatchObject({ orders: 4, correct: 3, accuracy: 0.75 })
    expect(report.categories.months).toEqual([
      { month: '2026-10', orders: 3, correct: 2, accuracy: 0.667 },
      { month: '2026-11', orders: 1, correct: 1, accuracy: 1 },
    ])
    expect(report.categories.perCategory).toEqual([
      { category: 'noise', orders: 3, correct: 2, recall: 0.667, suggested: 2, precision: 1 },
      { category: 'water', orders: 1, correct: 1, recall: 1, suggested: 2, precision: 0.5 },
    ])
    expect(report.units).toEqual({
      orders: 4,
      correct: 3,
      accuracy: 0.75,
      months: [
        { month: '2026-10', orders: 2, correct: 1, accuracy: 0.5 },
        { month: '2026-11', orders: 2, correct: 2, accuracy: 1 },
      ],
    })
  })

  it('weighs each group by its count', () => {
    const report = suggestionAccuracy([
      { month: '2026-11', suggestedCategory: 'a', category: 'a', count: 9 },
      { month: '2026-11', suggestedCategory: 'b', category: 'a', count: 1 },
    ])
    expect(report.categories).toMatchObject({ orders: 10, correct: 9, accuracy: 0.9 })
    expect(report.categories.perCategory).toEqual([
      { category: 'a', orders: 10, correct: 9, recall: 0.9, suggested: 9, precision: 1 },
      { category: 'b', orders: 0, correct: 0, recall: null, suggested: 1, precision: 0 },
    ])
  })

  it('has no accuracy without orders', () => {
    expect(suggestionAccuracy([])).toEqual({
      categories: { orders: 0, correct: 0, accuracy: null, months: [], perCategory: [] },
      units: { orders: 0, correct: 0, accuracy: null, months: [] },
    })
  })
})
