import { OFFICIAL_DAYS } from '../../src/domain/calendar/officialHolidays'
import { calendarOf } from '../../src/domain/calendar/workCalendar'
import { isResolved, staleReason } from '../../src/domain/supervision/staleKnowledge'
import { alertKey, alertThreshold, daysUntil } from '../../src/domain/workflow/expiryAlerts'

const calendar = calendarOf(OFFICIAL_DAYS)
const now = new Date('2026-11-25T10:00:00+08:00') // a Wednesday

describe('expiry alerts', () => {
  it('picks the tightest threshold reached', () => {
    expect(daysUntil(new Date('2026-11-25T23:00:00+08:00'), now)).toBe(0)
    expect(alertThreshold(new Date('2026-12-31T00:00:00+08:00'), now)).toBeUndefined() // 36 days
    expect(alertThreshold(new Date('2026-12-25T00:00:00+08:00'), now)).toBe(30)
    expect(alertThreshold(new Date('2026-12-02T00:00:00+08:00'), now)).toBe(7)
    expect(alertThreshold(new Date('2026-11-26T00:00:00+08:00'), now)).toBe(1)
    expect(alertThreshold(new Date('2026-11-25T00:00:00+08:00'), now)).toBe(1)
    expect(alertThreshold(new Date('2026-11-24T00:00:00+08:00'), now)).toBeUndefined()
  })

  it('keys an alert by entry, due day, threshold and recipient', () => {
    const due = new Date('2026-12-02T00:00:00+08:00')
    expect(alertKey('expiring', 5, due, 7, 9)).toBe('expiring:5:2026-12-02:7:9')
  })
})

describe('stale knowledge supervision', () => {
  it('opens after more than the grace period in working days', () => {
    // Lapsed at the end of Thursday 11-19: Fri, Mon, Tue have passed by Wednesday → 3, not more than 3.
    expect(
      staleReason({ workflowState: 'expired', validUntil: '2026-11-19T00:00:00+08:00' }, now, calendar, 3),
    ).toBeUndefined()
    expect(staleReason({ workflowState: 'expired', validUntil: '2026-11-18T00:00:00+08:00' }, now, calendar, 3)).toBe(
      'expired_stale',
    )
    expect(
      staleReason({ workflowState: 'published', nextReviewAt: '2026-11-01T00:00:00+08:00' }, now, calendar, 3),
    ).toBe('review_overdue')
    expect(
      staleReason({ workflowState: 'published', nextReviewAt: '2026-12-01T00:00:00+08:00' }, now, calendar, 3),
    ).toBeUndefined()
    expect(
      staleReason({ workflowState: 'archived', validUntil: '2026-01-01T00:00:00+08:00' }, now, calendar, 3),
    ).toBeUndefined()
  })

  it('counts as resolved when republished after opening, or archived', () => {
    const opened = new Date('2026-11-20T10:00:00+08:00')
    expect(isResolved({ workflowState: 'archived' }, opened)).toBe(true)
    expect(isResolved({ workflowState: 'published', reviewedAt: '2026-11-21T10:00:00+08:00' }, opened)).toBe(true)
    expect(isResolved({ workflowState: 'published', reviewedAt: '2026-11-19T10:00:00+08:00' }, opened)).toBe(false)
    expect(isResolved({ workflowState: 'expired' }, opened)).toBe(false)
  })
})
