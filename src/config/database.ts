/** The database adapter the environment asks for: SQLite for the embedded default, MongoDB in production. */
import path from 'node:path'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'

import type { Env } from './env'
import { serializedSqliteClient } from './serializedSqlite'

const root = process.cwd()

/** SQLite's wait for another process (the CLI) on the same file. */
const BUSY_TIMEOUT_MS = 5000
/** How long a write waits for this process's write lock before it fails with a clear error. */
const WRITE_LOCK_TIMEOUT_MS = 15000

export function databaseAdapter(e: Env): DatabaseAdapterObj {
  if (e.databaseKind === 'mongodb') {
    return mongooseAdapter({ url: e.databaseUri, migrationDir: path.join(root, 'migrations/mongodb') })
  }
  const client = { url: e.databaseUri }
  const sqlite = sqliteAdapter({
    client,
    push: e.schemaPush,
    migrationDir: path.join(root, 'migrations/sqlite'),
    busyTimeout: BUSY_TIMEOUT_MS,
    wal: true,
    // Any value turns Payload's transactions on; drizzle begins them with BEGIN IMMEDIATE on our client.
    transactionOptions: {},
  })
  return {
    ...sqlite,
    // Our client before connect(): it creates its own only when none is set (see serializedSqlite.ts).
    init: (args) => {
      const adapter = sqlite.init(args)
      Object.assign(adapter, {
        client: serializedSqliteClient(client, {
          busyTimeoutMs: BUSY_TIMEOUT_MS,
          lockTimeoutMs: WRITE_LOCK_TIMEOUT_MS,
          synchronous: 'FULL',
        }),
      })
      return adapter
    },
  }
}
