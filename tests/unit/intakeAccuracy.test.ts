import { suggestionAccuracy } from '../../src/domain/intake/suggestionAccuracy'

describe('suggestion accuracy', () => {
  it('counts suggested against confirmed, per month (Shanghai) and per category, units apart', () => {
    const report = suggestionAccuracy([
      // October (Shanghai): 2 of 3 right
      {
        createdAt: '2026-10-05T02:00:00Z',
        suggestedCategory: 'water',
        category: 'water',
        suggestedUnit: 'u1',
        unit: 'u1',
      },
      {
        createdAt: '2026-10-20T02:00:00Z',
        suggestedCategory: 'water',
        category: 'noise',
        suggestedUnit: 'u1',
        unit: 'u2',
      },
      { createdAt: '2026-10-21T02:00:00Z', suggestedCategory: 'noise', category: 'noise' },
      // 2026-10-31 20:00 UTC is already November in Shanghai
      {
        createdAt: '2026-10-31T20:00:00Z',
        suggestedCategory: 'noise',
        category: 'noise',
        suggestedUnit: 'u2',
        unit: 'u2',
      },
      // Not confirmed yet, or nothing suggested: not counted for categories
      {
        createdAt: '2026-11-02T02:00:00Z',
        suggestedCategory: 'water',
        category: null,
        suggestedUnit: 'u1',
        unit: null,
      },
      { createdAt: '2026-11-03T02:00:00Z', suggestedCategory: null, category: 'water' },
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
      orders: 3,
      correct: 2,
      accuracy: 0.667,
      months: [
        { month: '2026-10', orders: 2, correct: 1, accuracy: 0.5 },
        { month: '2026-11', orders: 1, correct: 1, accuracy: 1 },
      ],
    })
  })

  it('has no accuracy without orders', () => {
    expect(suggestionAccuracy([])).toEqual({
      categories: { orders: 0, correct: 0, accuracy: null, months: [], perCategory: [] },
      units: { orders: 0, correct: 0, accuracy: null, months: [] },
    })
  })
})
