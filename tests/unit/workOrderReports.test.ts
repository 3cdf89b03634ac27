import { bucketOf, type ReportOrder, summarize, trend, unitRanking } from '../../src/domain/workOrders/reports'

const now = new Date('2026-11-30T12:00:00+08:00')
const t = (action: string, at: string) => ({ action, at: new Date(at).toISOString() })
const order = (over: Partial<ReportOrder>): ReportOrder => ({
  number: 'x',
  state: 'closed',
  type: 'help',
  createdAt: '2026-11-20T02:00:00.000Z',
  timeline: [],
  ...over,
})

/** Six orders, figures counted by hand below. */
const FIXTURE: ReportOrder[] = [
  // 1: answered directly.
  order({
    number: 'A1',
    type: 'consultation',
    resolution: 'answered',
    category: '社保',
    timeline: [t('create', '2026-11-20T10:00:00+08:00'), t('answer', '2026-11-20T10:05:00+08:00')],
  }),
  // 2: not accepted.
  order({ number: 'A2', resolution: 'not_accepted', timeline: [t('create', '2026-11-21T10:00:00+08:00')] }),
  // 3: unit 甲, on time, satisfied.
  order({
    number: 'B1',
    unit: '甲',
    category: '市政',
    address: '幸福路1号',
    dueAt: '2026-11-27T15:59:59.999Z',
    lastSatisfaction: 'satisfied',
    resolution: 'handled',
    timeline: [
      t('dispatch', '2026-11-20T11:00:00+08:00'),
      t('reply', '2026-11-25T11:00:00+08:00'),
      t('callback', '2026-11-26T11:00:00+08:00'),
    ],
  }),
  // 4: unit 甲, returned then replied late, dissatisfied, reopened.
  order({
    number: 'B2',
    unit: '甲',
    category: '市政',
    address: '幸福路1号',
    dueAt: '2026-11-24T15:59:59.999Z',
    lastSatisfaction: 'dissatisfied',
    reopens: 1,
    state: 'called_back',
    timeline: [
      t('dispatch', '2026-11-20T11:00:00+08:00'),
      t('request-return', '2026-11-20T15:00:00+08:00'),
      t('reply', '2026-11-26T11:00:00+08:00'),
      t('callback', '2026-11-27T11:00:00+08:00'),
    ],
  }),
  // 5: unit 乙, extended, still open and past due.
  order({
    number: 'C1',
    unit: '乙',
    category: '环保',
    dueAt: '2026-11-28T15:59:59.999Z',
    extensions: 1,
    state: 'accepted',
    createdAt: '2026-11-23T02:00:00.000Z',
    timeline: [t('dispatch', '2026-11-23T11:00:00+08:00')],
  }),
  // 6: unit 乙, replied on time, unreachable at callback.
  order({
    number: 'C2',
    unit: '乙',
    category: '环保',
    dueAt: '2026-12-05T15:59:59.999Z',
    lastSatisfaction: 'unreachable',
    state: 'called_back',
    createdAt: '2026-11-23T02:00:00.000Z',
    timeline: [
      t('dispatch', '2026-11-23T11:00:00+08:00'),
      t('reply', '2026-11-24T11:00:00+08:00'),
      t('callback', '2026-11-25T11:00:00+08:00'),
    ],
  }),
  // A split parent is not counted.
  order({ number: 'P', state: 'split', timeline: [t('split', '2026-11-20T11:00:00+08:00')] }),
]

describe('work-order reports', () => {
  it('agree with the hand-computed fixture', () => {
    expect(summarize(FIXTURE, now, 2)).toEqual({
      volume: 6,
      directAnswerRate: 0.167, // 1/6
      notAccepted: 1,
      dispatchCount: 4,
      onTimeRate: 0.667, // replied B1, B2, C2; on time B1, C2
      returnRate: 0.25, // B2 of 4
      extensionRate: 0.25, // C1 of 4
      callbackRate: 1, // 3 replied, 3 called back
      satisfactionRate: 0.5, // evaluated B1, B2 (C2 unreachable); satisfied B1
      reopenRate: 0.333, // B2 of 3
      overdue: 2, // B2 replied late, C1 open past due
      supervision: 2,
      topCategories: [
        { name: '市政', count: 2 },
        { name: '环保', count: 2 },
        { name: '社保', count: 1 },
      ],
      topAddresses: [{ name: '幸福路1号', count: 2 }],
    })
  })

  it('rank units, and keep accepted explanations from counting against them', () => {
    expect(unitRanking(FIXTURE, now)).toEqual([
      { unit: '乙', orders: 2, onTimeRate: 1, satisfactionRate: null, overdue: 1, returns: 0 },
      { unit: '甲', orders: 2, onTimeRate: 0.5, satisfactionRate: 0.5, overdue: 1, returns: 1 },
    ])
    const explained = FIXTURE.map((o) => (o.number === 'B2' ? { ...o, explanationAccepted: true } : o))
    expect(unitRanking(explained, now).find((u) => u.unit === '甲')).toMatchObject({
      onTimeRate: 1,
      satisfactionRate: 1,
      overdue: 0,
    })
  })

  it('buckets by Shanghai day, week (from Monday) and month', () => {
    expect(bucketOf(new Date('2026-11-29T23:30:00+08:00'), 'week')).toBe('2026-11-23')
    expect(bucketOf(new Date('2026-11-30T00:30:00+08:00'), 'week')).toBe('2026-11-30')
    expect(bucketOf(new Date('2026-11-30T17:00:00Z'), 'day')).toBe('2026-12-01')
    expect(trend(FIXTURE, 'week')).toEqual([
      { period: '2026-11-16', volume: 4, answered: 1, dispatched: 2 },
      { period: '2026-11-23', volume: 2, answered: 0, dispatched: 2 },
    ])
  })
})
