import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { ensureIndexes } from './ensureIndexes'

/** The indexes of 相似问候选 (question-candidates: entry, unit, status) on an existing database. */
export async function up(args: MigrateUpArgs): Promise<void> {
  await ensureIndexes(args)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Indexes go with their collections; nothing to undo.
}
