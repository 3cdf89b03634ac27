import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { ensureIndexes } from './ensureIndexes'

/**
 * Several app servers: the indexes of search-changes (createdAt), instance-leases (the unique slot
 * that makes exactly one instance hold a lease) and rate-limit-hits (key, window).
 */
export async function up(args: MigrateUpArgs): Promise<void> {
  await ensureIndexes(args)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Indexes go with their collections; nothing to undo.
}
