import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { ensureIndexes } from './ensureIndexes'

/**
 * The report window index of `work-orders`: (createdAt, state, resolution, dispatchedAt, …, address),
 * every field the summary's pipelines read, beside the narrow (createdAt, …) index the trend reads.
 */
export async function up(args: MigrateUpArgs): Promise<void> {
  await ensureIndexes(args)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Indexes go with their collections; nothing to undo.
}
