/** The desks' lists: the orders of one queue as the viewer may see them, a page at a time, and the counts. */
import type { Payload, Where } from 'payload'

import { now } from '../domain/clock'
import { labelOf } from '../domain/labels'
import type { AccessUser } from '../domain/roles'
import { queueMark } from '../domain/workOrders/clocks'
import { orderStateLabel } from '../domain/workOrders/orderFlow'
import {
  ageText,
  countdown,
  type Countdown,
  type Desk,
  queueDef,
  type QueueKey,
  queuesOf,
  queueSort,
  queueWhere,
} from '../domain/workOrders/orderQueues'
import { ORDER_TYPES, URGENCIES } from '../domain/workOrders/orderTypes'
import type { Unit } from '../payload-types'
import { ServiceError } from './errors'
import { clockPauses, ORDER, readLimits } from './workOrders'

export const PER_PAGE = 20

export type QueueRow = {
  number: string
  title: string
  type: string
  urgency: string
  state: string
  unit: string | null
  createdAt: string
  age: string
  deadline: (Countdown & { clock: string }) | null
}

const unitName = (u: unknown) => (typeof u === 'object' && u ? (u as Unit).name : null)

/** One page of a queue, or 403 when the viewer does not work at its desk. */
export async function listQueue(payload: Payload, viewer: AccessUser, key: string, page = 1, perPage = PER_PAGE) {
  const queue = queueDef(key)
  if (!queue) throw new ServiceError(400, `没有这个队列：${key}`)
  const at = now()
  const where = queueWhere(queue.key, viewer, at)
  if (!where) throw new ServiceError(403, '您无权查看该队列')
  const [found, limits] = await Promise.all([
    payload.find({
      collection: ORDER,
      where: where as Where,
      sort: queueSort(queue.key),
      page,
      limit: perPage,
      depth: 1,
      overrideAccess: true,
      select: {
        number: true,
        title: true,
        type: true,
        urgency: true,
        state: true,
        unit: true,
        subUnit: true,
        createdAt: true,
        dispatchDueAt: true,
        consultDueAt: true,
        signDueAt: true,
        dueAt: true,
        callbackDueAt: true,
        pausedAt: true,
      },
    }),
    readLimits(payload),
  ])
  const paused = clockPauses(limits)
  const rows: QueueRow[] = found.docs.map((o) => {
    const worst = queueMark(o, paused, at)[0]
    return {
      number: o.number,
      title: o.title,
      type: labelOf(ORDER_TYPES, o.type),
      urgency: labelOf(URGENCIES, o.urgency ?? 'normal'),
      state: orderStateLabel(o.state ?? 'intake'),
      unit: [unitName(o.unit), unitName(o.subUnit)].filter(Boolean).join(' → ') || null,
      createdAt: o.createdAt,
      age: ageText(new Date(o.createdAt), at),
      deadline: worst ? { ...countdown(new Date(worst.dueAt), at, limits.calendar), clock: worst.clock } : null,
    }
  })
  return { queue, rows, page: found.page ?? 1, totalPages: found.totalPages, totalDocs: found.totalDocs }
}

/** The counts of every queue of a desk, for its tabs and the landing page. */
export async function queueCounts(payload: Payload, viewer: AccessUser, desk: Desk) {
  const at = now()
  return Promise.all(
    queuesOf(desk).map(async (q) => {
      const where = queueWhere(q.key as QueueKey, viewer, at)
      const count = where
        ? (await payload.count({ collection: ORDER, where: where as Where, overrideAccess: true })).totalDocs
        : 0
      return { key: q.key, label: q.label, count }
    }),
  )
}
