import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

import { ensureIndexes } from './ensureIndexes'

/** Indexes of `order-attachments` (the files of a 确已尽责 explanation): by order and by unit. */
export async function up(args: MigrateUpArgs): Promise<void> {
  await ensureIndexes(args)
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Indexes go with their collections; nothing to undo.
}
