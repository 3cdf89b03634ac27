/** The supervision desk: open items by reason and unit (a unit sees its own), and escalation by hand. */
import type { Payload, Where } from 'payload'

import { now } from '../domain/clock'
import { labelOf } from '../domain/labels'
import { type AccessUser, actingUnitId, hasRole, relationId } from '../domain/roles'
import { shanghaiDateTimeString } from '../domain/shanghaiTime'
import { SUPERVISION_REASONS, SUPERVISION_STATUSES } from '../domain/supervision/staleKnowledge'
import type { Unit, WorkOrder } from '../payload-types'
import { ServiceError } from './errors'
import { noteOnTimeline } from './orderSupervision'
import { inTransaction } from './transaction'

export type SupervisionFilter = { reason?: string; unit?: string; status?: 'open' | 'all'; workOrder?: number | string }

const SUPERVISION_DESK_ROLES = ['admin', 'supervisor'] as const

/** Items the viewer may see: the supervisors all, a unit's people their unit's, nobody else any. */
function scope(viewer: AccessUser): Where | null {
  if (hasRole(viewer, ...SUPERVISION_DESK_ROLES, 'dispatcher')) return {}
  const unit = actingUnitId(viewer)
  return unit === undefined ? null : { unit: { equals: unit } }
}

export async function listSupervision(payload: Payload, viewer: AccessUser, filter: SupervisionFilter = {}) {
  const own = scope(viewer)
  if (!own) throw new ServiceError(403, '您无权查看督办事项')
  const and: Where[] = [own]
  if (filter.status !== 'all') and.push({ status: { not_equals: 'closed' } })
  if (filter.reason) and.push({ reason: { equals: filter.reason } })
  if (filter.unit) and.push({ unit: { equals: filter.unit } })
  if (filter.workOrder !== undefined) and.push({ workOrder: { equals: filter.workOrder } })
  const found = await payload.find({
    collection: 'supervision-items',
    where: { and },
    sort: 'deadline',
    limit: 100,
    depth: 1,
    overrideAccess: true,
  })
  return found.docs.map((item) => ({
    id: item.id,
    subject: item.subjectLabel ?? '',
    reason: labelOf(SUPERVISION_REASONS, item.reason),
    reasonValue: item.reason,
    status: item.status ?? 'open',
    statusLabel: labelOf(SUPERVISION_STATUSES, item.status ?? 'open'),
    unit: typeof item.unit === 'object' && item.unit ? (item.unit as Unit).name : null,
    unitId: relationId(item.unit) ?? null,
    workOrder: typeof item.workOrder === 'object' && item.workOrder ? (item.workOrder as WorkOrder).number : null,
    description: item.description ?? null,
    rectification: item.rectification ?? null,
    reviewNote: item.reviewNote ?? null,
    openedAt: item.openedAt ? shanghaiDateTimeString(new Date(item.openedAt)) : null,
    deadline: item.deadline ? shanghaiDateTimeString(new Date(item.deadline)) : null,
  }))
}

/** A supervisor escalates an open item (to the leadership's attention); noted on the order's timeline. */
export async function escalateSupervision(payload: Payload, id: number | string, note: string, viewer: AccessUser) {
  if (!hasRole(viewer, ...SUPERVISION_DESK_ROLES)) throw new ServiceError(403, '只有督办员可以升级督办')
  return inTransaction(payload, async (req) => {
    const item = await payload
      .findByID({ collection: 'supervision-items', id, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    if (!item) throw new ServiceError(404, '没有这个督办事项')
    if (item.status !== 'open') throw new ServiceError(400, '只有督办中的事项可以升级')
    await payload.update({
      collection: 'supervision-items',
      id,
      data: { status: 'escalated', escalatedAt: now().toISOString(), reviewNote: note },
      overrideAccess: true,
      context: { systemOpened: true },
      req,
    })
    if (item.workOrder) await noteOnTimeline(payload, relationId(item.workOrder)!, `督办升级：${note}`, req)
    return { id: item.id, status: 'escalated' as const }
  })
}
