/**
 * The round's reading and writing of open orders in batches: a keyset page of one state at a time
 * (only the orders whose mark may change, only the fields the round needs), and the marks that change written in one short transaction per
 * batch, then a yield so that requests waiting on the event loop and the write lock are served.
 */
import type { Payload, Where } from 'payload'

import { type MarkChange, mayChange, nextKey, ROUND_STATES } from '../domain/workOrders/deadlineRound'
import type { WorkOrder } from '../payload-types'
import { inTransaction } from './transaction'
import { ORDER } from './workOrders'
import { yieldToRequests } from './yieldToRequests'

export const ROUND_BATCH = 500

/** What the round reads of an order: its clocks, its mark, what a recomputed deadline and a 督办 item need. */
const ROUND_FIELDS = {
  number: true,
  title: true,
  unit: true,
  state: true,
  type: true,
  urgency: true,
  complex: true,
  createdAt: true,
  dispatchedAt: true,
  repliedAt: true,
  dispatchDueAt: true,
  consultDueAt: true,
  signDueAt: true,
  dueAt: true,
  callbackDueAt: true,
  pausedAt: true,
  pausedMs: true,
  extensionDays: true,
  deadlineStatus: true,
  deadlineClock: true,
  deadlineWarning: true,
} as const

export type RoundRow = Pick<WorkOrder, 'id' | keyof typeof ROUND_FIELDS>

/**
 * The open orders whose mark may change now (see `mayChange`), a batch at a time, in keyset order within
 * each state; memory holds one batch, and orders that keep their mark are skipped by the database.
 */
export async function* openOrderBatches(
  payload: Payload,
  { clockPauses, at, batchSize = ROUND_BATCH }: { clockPauses: boolean; at: Date; batchSize?: number },
): AsyncGenerator<RoundRow[]> {
  for (const state of ROUND_STATES) {
    const candidates = mayChange(state, clockPauses, at) as Where
    let after: number | string | null | undefined
    do {
      const where: Where = after === undefined ? candidates : { and: [candidates, { id: { greater_than: after } }] }
      const { docs } = await payload.find({
        collection: ORDER,
        where,
        sort: 'id',
        limit: batchSize,
        pagination: false,
        depth: 0,
        overrideAccess: true,
        select: ROUND_FIELDS,
      })
      if (docs.length) yield docs as RoundRow[]
      after = nextKey(docs, batchSize)
      await yieldToRequests()
    } while (after !== null)
  }
}

/** Writes a batch's changed marks in one transaction: one bulk update per new mark, no other field touched. */
export async function writeMarks(payload: Payload, changes: readonly MarkChange[]): Promise<void> {
  if (!changes.length) return
  await inTransaction(payload, async (req) => {
    for (const change of changes)
      await payload.db.updateMany({
        collection: ORDER,
        where: { id: { in: change.ids } },
        data: { deadlineStatus: change.status, deadlineClock: change.clock },
        req,
        returning: false,
      })
  })
}
