/** The database adapter the environment asks for: SQLite for the embedded default, MongoDB in production. */
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import type { Env } from './env'

const root = process.cwd()

export function databaseAdapter(e: Env): DatabaseAdapterObj {
  if (e.databaseKind === 'mongodb') {
    return mongooseAdapter({ url: e.databaseUri, migrationDir: path.join(root, 'migrations/mongodb') })
  }
  return sqliteAdapter({
    client: { url: e.databaseUri },
    push: e.schemaPush,
    migrationDir: path.join(root, 'migrations/sqlite'),
    // Concurrent requests of one process share the file; wait instead of failing with SQLITE_BUSY.
    busyTimeout: 5000,
    wal: true,
  })
}
