import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { storedReportFlags } from '../../src/domain/workOrders/reports'
import { ensureIndexes } from './ensureIndexes'

type Collection = {
  find(filter: object): AsyncIterable<Record<string, unknown>>
  bulkWrite(operations: object[]): Promise<unknown>
  updateMany(filter: object, update: object[]): Promise<unknown>
}

const ordersOf = (payload: MigrateUpArgs['payload']) =>
  (payload.db as unknown as { collections: Record<string, { collection: Collection }> }).collections['work-orders']
    .collection

/**
 * `reportFlags` of `work-orders`: the report counters of an order that do not depend on the time of the
 * report (`reportFlags` of src/domain/workOrders/reports.ts), written by the services with every change
 * of the order; orders written before it get them here, from the same function, 1,000 writes at a
 * time. Then the report window index the collection declares (every field the summary reads).
 */
export async function up({ payload }: MigrateUpArgs): Promise<void> {
  const orders = ordersOf(payload)
  let batch: object[] = []
  for await (const order of orders.find({ reportFlags: { $exists: false } })) {
    batch.push({
      updateOne: { filter: { _id: order._id }, update: { $set: { reportFlags: storedReportFlags(order) } } },
    })
    if (batch.length === 1000) {
      await orders.bulkWrite(batch)
      batch = []
    }
  }
  if (batch.length) await orders.bulkWrite(batch)
  await ensureIndexes({ payload })
}

export async function down({ payload }: MigrateDownArgs): Promise<void> {
  await ordersOf(payload).updateMany({}, [{ $unset: 'reportFlags' }])
}
