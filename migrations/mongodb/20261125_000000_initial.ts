import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { ensureIndexes } from './ensureIndexes'

/**
 * Baseline for a new production MongoDB: MongoDB needs no tables, but the unique and lookup indexes
 * (unique knowledge codes, unit codes, category paths, user e-mails) must exist before any data.
 */
export async function up(args: MigrateUpArgs): Promise<void> {
  await ensureIndexes(args)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Indexes are dropped with their collections; nothing to undo for a baseline.
}
