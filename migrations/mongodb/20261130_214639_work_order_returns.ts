import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

type Collection = { updateMany(filter: object, update: object[]): Promise<unknown> }

/**
 * `returns` of `work-orders`: how many return requests an order's timeline holds, so that reports count
 * returned orders without reading timelines. Orders written before it get it from their timeline.
 */
export async function up({ payload }: MigrateUpArgs): Promise<void> {
  const orders = (payload.db as unknown as { collections: Record<string, { collection: Collection }> }).collections[
    'work-orders'
  ].collection
  await orders.updateMany({ returns: { $exists: false } }, [
    {
      $set: {
        returns: {
          $size: {
            $filter: { input: { $ifNull: ['$timeline', []] }, cond: { $eq: ['$$this.action', 'request-return'] } },
          },
        },
      },
    },
  ])
}

export async function down({ payload }: MigrateDownArgs): Promise<void> {
  const orders = (payload.db as unknown as { collections: Record<string, { collection: Collection }> }).collections[
    'work-orders'
  ].collection
  await orders.updateMany({}, [{ $unset: 'returns' }])
}
