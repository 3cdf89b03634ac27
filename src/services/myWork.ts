/**
 * "待我处理": what waits for a user, by role. Reviewers see entries awaiting their stage, editors
 * their rejected entries, and the unit's people what expires or falls due for review within 30 days.
 */
import type { Payload, Where } from 'payload'

import { now } from '../domain/clock'
import { type AccessUser, actingUnitId, hasRole, isStaff } from '../domain/roles'
import { arrangementMissingFor } from '../domain/workOrders/deadlines'
import { loadCalendar } from './supervision'

export const EXPIRY_HORIZON_DAYS = 30

export type WorkItem = {
  id: number | string
  code: string
  title: string
  workflowState: string
  validUntil?: string | null
  nextReviewAt?: string | null
}
export type WorkList = {
  key: 'unit_review' | 'hotline_review' | 'rejected' | 'expiring' | 'expired'
  label: string
  items: WorkItem[]
}

/** The knowledge base at a glance, for the dashboard: counts scoped to the user's unit for unit roles. */
export async function knowledgeOverview(payload: Payload, user: AccessUser) {
  const unit = actingUnitId(user)
  const ofUnit: Where[] = unit !== undefined ? [{ unit: { equals: unit } }] : []
  const at = now().getTime()
  const within = (days: number) => new Date(at + days * 86_400_000).toISOString()
  const count = async (
    collection: 'knowledge-entries' | 'supervision-items' | 'knowledge-gaps' | 'entry-feedback',
    where: Where,
  ) => (await payload.count({ collection, where, overrideAccess: true })).totalDocs
  const live: Where = { _status: { equals: 'published' } }
  const [d30, d7, d1, expired, supervision] = await Promise.all([
    ...[30, 7, 1].map((d) =>
      count('knowledge-entries', { and: [live, { validUntil: { less_than_equal: within(d) } }, ...ofUnit] }),
    ),
    count('knowledge-entries', { and: [{ workflowState: { equals: 'expired' } }, ...ofUnit] }),
    count('supervision-items', { and: [{ status: { not_equals: 'closed' } }, ...ofUnit] }),
  ])
  const staff = isStaff(user)
  return {
    expiring: { d30, d7, d1 },
    expired,
    openSupervision: supervision,
    openGaps: staff ? await count('knowledge-gaps', { status: { equals: 'open' } }) : null,
    unhelpfulFeedback: staff ? await count('entry-feedback', { helpful: { equals: false } }) : null,
    // Admins keep the calendar: the year whose 调休 arrangement is missing (deadlines into it are guesses).
    missingArrangement: hasRole(user, 'admin')
      ? (arrangementMissingFor(now(), await loadCalendar(payload)) ?? null)
      : null,
  }
}

export async function myWork(payload: Payload, user: AccessUser): Promise<WorkList[]> {
  const unit = actingUnitId(user)
  const ofUnit: Where[] = unit !== undefined ? [{ unit: { equals: unit } }] : []
  const list = async (key: WorkList['key'], label: string, where: Where, draft: boolean): Promise<WorkList> => {
    const found = await payload.find({
      collection: 'knowledge-entries',
      where,
      draft,
      depth: 0,
      limit: 50,
      sort: 'updatedAt',
      overrideAccess: true,
    })
    const items = found.docs.map((d) => ({
      id: d.id,
      code: d.code ?? '',
      title: d.title,
      workflowState: d.workflowState ?? 'draft',
      validUntil: d.validUntil,
      nextReviewAt: d.nextReviewAt,
    }))
    return { key, label, items }
  }
  const lists: Promise<WorkList>[] = []
  if (hasRole(user, 'unit-reviewer') && unit !== undefined) {
    lists.push(
      list(
        'unit_review',
        '待我审核（单位审核）',
        { and: [{ workflowState: { equals: 'unit_review' } }, ...ofUnit] },
        true,
      ),
    )
  }
  if (isStaff(user))
    lists.push(list('hotline_review', '待我审核（热线审核）', { workflowState: { equals: 'hotline_review' } }, true))
  if (hasRole(user, 'unit-editor')) {
    lists.push(list('rejected', '被退回待修改', { and: [{ workflowState: { equals: 'rejected' } }, ...ofUnit] }, true))
  }
  if (unit !== undefined || isStaff(user)) {
    const horizon = new Date(now().getTime() + EXPIRY_HORIZON_DAYS * 86_400_000).toISOString()
    lists.push(
      list(
        'expired',
        unit !== undefined ? '本单位已过期条目' : '已过期条目',
        { and: [{ workflowState: { equals: 'expired' } }, ...ofUnit] },
        false,
      ),
    )
    lists.push(
      list(
        'expiring',
        unit !== undefined
          ? `本单位 ${EXPIRY_HORIZON_DAYS} 天内到期或需复核`
          : `${EXPIRY_HORIZON_DAYS} 天内到期或需复核`,
        {
          and: [
            { _status: { equals: 'published' } },
            { or: [{ validUntil: { less_than_equal: horizon } }, { nextReviewAt: { less_than_equal: horizon } }] },
            ...ofUnit,
          ],
        },
        false,
      ),
    )
  }
  return Promise.all(lists)
}
