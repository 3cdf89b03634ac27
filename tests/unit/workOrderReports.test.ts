import { spreadsheetCell } from '../../src/domain/exchange/spreadsheetCell'
import {
  bucketOf,
  COUNTERS,
  dayRows,
  handlingWorkingDays,
  orderCounts,
  reportFlags,
  storedReportFlags,
  summarize,
  trend,
  unitRanking,
} from '../../src/domain/workOrders/reports'
import { calendar, FIXTURE, now } from '../helpers/reportFixture'

describe('work-order reports', () => {
  it('store every counter but the time-dependent `due` as report flags, one bit each', () => {
    const due = 1 << COUNTERS.indexOf('due')
    for (const o of FIXTURE) {
      const counts = orderCounts(o, now)
      const bits = COUNTERS.reduce((f, c, bit) => f | (counts[c] << bit), 0)
      expect(reportFlags(o)).toBe(bits & ~due)
    }
    // As stored: dates as Dates or strings, return requests as a count.
    const b2 = FIXTURE.find((o) => o.number === 'B2')!
    expect(storedReportFlags({ ...b2, dispatchedAt: new Date(b2.dispatchedAt!), returns: b2.returned ? 2 : 0 })).toBe(
      reportFlags(b2),
    )
  })

  it('agree with the hand-computed fixture', () => {
    const { breakdowns, ...summary } = summarize(FIXTURE, now, calendar, 2)
    expect(summary).toEqual({
      volume: 9,
      directAnswerRate: 0.111, // A1 of 9
      firstContactRate: 0.5, // consultations A1, A3; answered A1
      notAccepted: 1,
      dispatchCount: 6, // B1 B2 C1 C2 C3 R1
      dueCount: 4, // replied B1 B2 C2, plus C1 past due unreplied
      onTimeRate: 0.5, // B1 C2
      overdue: 2, // B2 late, C1 unreplied past due
      solvedRate: 0.667, // asked A1 B1 B2; solved A1 B1
      returnRate: 0.167, // B2 of 6
      extensionRate: 0.167, // C1 of 6
      callbackRate: 1, // replied B1 B2 C2, all called back
      satisfactionRate: 0.667, // B1 + A1 of B1 B2 A1 (C2 unreachable)
      handledSatisfactionRate: 0.5,
      answerSatisfactionRate: 1,
      reopenRate: 0.333, // B2 of 3 called back
      averageHandlingDays: 2.67, // B1 3, B2 4, C2 1
      supervision: 2,
      topCategories: [
        { name: '市政', count: 3 },
        { name: '环保', count: 3 },
        { name: '社保', count: 1 },
      ],
      topAddresses: [{ name: '幸福路1号', count: 2 }],
    })
    const brief = (rows: { name: string; volume: number; onTimeRate: number | null }[]) =>
      rows.map((r) => [r.name, r.volume, r.onTimeRate])
    expect(brief(breakdowns.type)).toEqual([
      ['求助', 6, 0.667], // due B1 C1 C2
      ['咨询', 2, null],
      ['投诉', 1, 0],
    ])
    expect(brief(breakdowns.channel)).toEqual([
      ['电话', 6, 0.5], // due B1 C1
      ['微信', 1, 0],
      ['短信', 1, 1],
      ['网站', 1, null],
    ])
    expect(brief(breakdowns.district)).toEqual([
      ['未填', 6, 1],
      ['东城区', 2, 0.5],
      ['西城区', 1, 0],
    ])
    expect(breakdowns.category.map((b) => [b.name, b.volume])).toEqual([
      ['市政', 3],
      ['环保', 3],
      ['未分类', 2],
      ['社保', 1],
    ])
  })

  it('rank units, and keep accepted explanations from counting against them', () => {
    expect(unitRanking(FIXTURE, now, calendar)).toEqual([
      {
        unit: '甲',
        orders: 2,
        onTimeRate: 0.5,
        satisfactionRate: 0.5,
        solvedRate: 0.5,
        overdue: 1,
        returns: 1,
        averageHandlingDays: 3.5,
      },
      {
        unit: '乙',
        orders: 4,
        onTimeRate: 0.5,
        satisfactionRate: null,
        solvedRate: null,
        overdue: 1,
        returns: 0,
        averageHandlingDays: 1,
      },
    ])
    const explained = FIXTURE.map((o) => (o.number === 'B2' ? { ...o, explanationAccepted: true } : o))
    expect(unitRanking(explained, now, calendar).find((u) => u.unit === '甲')).toMatchObject({
      orders: 2,
      onTimeRate: 1,
      satisfactionRate: 1,
      overdue: 0,
      returns: 1,
    })
  })

  it('count handling time in working days of the calendar', () => {
    expect(handlingWorkingDays('2026-11-20', '2026-11-20', calendar)).toBe(0)
    expect(handlingWorkingDays('2026-11-20', '2026-11-23', calendar)).toBe(1) // Friday → Monday
    expect(handlingWorkingDays('2026-11-21', '2026-11-22', calendar)).toBe(0) // a weekend reply
    // National Day 10-01…07, the make-up workday Saturday 10-10: Thu, Fri, Sat.
    expect(handlingWorkingDays('2026-09-30', '2026-10-10', calendar)).toBe(3)
  })

  it('buckets by Shanghai day, week (from Monday) and month', () => {
    expect(bucketOf(new Date('2026-11-29T23:30:00+08:00'), 'week')).toBe('2026-11-23')
    expect(bucketOf(new Date('2026-11-30T00:30:00+08:00'), 'week')).toBe('2026-11-30')
    expect(bucketOf(new Date('2026-11-30T17:00:00Z'), 'day')).toBe('2026-12-01')
    expect(dayRows(FIXTURE)).toEqual([
      { day: '2026-11-20', volume: 5, answered: 1, dispatched: 2 },
      { day: '2026-11-23', volume: 4, answered: 0, dispatched: 4 },
    ])
    expect(trend(FIXTURE, 'week')).toEqual([
      { period: '2026-11-16', volume: 5, answered: 1, dispatched: 2 },
      { period: '2026-11-23', volume: 4, answered: 0, dispatched: 4 },
    ])
    expect(trend(FIXTURE, 'month')).toEqual([{ period: '2026-11', volume: 9, answered: 1, dispatched: 6 }])
  })
})

describe('spreadsheet cells', () => {
  it('quote text a spreadsheet would run as a formula, and only that', () => {
    expect(['=1+1', '+86', '-2', '@SUM(A1)', '\tx', '\rx'].map(spreadsheetCell)).toEqual([
      "'=1+1",
      "'+86",
      "'-2",
      "'@SUM(A1)",
      "'\tx",
      "'\rx",
    ])
    expect(['幸福路1号', 'a=b', 0.5, -3, null].map(spreadsheetCell)).toEqual(['幸福路1号', 'a=b', 0.5, -3, null])
  })
})
