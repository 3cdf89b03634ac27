/**
 * A libsql client for the embedded SQLite database that makes real transactions safe in one process.
 *
 * SQLite has one writer. `@libsql/client`'s own `transaction()` hands its connection to the transaction
 * and lazily opens a new one (without busy timeout) for everything else, so any statement issued while a
 * transaction is open fails with SQLITE_BUSY, and its native calls are synchronous, so waiting inside
 * SQLite would block the event loop. Here instead:
 * - one write connection, serialised by an in-process async lock: a transaction holds the lock from
 *   BEGIN IMMEDIATE to COMMIT/ROLLBACK, a write outside a transaction holds it for one statement;
 * - reads outside a transaction run on a separate read connection (WAL lets them see committed data
 *   without waiting for the writer);
 * - every connection gets `busy_timeout` (another process on the same file, e.g. the CLI) and the
 *   journal settings: Payload's adapter applies its `wal` option only to a client it creates itself, so
 *   without this the file stayed in rollback-journal mode (readers blocked by every commit, a journal
 *   file written and synced per transaction: 19 ms of blocked event loop per intake);
 * - waiting for the lock is bounded and ends with a clear error rather than hanging;
 * - each connection prepares a statement once (see `preparingOnce`).
 */
import path from 'node:path'

import {
  type Client,
  type Config,
  createClient,
  type InStatement,
  type ResultSet,
  type Transaction,
  type TransactionMode,
} from '@libsql/client'
import { Sqlite3Client } from '@libsql/client/sqlite3'
import Database from 'libsql'

export type SerializedSqliteOptions = {
  /** SQLite's own wait for another process holding the file. */
  busyTimeoutMs: number
  /** How long a statement or transaction waits for this process's write lock before failing. */
  lockTimeoutMs: number
  /** SQLite's `synchronous` in WAL mode (see README, "Durability of the embedded database"). */
  synchronous: 'FULL' | 'NORMAL'
}

/** Thrown when the write lock is not granted in time: the database is overloaded or a transaction leaked. */
export class DatabaseBusyError extends Error {
  readonly status = 503
  constructor(waitedMs: number) {
    super(`数据库繁忙（等待写入超过 ${waitedMs} ms），请稍后重试 / database busy: write lock not granted in time`)
    this.name = 'DatabaseBusyError'
  }
}

/** A FIFO async mutex whose waiters give up after a timeout. */
export class WriteLock {
  private held = false
  private readonly waiters: (() => void)[] = []

  constructor(private readonly timeoutMs: number) {}

  get waiting(): number {
    return this.waiters.length
  }

  async acquire(): Promise<void> {
    if (!this.held) {
      this.held = true
      return
    }
    await new Promise<void>((resolve, reject) => {
      const grant = () => {
        clearTimeout(timer)
        resolve()
      }
      const timer = setTimeout(() => {
        this.waiters.splice(this.waiters.indexOf(grant), 1)
        reject(new DatabaseBusyError(this.timeoutMs))
      }, this.timeoutMs)
      this.waiters.push(grant)
    })
  }

  /** Hands the lock straight to the next waiter, so that nobody can overtake the queue. */
  release(): void {
    const next = this.waiters.shift()
    if (next) next()
    else this.held = false
  }
}

const isRead = (stmt: InStatement) => /^\s*select\b/i.test(typeof stmt === 'string' ? stmt : stmt.sql)
const isInMemory = (url: string) => url === ':memory:' || url.startsWith('file::memory:')

/** The embedded database's file: `file:./data/x.db` → an absolute path. */
export const sqliteFile = (databaseUri: string): string => path.resolve(databaseUri.replace(/^file:/, ''))

/** Statements kept prepared per connection: Payload's queries come in a few hundred shapes. */
const PREPARED_PER_CONNECTION = 500
const CACHEABLE = /^\s*(select|insert|update|delete|with)\b/i
const SCHEMA_CHANGE = /^\s*(create|alter|drop)\b/i

type Schema = { generation: number }

/**
 * A statement that asks SQLite for its columns once: after its first run, since a connection that has
 * not read a schema change yet prepares with the columns it knew and SQLite prepares again as it runs.
 */
function remembersColumns(statement: Database.Statement): Database.Statement {
  const columns = statement.columns.bind(statement)
  const all = statement.all.bind(statement)
  let known: ReturnType<typeof columns> | undefined
  statement.columns = () => known ?? columns()
  statement.all = ((...args: unknown[]) => {
    const rows = all(...args)
    known ??= columns()
    return rows
  }) as typeof statement.all
  return statement
}

/**
 * The connection's `prepare`, keeping each data statement prepared for the next call with the same SQL.
 * `@libsql/client` prepares every statement on every call and asks for its columns twice: on a work
 * order's 70 columns that was ≈ 0.7 ms to prepare and ≈ 0.3 ms per columns call, most of a statement's
 * time. A kept statement runs to its end on each call (it holds no read snapshot between calls), and
 * SQLite prepares it again by itself after a schema change; every kept statement of the file, with the
 * columns it remembers, is dropped when this process changes the schema (`schema.generation`).
 */
