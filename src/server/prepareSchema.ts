import type { Migration, Payload } from 'payload'

import type { Env } from '../config/env'

/**
 * Applies the committed migrations of the database in use. Development and tests push the schema
 * instead, so they never share a database file with this path.
 */
export async function prepareSchema(payload: Payload, e: Env): Promise<void> {
  if (e.schemaPush) return
  const { migrations } =
    e.databaseKind === 'sqlite' ? await import('../../migrations/sqlite') : await import('../../migrations/mongodb')
  await payload.db.migrate({ migrations: migrations as unknown as Migration[] })
}
