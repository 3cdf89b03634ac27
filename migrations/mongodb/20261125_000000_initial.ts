import type { MigrateDownArgs, MigrateUpArgs } from '@payloadcms/db-mongodb'

/**
 * Baseline for a new production MongoDB: MongoDB needs no tables, but the unique and lookup indexes
 * (unique knowledge codes, unit codes, category paths, user e-mails) must exist before any data.
 */
export async function up({ payload }: MigrateUpArgs): Promise<void> {
  const db = payload.db as unknown as {
    collections: Record<string, { createIndexes(): Promise<void> }>
    versions: Record<string, { createIndexes(): Promise<void> }>
  }
  for (const model of [...Object.values(db.collections), ...Object.values(db.versions)]) {
    await model.createIndexes()
  }
}

export async function down(_args: MigrateDownArgs): Promise<void> {
  // Indexes are dropped with their collections; nothing to undo for a baseline.
}
