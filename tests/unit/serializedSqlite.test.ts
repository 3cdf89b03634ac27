// The embedded database's client keeps statements prepared: what it answers must be what a fresh statement would.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Client } from '@libsql/client'

import { serializedSqliteClient } from '../../src/config/serializedSqlite'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-kb-sqlite-'))
let client: Client

beforeEach(async () => {
  const file = path.join(dir, `${expect.getState().currentTestName?.replace(/\W+/g, '-')}.db`)
  client = serializedSqliteClient(
    { url: `file:${file}` },
    { busyTimeoutMs: 1000, lockTimeoutMs: 1000, synchronous: 'FULL' },
  )
  await client.execute('CREATE TABLE t (id integer primary key, v text)')
})
afterEach(() => client.close())
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

test('a statement run again reads what was committed since, on the read connection', async () => {
  const count = async () => (await client.execute('SELECT count(*) AS n FROM t')).rows[0]!.n
  expect(await count()).toBe(0)
  await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['a'] })
  expect(await count()).toBe(1)
  const tx = await client.transaction('write')
  await tx.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['b'] })
  // Not yet committed: the read connection does not see it.
  expect(await count()).toBe(1)
  await tx.commit()
  expect(await count()).toBe(2)
})

test('a failed run leaves the statement usable, with new arguments', async () => {
  const insert = { sql: 'INSERT INTO t (id, v) VALUES (?, ?) RETURNING id', args: [1, 'a'] }
  expect((await client.execute(insert)).rows[0]!.id).toBe(1)
  await expect(client.execute(insert)).rejects.toThrow(/UNIQUE|PRIMARY/)
  expect((await client.execute({ ...insert, args: [2, 'b'] })).rows[0]!.id).toBe(2)
})

test('after a schema change, a statement answers with the columns the table has now', async () => {
  await client.execute({ sql: 'INSERT INTO t (v) VALUES (?)', args: ['a'] })
  const all = async () => (await client.execute('SELECT * FROM t')).columns
  expect(await all()).toEqual(['id', 'v'])
  // The first statement prepared on a connection that has not read the change yet names the columns it
  // knew (so did @libsql/client, which prepared on every call); from its run on, the table's.
  await client.execute('ALTER TABLE t ADD COLUMN w text')
  await all()
  expect(await all()).toEqual(['id', 'v', 'w'])
  await client.executeMultiple('ALTER TABLE t ADD COLUMN x text;')
  await all()
  expect(await all()).toEqual(['id', 'v', 'w', 'x'])
  expect(Object.keys((await client.execute('SELECT * FROM t')).rows[0]!)).toEqual(['id', 'v', 'w', 'x'])
})

test('more statements than are kept still answer each its own', async () => {
  for (let i = 0; i < 1200; i++) {
    const { rows } = await client.execute({ sql: `SELECT ? + ${i % 700} AS n`, args: [1] })
    expect(rows[0]!.n).toBe(1 + (i % 700))
  }
})
