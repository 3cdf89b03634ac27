/** 督办 of work orders: opened by the round or by a supervisor, shown on the order's timeline. */
import type { Payload, PayloadRequest } from 'payload'

import { now } from '../domain/clock'
import { labelOf } from '../domain/labels'
import { actingUnitId, hasRole, type RelationValue, relationId } from '../domain/roles'
import { SUPERVISION_REASONS, type SupervisionReason } from '../domain/supervision/staleKnowledge'
import { stamp, type TimelineItem } from '../domain/workOrders/orderPlan'
import type { WorkOrder } from '../payload-types'
import { ServiceError } from './errors'
import { openSupervision, orderSubject, type SupervisionSubject } from './supervision'
import { inTransaction } from './transaction'
import { type Actor, loadOrder, unitByCode } from './workOrders'

type Req = Partial<PayloadRequest>
type OrderRef = Pick<WorkOrder, 'id' | 'number' | 'title'> & { unit?: RelationValue }

/** Appends a 督办 step to the order's timeline. */
export async function noteOnTimeline(payload: Payload, orderId: number | string, note: string, req?: Req) {
  const order = await payload.findByID({ collection: 'work-orders', id: orderId, depth: 0, overrideAccess: true, req })
  const entry: TimelineItem = { ...stamp('system', 'supervision', now(), { note }), label: '督办' }
  await payload.update({
    collection: 'work-orders',
    id: orderId,
    data: { timeline: [...((order.timeline as TimelineItem[] | null) ?? []), entry] },
    overrideAccess: true,
    req,
  })
}

/** Opens an item on an order (against its unit, or the hotline for its own queues) and notes it on the timeline. */
export async function superviseOrder(
  payload: Payload,
  order: OrderRef,
  reason: SupervisionReason,
  description: string,
  options: { hotline?: boolean; key?: string; req?: Req } = {},
) {
  const subject: SupervisionSubject = {
    ...orderSubject(order, options.key),
    hotline: options.hotline,
    ...(options.hotline ? { task: reason === 'order_dispatch_overdue' ? '派发或办结该工单' : '回访该工单' } : {}),
  }
  const opened = await openSupervision(payload, { subject, reason, description }, options.req)
  if (opened)
    await noteOnTimeline(payload, order.id, `${labelOf(SUPERVISION_REASONS, reason)}：${description}`, options.req)
  return opened
}

export type ManualSupervision = {
  workOrder?: string
  unit?: string
  reason: 'poor_handling' | 'other'
  description: string
}

/** A supervisor opens an item by hand (第二十二条(四)(六)): on an order (against its unit) or on a unit. */
export async function openManualSupervision(payload: Payload, input: ManualSupervision, actor: Actor) {
  if (!hasRole(actor, 'supervisor', 'admin')) throw new ServiceError(403, '只有督办员可以立项督办')
  if (!input.workOrder === !input.unit)
    throw new ServiceError(400, '请指定被督办的工单 workOrder 或承办单位 unit（二选一）')
  return inTransaction(payload, async (req) => {
    let subject: SupervisionSubject
    if (input.workOrder) {
      const order = await loadOrder(payload, input.workOrder, actor, req)
      if (!order.unit) throw new ServiceError(400, `工单 ${order.number} 尚未派发，没有可督办的承办单位`)
      subject = { ...orderSubject(order, `manual:${order.id}`), task: '整改并提交整改反馈' }
    } else {
      const unit = await unitByCode(payload, input.unit!)
      subject = { key: `unit:${unit.id}`, unit: unit.id, label: unit.name, task: '整改并提交整改反馈' }
    }
    const opened = await openSupervision(
      payload,
      { subject, reason: input.reason, description: input.description },
      req,
    )
    if (!opened) throw new ServiceError(409, '该对象已有同类督办事项在办，请勿重复立项')
    await payload.update({
      collection: 'supervision-items',
      id: opened.id,
      data: { openedBy: actor.id as number },
      overrideAccess: true,
      context: { systemOpened: true },
      req,
    })
    if (subject.workOrder)
      await noteOnTimeline(
        payload,
        subject.workOrder,
        `督办员立项：${labelOf(SUPERVISION_REASONS, input.reason)}——${input.description}`,
        req,
      )
    return itemOf(payload, opened.id, req)
  })
}

async function itemOf(payload: Payload, id: number | string, req?: Req) {
  const item = await payload.findByID({ collection: 'supervision-items', id, depth: 0, overrideAccess: true, req })
  return {
    id: item.id,
    subject: item.subjectLabel,
    reason: item.reason,
    status: item.status,
    deadline: item.deadline,
    description: item.description ?? null,
    rectification: item.rectification ?? null,
    reviewNote: item.reviewNote ?? null,
    workOrder: relationId(item.workOrder) ?? null,
    unit: relationId(item.unit) ?? null,
  }
}

/** The unit answers an item with its rectification (整改反馈). */
export async function submitRectification(payload: Payload, id: number | string, text: string, actor: Actor) {
  return inTransaction(payload, async (req) => {
    const item = await payload
      .findByID({ collection: 'supervision-items', id, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    const unit = actingUnitId(actor)
    if (!item || unit === undefined || String(relationId(item.unit)) !== String(unit))
      throw new ServiceError(404, '没有这个督办事项或无权处理')
    if (!['open', 'escalated'].includes(item.status ?? '')) throw new ServiceError(400, '该督办事项当前不需要整改反馈')
    await payload.update({
      collection: 'supervision-items',
      id,
      data: { status: 'rectified', rectification: text, rectifiedAt: now().toISOString() },
      overrideAccess: true,
      context: { systemOpened: true },
      req,
    })
    if (item.workOrder) await noteOnTimeline(payload, relationId(item.workOrder)!, `承办单位整改反馈：${text}`, req)
    return itemOf(payload, id, req)
  })
}

/** The supervisor accepts the rectification (the item closes) or sends it back (open again). */
export async function reviewRectification(
  payload: Payload,
  id: number | string,
  decision: { accept: boolean; note?: string },
  actor: Actor,
) {
  if (!hasRole(actor, 'supervisor', 'admin')) throw new ServiceError(403, '只有督办员可以审核整改反馈')
  return inTransaction(payload, async (req) => {
    const item = await payload
      .findByID({ collection: 'supervision-items', id, depth: 0, overrideAccess: true, req })
      .catch(() => null)
    if (!item) throw new ServiceError(404, '没有这个督办事项')
    if (item.status !== 'rectified') throw new ServiceError(400, '承办单位尚未提交整改反馈')
    if (!decision.accept && !decision.note?.trim()) throw new ServiceError(400, '退回整改须说明理由 note')
    const at = now().toISOString()
    await payload.update({
      collection: 'supervision-items',
      id,
      data: decision.accept
        ? {
            status: 'closed',
            closedAt: at,
            closedBy: actor.id as number,
            closeNote: decision.note ?? '整改到位',
            reviewNote: decision.note ?? null,
          }
        : { status: 'open', reviewNote: decision.note },
      overrideAccess: true,
      context: { systemOpened: true },
      req,
    })
    if (item.workOrder)
      await noteOnTimeline(
        payload,
        relationId(item.workOrder)!,
        decision.accept
          ? `督办员认可整改${decision.note ? `：${decision.note}` : ''}`
          : `督办员退回整改：${decision.note}`,
        req,
      )
    return itemOf(payload, id, req)
  })
}
