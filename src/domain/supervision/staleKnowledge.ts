/**
 * Supervision (督办) — of stale or wrong knowledge and of work orders. For knowledge: when an entry's staleness becomes a supervision
 * item against its unit, and when the unit has resolved it.
 */
import { type WorkCalendar, workingDaysBetween } from '../calendar/workCalendar'
import { endOfValidityDay } from '../shanghaiTime'

export const SUPERVISION_REASONS = [
  { value: 'expired_stale', label: '过期未更新' },
  { value: 'review_overdue', label: '逾期未复核' },
  { value: 'wrong_info', label: '信息错误（纠错）' },
  { value: 'order_overdue', label: '工单超期未办结' },
  { value: 'order_refused', label: '拒不承办（退回被驳回）' },
  { value: 'repeated_problem', label: '同一问题反复发生' },
  { value: 'order_sign_overdue', label: '工单超时未签收' },
  { value: 'order_dispatch_overdue', label: '工单超时未派发' },
  { value: 'order_callback_overdue', label: '工单超时未回访' },
  { value: 'poor_handling', label: '办理不力造成不良影响' },
  { value: 'other', label: '其他' },
] as const
export type SupervisionReason = (typeof SUPERVISION_REASONS)[number]['value']

export const SUPERVISION_STATUSES = [
  { value: 'open', label: '督办中' },
  { value: 'rectified', label: '已反馈整改' },
  { value: 'escalated', label: '已超期升级' },
  { value: 'closed', label: '已办结' },
] as const

export type StaleFacts = { workflowState?: string | null; validUntil?: string | null; nextReviewAt?: string | null }

/** The reason an entry now deserves supervision: stale for more than `graceDays` working days. */
export function staleReason(
  entry: StaleFacts,
  now: Date,
  calendar: WorkCalendar,
  graceDays: number,
): SupervisionReason | undefined {
  if (entry.workflowState === 'expired' && entry.validUntil) {
    // Counted from the last instant of the validUntil day, so that the first expired day counts.
    const lastValidInstant = new Date(endOfValidityDay(new Date(entry.validUntil)).getTime() - 1)
    if (workingDaysBetween(lastValidInstant, now, calendar) > graceDays) return 'expired_stale'
  }
  if (entry.workflowState === 'published' && entry.nextReviewAt) {
    const due = new Date(entry.nextReviewAt)
    if (due < now && workingDaysBetween(due, now, calendar) > graceDays) return 'review_overdue'
  }
  return undefined
}

/** A supervision item may close once the entry was republished (reviewed) after it opened, or archived. */
export function isResolved(
  entry: { workflowState?: string | null; reviewedAt?: string | null },
  openedAt: Date,
): boolean {
  if (entry.workflowState === 'archived') return true
  return entry.workflowState === 'published' && Boolean(entry.reviewedAt) && new Date(entry.reviewedAt!) >= openedAt
}
