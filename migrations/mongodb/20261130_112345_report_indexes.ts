import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { ensureIndexes } from './ensureIndexes'

/**
 * The report indexes of `work-orders`: (createdAt, state, resolution, dispatchedAt) for the trend and
 * the period's match, (unit, createdAt) for a unit's own report.
 */
export async function up(args: MigrateUpArgs): Promise<void> {
  await ensureIndexes(args)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Indexes go with their collections; nothing to undo.
}
