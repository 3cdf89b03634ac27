/** When an entry is next due for review: the last review plus its cycle; a notice when its event ends. */
const DAY_MS = 86_400_000

export function nextReviewAt(
  entry: { type: string; reviewCycleDays?: number | null; notice?: { eventEnd?: string | null } | null },
  reviewedAt: Date,
): Date | undefined {
  if (entry.type === 'notice') return entry.notice?.eventEnd ? new Date(entry.notice.eventEnd) : undefined
  if (!entry.reviewCycleDays) return undefined
  const next = new Date(reviewedAt.getTime() + entry.reviewCycleDays * DAY_MS)
  // A cycle beyond the calendar (stored before it was validated) gives no date; validation names it.
  return Number.isNaN(next.getTime()) ? undefined : next
}