function preparingOnce(db: Database.Database, schema: Schema): Database.Database {
  const prepare = db.prepare.bind(db)
  const kept = new Map<string, Database.Statement>()
  let generation = schema.generation
  db.prepare = ((sql: string) => {
    if (generation !== schema.generation) {
      kept.clear()
      generation = schema.generation
    }
    if (!CACHEABLE.test(sql)) {
      if (SCHEMA_CHANGE.test(sql)) generation = ++schema.generation
      return prepare(sql)
    }
    let statement = kept.get(sql)
    if (statement) {
      // Most recently used last: the first key is the one to drop.
      kept.delete(sql)
    } else {
      statement = remembersColumns(prepare(sql))
      if (kept.size >= PREPARED_PER_CONNECTION) kept.delete(kept.keys().next().value!)
    }
    kept.set(sql, statement)
    return statement
  }) as typeof db.prepare
  return db
}

export function serializedSqliteClient(config: Config, options: SerializedSqliteOptions): Client {
  const lock = new WriteLock(options.lockTimeoutMs)
  let writer: Client | undefined
  let reader: Client | undefined
  const schema: Schema = { generation: 0 }

  const open = (): Client => {
    const file = sqliteFile(config.url)
    // The client of `createClient`, on a connection of ours (an in-memory database is one connection anyway).
    const client = isInMemory(config.url)
      ? createClient(config)
      : new Sqlite3Client(file, {}, preparingOnce(new Database(file), schema), config.intMode ?? 'number')
    // Synchronous native calls; only wait when another process holds the file. WAL is a setting of the
    // file (the first connection sets it); `synchronous` is one of each connection.
    for (const pragma of [
      `busy_timeout = ${options.busyTimeoutMs}`,
      'journal_mode = WAL',
      `synchronous = ${options.synchronous}`,
    ])
      void client.execute(`PRAGMA ${pragma}`).catch(() => undefined)
    return client
  }
  // Connections open on first use: the data folder may not exist when the adapter is declared.
  const write = () => (writer ??= open())
  const read = () => (isInMemory(config.url) ? write() : (reader ??= open()))

  async function locked<T>(work: (db: Client) => Promise<T>): Promise<T> {
    await lock.acquire()
    try {
      return await work(write())
    } finally {
      lock.release()
    }
  }

  const client: Client = {
    protocol: 'file',
    get closed() {
      return Boolean(writer?.closed)
    },
    execute(stmtOrSql: InStatement | string, args?: unknown) {
      const stmt = (typeof stmtOrSql === 'string' ? { sql: stmtOrSql, args: args ?? [] } : stmtOrSql) as InStatement
      return isRead(stmt) ? read().execute(stmt) : locked((db) => db.execute(stmt))
    },
    batch: (stmts: InStatement[], mode?: TransactionMode) => locked((db) => db.batch(stmts, mode)),
    migrate: (stmts: InStatement[]) => locked((db) => db.migrate(stmts).finally(() => schema.generation++)),
    // A script may change the schema without passing through `prepare`.
    executeMultiple: (sql: string) => locked((db) => db.executeMultiple(sql).finally(() => schema.generation++)),
    sync: () => write().sync(),
    async transaction(mode: TransactionMode = 'write'): Promise<Transaction> {
      await lock.acquire()
      try {
        const db = write()
        // IMMEDIATE takes SQLite's write lock at once: a transaction never fails half-way on a busy file.
        await db.execute(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN DEFERRED')
        return lockedTransaction(db, () => lock.release())
      } catch (err) {
        lock.release()
        throw err
      }
    },
    close() {
      writer?.close()
      reader?.close()
      writer = reader = undefined
    },
  } as Client
  return client
}

/** A transaction on the write connection that gives the lock back when it ends, however it ends. */
function lockedTransaction(db: Client, release: () => void): Transaction {
  let open = true
  const end = async (sql: 'COMMIT' | 'ROLLBACK') => {
    if (!open) return
    open = false
    try {
      await db.execute(sql)
    } catch (err) {
      if (sql === 'COMMIT') await db.execute('ROLLBACK').catch(() => undefined)
      throw err
    } finally {
      release()
    }
  }
  const ensureOpen = () => {
    if (!open) throw Object.assign(new Error('The transaction is closed'), { code: 'TRANSACTION_CLOSED' })
  }
  return {
    get closed() {
      return !open
    },
    async execute(stmt: InStatement): Promise<ResultSet> {
      ensureOpen()
      return db.execute(stmt)
    },
    async batch(stmts: InStatement[]): Promise<ResultSet[]> {
      ensureOpen()
      const results: ResultSet[] = []
      for (const stmt of stmts) results.push(await db.execute(stmt))
      return results
    },
    // The underlying client's executeMultiple rolls back any open transaction when it ends.
    executeMultiple: () => Promise.reject(new Error('executeMultiple is not supported inside a transaction')),
    commit: () => end('COMMIT'),
    rollback: () => end('ROLLBACK'),
    close() {
      void end('ROLLBACK')
    },
  } as Transaction
}
