/**
 * `npm run bench:startup -- --entries 100000`: how long a server takes to be healthy, and to have its
 * embedded index loaded, with that many published entries, and its RSS. The demo's published entries
 * are copied (with their lists, tags and relations) straight into a fresh embedded database on a
 * synchronous connection, then a server process starts on it: Payload, the search follower building the
 * index in the background and the Express app as `npm start` has them (without Next, whose start does
 * not depend on the entries). The parent polls `/api/v1/health` and reads the child's RSS from /proc.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Command } from 'commander'
import Database from 'libsql'

import { freePort, startNodeOptions } from './productProcess'

const options = new Command()
  .option('--entries <n>', 'published entries in the database', '100000')
  .option('--serve', 'internal: run the server on DATA_DIR')
  .parse(process.argv)
  .opts<{ entries: string; serve?: boolean }>()

if (options.serve) {
  // The child: what server.ts does before Next, then listen.
  const { bootPayload } = await import('../server/bootPayload')
  const { startSearchFollower } = await import('../jobs/searchFollower')
  const { createApp } = await import('../server/createApp')
  const { env } = await import('../config/env')
  const payload = await bootPayload()
  await startSearchFollower(payload, { background: true })
  const server = createApp(payload, env()).listen(Number(process.env.PORT), '127.0.0.1')
  server.once('listening', () => console.log('listening'))
} else {
  const entries = Number(options.entries.replace(/_/g, ''))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bench-startup-'))
  const file = path.join(dataDir, 'bench.db')
  Object.assign(process.env, { DATA_DIR: dataDir, DATABASE_URI: `file:${file}`, LOG_LEVEL: 'error' })
  const { seedDemo } = await import('../seed/seedDemo')
  const { bootPayload } = await import('../server/bootPayload')
  const payload = await bootPayload()
  await seedDemo(payload, { reset: false })
  await payload.destroy()

  // Copies of the published demo entries, each with its own code and title, up to `entries`.
  const t0 = performance.now()
  const db = new Database(file)
  db.exec('PRAGMA busy_timeout = 10000')
  type Row = Record<string, unknown>
  const templates = db.prepare(`SELECT * FROM knowledge_entries WHERE _status = 'published'`).all() as Row[]
  const published = templates.length
  const columns = Object.keys(templates[0]).filter((c) => c !== 'id')
  const insertEntry = db.prepare(
    `INSERT INTO knowledge_entries (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  )
  // Child tables: lists (`_parent_id`, text ids) and tags/relations (`parent_id`, integer ids).
  const children = (
    db
      .prepare(
        `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'knowledge\\_entries\\_%' ESCAPE '\\'`,
      )
      .all() as { name: string }[]
  ).map(({ name }) => {
    const cols = (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string; type: string }[]).map(
      (c) => c.name,
    )
    const parent = cols.includes('_parent_id') ? '_parent_id' : 'parent_id'
    const textId = cols.includes('_parent_id')
    const copied = cols.filter((c) => c !== 'id' || textId)
    const rows = new Map<unknown, Row[]>()
    for (const row of db.prepare(`SELECT * FROM "${name}"`).all() as Row[])
      rows.set(row[parent], [...(rows.get(row[parent]) ?? []), row])
    const insert = db.prepare(
      `INSERT INTO "${name}" (${copied.map((c) => `"${c}"`).join(', ')}) VALUES (${copied.map(() => '?').join(', ')})`,
    )
    return { parent, textId, copied, rows, insert }
  })
  for (let n = published; n < entries;) {
    db.exec('BEGIN IMMEDIATE')
    for (const end = Math.min(entries, n + 5_000); n < end; n++) {
      const template = templates[n % published]
      const row: Row = { ...template, code: `${template.code}-${n}`, title: `${template.title}（${n}）` }
      const { lastInsertRowid } = insertEntry.run(...columns.map((c) => row[c]))
      for (const child of children)
        for (const r of child.rows.get(template.id) ?? [])
          child.insert.run(
            ...child.copied.map((c) =>
              c === child.parent ? lastInsertRowid : c === 'id' && child.textId ? crypto.randomUUID() : r[c],
            ),
          )
    }
    db.exec('COMMIT')
  }
  const [{ count }] = db
    .prepare(`SELECT count(*) AS count FROM knowledge_entries WHERE _status = 'published'`)
    .all() as { count: number }[]
  db.close()
  const generated = (performance.now() - t0) / 1000

  const port = await freePort()
  const inherited: Record<string, string | undefined> = { ...process.env }
  delete inherited.NODE_ENV
  const started = performance.now()
  const child = spawn(process.execPath, [...startNodeOptions(), 'src/cli/benchStartup.ts', '--serve'], {
    env: { ...inherited, PORT: String(port) } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const rss = (field: 'VmRSS' | 'VmHWM') =>
    Number(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+)`))?.[1] ?? 0) /
    1024
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1)
  let healthy: string | undefined
  let searchWhileBuilding: string | undefined
  for (;;) {
    const health = await fetch(`http://127.0.0.1:${port}/api/v1/health`)
      .then(async (r) => ({ ok: r.ok, body: (await r.json()) as { search: { index: string; documents: number } } }))
      .catch(() => undefined)
    if (health?.ok && !healthy) {
      healthy = `${seconds()} s`
      const t = performance.now()
      const search = await fetch(`http://127.0.0.1:${port}/api/v1/public/search?q=${encodeURIComponent('身份证')}`)
      searchWhileBuilding = `${search.status} in ${Math.round(performance.now() - t)} ms`
    }
    if (health?.ok && health.body.search.index === 'ready') {
      console.log(`bench:startup on ${os.cpus().length} cores, Node ${process.version}`)
      console.log(
        `| published entries | copy | healthy after | a public search then | index loaded after | RSS then | peak RSS |`,
      )
      console.log(`| --- | --- | --- | --- | --- | --- | --- |`)
      console.log(
        `| ${count} (${health.body.search.documents} indexed) | ${generated.toFixed(1)} s | ${healthy} | ${searchWhileBuilding} | ${seconds()} s | ${Math.round(rss('VmRSS'))} MB | ${Math.round(rss('VmHWM'))} MB |`,
      )
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  child.kill('SIGTERM')
  await new Promise((resolve) => child.once('exit', resolve))
  fs.rmSync(dataDir, { recursive: true, force: true })
  process.exit(0)
}
