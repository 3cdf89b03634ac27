/**
 * What waits for a user across the desks: the queues of their desks with counts, open 督办, unread
 * notifications, and for the knowledge base's staff the entries waiting for final review and the agents'
 * error reports. One read for the desk's landing page, its navigation and the admin's.
 */
import type { Payload, Where } from 'payload'

import { type AccessUser, actingUnitId, hasRole, isStaff } from '../domain/roles'
import { shanghaiDateTimeString } from '../domain/shanghaiTime'
import { type Desk, desksOf } from '../domain/workOrders/orderQueues'
import { queueCounts } from './orderQueues'

export const DESK_PATHS: Record<Desk, { path: string; label: string }> = {
  dispatch: { path: '/desk/dispatch', label: '派单台' },
  unit: { path: '/desk/unit', label: '承办收件箱' },
}

/** The page a user starts from: their first desk, the supervision desk, the console or the admin. */
export function homeOf(user: AccessUser): string {
  if (hasRole(user, 'dispatcher')) return DESK_PATHS.dispatch.path
  if (hasRole(user, 'unit-handler')) return DESK_PATHS.unit.path
  if (hasRole(user, 'supervisor')) return '/desk/supervision'
  if (hasRole(user, 'agent')) return '/console'
  return '/admin'
}

const ORDER_NUMBER = /GD\d{14}/

export async function deskSummary(payload: Payload, user: AccessUser) {
  const desks = await Promise.all(
    desksOf(user).map(async (desk) => ({ desk, ...DESK_PATHS[desk], queues: await queueCounts(payload, user, desk) })),
  )
  const unit = actingUnitId(user)
  const supervisionScope: Where | null = hasRole(user, 'admin', 'supervisor', 'dispatcher')
    ? {}
    : unit !== undefined
      ? { unit: { equals: unit } }
      : null
  const count = (
    collection: 'supervision-items' | 'knowledge-entries' | 'error-reports',
    where: Where,
    draft = false,
  ) => payload.count({ collection, where, overrideAccess: true, ...(draft ? { draft } : {}) }).then((r) => r.totalDocs)
  const [openSupervision, unread, finalReview, errorReports] = await Promise.all([
    supervisionScope
      ? count('supervision-items', { and: [supervisionScope, { status: { not_equals: 'closed' } }] })
      : null,
    payload.find({
      collection: 'notifications',
      where: { and: [{ recipient: { equals: user.id } }, { read: { equals: false } }] },
      sort: '-createdAt',
      limit: 10,
      depth: 0,
      overrideAccess: true,
    }),
    isStaff(user) ? count('knowledge-entries', { workflowState: { equals: 'hotline_review' } }, true) : null,
    isStaff(user) ? count('error-reports', { status: { equals: 'new' } }) : null,
  ])
  return {
    desks,
    openSupervision,
    unreadCount: unread.totalDocs,
    notifications: unread.docs.map((n) => ({
      id: n.id,
      title: n.title,
      at: shanghaiDateTimeString(new Date(n.createdAt)),
      order: ORDER_NUMBER.exec(n.title)?.[0] ?? null,
    })),
    knowledge: isStaff(user) ? { finalReview: finalReview ?? 0, errorReports: errorReports ?? 0 } : null,
  }
}

export type DeskSummary = Awaited<ReturnType<typeof deskSummary>>
