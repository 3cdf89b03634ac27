import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { ensureIndexes } from './ensureIndexes'

/** The indexes of personal-data retention: `work-orders.anonymisedAt`, `personal-data-log.action`. */
export async function up(args: MigrateUpArgs): Promise<void> {
  await ensureIndexes(args)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Indexes go with their collections; nothing to undo.
}
