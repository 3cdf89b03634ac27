/** 督办 of work orders: opened by the round or by a supervisor, shown on the order's timeline. */
import type { Payload, PayloadRequest } from 'payload'

import { now } from '../domain/clock'
import { labelOf } from '../domain/labels'
import type { RelationValue } from '../domain/roles'
import { SUPERVISION_REASONS, type SupervisionReason } from '../domain/supervision/staleKnowledge'
import { stamp, type TimelineItem } from '../domain/workOrders/orderPlan'
import type { WorkOrder } from '../payload-types'
import { openSupervision, orderSubject, type SupervisionSubject } from './supervision'

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
