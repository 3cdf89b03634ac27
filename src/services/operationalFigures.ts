/** Figures operators watch, read with count queries so that health checks and scrapes stay cheap. */
import type { Payload } from 'payload'

import { now } from '../domain/clock'
import { ORDER_STATES } from '../domain/workOrders/orderFlow'

/** Tasks of a queue not yet done, and the age of the oldest: for the search outbox, how far the index trails the database. */
export async function outboxLag(payload: Payload, queue: string) {
  const pending = await payload.find({
    collection: 'payload-jobs',
    where: {
      and: [{ queue: { equals: queue } }, { completedAt: { exists: false } }, { hasError: { not_equals: true } }],
    },
    sort: 'createdAt',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const oldest = pending.docs[0]?.createdAt
  return {
    pending: pending.totalDocs,
    oldestAgeSeconds: oldest ? Math.max(0, Math.round((now().getTime() - Date.parse(oldest)) / 1000)) : 0,
  }
}

/** States an order is over in, or waits for the hotline rather than a unit. */
const NOT_OPEN = ['closed', 'split']
const NO_DEADLINE = ['closed', 'split', 'replied', 'called_back']

/** Orders not closed by state, and those the hourly round marked due today or overdue (as /admin/reports lists them). */
export async function orderFigures(payload: Payload) {
  const count = async (where: object) =>
    (await payload.count({ collection: 'work-orders', where: where as never, overrideAccess: true })).totalDocs
  const byState: Record<string, number> = {}
  for (const { value } of ORDER_STATES.filter((s) => !NOT_OPEN.includes(s.value)))
    byState[value] = await count({ state: { equals: value } })
  const deadline = async (status: string) =>
    count({ and: [{ deadlineStatus: { equals: status } }, { state: { not_in: NO_DEADLINE } }] })
  return { byState, dueToday: await deadline('due_today'), overdue: await deadline('overdue') }
}
