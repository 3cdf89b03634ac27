/**
 * `kb backup` while this process keeps writing to the same database, then `kb restore` into a fresh
 * data folder: every entry, order, audit record and attachment written before the backup began is
 * there, the snapshot is consistent (every attachment an order names exists, with its file), and a
 * restore over a live server is refused.
 */
import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import Database from 'libsql'

import { env } from '../../src/config/env'
import type { BackupManifest } from '../../src/domain/backup'
import { claimServerLock } from '../../src/services/serverLock'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()

/** The kb command as operators run it, asynchronously, so that this process goes on writing meanwhile. */
const kb = (args: string[], extraEnv: Record<string, string>) =>
  new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const { NODE_ENV: _jest, NODE_OPTIONS: _vm, ...inherited } = process.env
    const child = spawn(
      process.execPath,
      ['--conditions=production', '--import', './bin/register-tsx.mjs', 'src/cli/kb.ts', ...args],
      {
        // This file's database was made by schema push (NODE_ENV=test): its restore must push too, not migrate.
        env: { ...inherited, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...extraEnv } as unknown as NodeJS.ProcessEnv,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()))
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('close', (status) => resolve({ status, stdout, stderr }))
  })

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

let written = 0
/** One round of what a busy hotline writes: an attachment, an order citing it, an entry, an audit record. */
async function writeRound(): Promise<void> {
  const n = ++written
  const photo = await context.payload.create({
    collection: 'media',
    data: { alt: `照片 ${n}`, audience: 'internal' },
    file: { data: Buffer.from(`photo ${n} `.repeat(200)), mimetype: 'text/plain', name: `photo-${n}.txt`, size: 0 },
  })
  await context.payload.create({
    collection: 'work-orders',
    data: {
      number: `B${String(n).padStart(5, '0')}`,
      type: 'help',
      title: `求助 ${n}`,
      content: `内容 ${n}`,
      attachments: [photo.id],
    } as never,
  })
  const entry = await context.payload.create({
    collection: 'knowledge-entries',
    data: { type: 'faq', title: `问答 ${n}`, unit: context.world.units.a.id, _status: 'published' } as never,
  })
  await context.payload.create({
    collection: 'audit-log',
    data: { entry: entry.id, entryCode: entry.code, action: 'edit', comment: `记录 ${n}` } as never,
  })
}

const ids = async (collection: 'knowledge-entries' | 'work-orders' | 'audit-log' | 'media') =>
  (await context.payload.find({ collection, pagination: false, depth: 0 })).docs.map((d) => Number(d.id))

const tableIds = (db: Database.Database, table: string) =>
  (db.prepare(`SELECT id FROM ${table}`).all() as { id: number }[]).map((r) => Number(r.id))

describe('kb backup and kb restore', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-backup-'))
  const backupDir = path.join(root, 'backup')
  const fresh = path.join(root, 'fresh')
  const freshDb = path.join(fresh, 'kb.db')
  const restoreEnv = () => ({
    DATA_DIR: fresh,
    DATABASE_URI: `file:${freshDb}`,
    PERSONAL_DATA_KEY: env().personalDataKey.toString('hex'),
  })

  it('backs up online while writes go on, and restores everything into a fresh folder', async () => {
    for (let i = 0; i < 5; i++) await writeRound()
    const before = {
      entries: await ids('knowledge-entries'),
      orders: await ids('work-orders'),
      audit: await ids('audit-log'),
      media: await ids('media'),
    }

    let writing = true
    const writer = (async () => {
      while (writing) await writeRound()
    })()
    const backup = await kb(['backup', backupDir], {
      DATA_DIR: env().dataDir,
      DATABASE_URI: env().databaseUri,
    })
    const duringBackup = written
    writing = false
    await writer
    expect(backup.stderr).toBe('')
    expect(backup.status).toBe(0)
    expect(backup.stdout).toMatch(/备份完成/)
    // Writes really went on around the backup.
    expect(written).toBeGreaterThan(5)
    expect(duringBackup).toBeGreaterThan(5)

    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8')) as BackupManifest
    expect(manifest).toMatchObject({ format: 1, product: 'hotline-kb', keysIncluded: false, missingMedia: [] })
    expect(manifest.database.tables.work_orders).toBeGreaterThanOrEqual(before.orders.length)
    expect(manifest.database.migrations.length).toBeGreaterThan(0)

    // A live server on the target database: refused, nothing touched.
    fs.mkdirSync(fresh, { recursive: true })
    const release = claimServerLock(freshDb)
    const refused = await kb(['restore', backupDir], restoreEnv())
    release()
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(new RegExp(`服务器正在使用该数据库（进程 ${process.pid}）`))
    expect(fs.existsSync(freshDb)).toBe(false)

    const restored = await kb(['restore', backupDir], restoreEnv())
    expect(restored.stderr).toBe('')
    expect(restored.status).toBe(0)
    expect(restored.stdout).toMatch(/恢复完成.*搜索索引已重建 \d+ 条/)

    const db = new Database(freshDb)
    try {
      expect(tableIds(db, 'knowledge_entries')).toEqual(expect.arrayContaining(before.entries))
      expect(tableIds(db, 'work_orders')).toEqual(expect.arrayContaining(before.orders))
      expect(tableIds(db, 'audit_log')).toEqual(expect.arrayContaining(before.audit))
      expect(tableIds(db, 'media')).toEqual(expect.arrayContaining(before.media))
      // The restored database is the snapshot the manifest describes, table by table.
      for (const [table, rows] of Object.entries(manifest.database.tables))
        expect([table, (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n]).toEqual([
          table,
          rows,
        ])
      // Consistent: every attachment an order names is there, with the very file that was uploaded.
      const attached = db
        .prepare(
          `SELECT m.filename AS filename FROM work_orders_rels r JOIN media m ON m.id = r.media_id WHERE r.path = 'attachments'`,
        )
        .all() as { filename: string }[]
      expect(attached.length).toBe(manifest.database.tables.work_orders)
      for (const { filename } of attached)
        expect(sha256(path.join(fresh, 'media', filename))).toBe(sha256(path.join(env().mediaDir, filename)))
    } finally {
      db.close()
    }
  }, 180_000)

  it('refuses a backup whose files no longer match the manifest', async () => {
    const [, file] = fs.readdirSync(path.join(backupDir, 'media'))
    fs.appendFileSync(path.join(backupDir, 'media', file!), 'tampered')
    const result = await kb(['restore', backupDir], { ...restoreEnv(), DATA_DIR: path.join(root, 'other') })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(new RegExp(`备份校验未通过：\\s+文件校验不符 media/${file}`))
  })
})
