import type { MigrateUpArgs } from '@payloadcms/db-mongodb'

/** Creates every index the collections declare (existing ones are left as they are). */
export async function ensureIndexes({ payload }: Pick<MigrateUpArgs, 'payload'>): Promise<void> {
  const db = payload.db as unknown as {
    collections: Record<string, { createIndexes(): Promise<void> }>
    versions: Record<string, { createIndexes(): Promise<void> }>
  }
  for (const model of [...Object.values(db.collections), ...Object.values(db.versions)]) {
    await model.createIndexes()
  }
}
