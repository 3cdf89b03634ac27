/**
 * Online backup and restore of the embedded product: the SQLite database through its own connection
 * with `VACUUM INTO` (a consistent snapshot taken inside one read transaction, while the server keeps
 * writing; a file copy of a live WAL database is not), then the attachment files the snapshot refers
 * to, then a manifest with counts and checksums, written last: a folder without one is no backup.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import Database from 'libsql'

import type { Env } from '../config/env'
import { productInfo } from '../config/product'
import { sqliteFile } from '../config/serializedSqlite'
import {
  type BackupFile,
  type BackupManifest,
  backupFolderName,
  backupsToPrune,
  DATABASE_FILE,
  keyFingerprint,
  MANIFEST_FILE,
  MANIFEST_FORMAT,
  manifestProblems,
} from '../domain/backup'
import { now } from '../domain/clock'
import { liveServerPid } from './serverLock'

/** Where the product keeps its data: the database file, the attachments, the embedded key files. */
export type DataPlace = { databaseFile: string; mediaDir: string; dataDir: string; personalDataKey: Buffer }

/** The embedded secrets `src/config/env.ts` generates beside the database when the environment gives none. */
const KEY_FILES = ['payload-secret', 'personal-data-key']

export class BackupError extends Error {}

/** The embedded product's data as the environment places it. */
export const embeddedDataPlace = (e: Env): DataPlace => ({
  databaseFile: sqliteFile(e.databaseUri),
  mediaDir: e.mediaDir,
  dataDir: e.dataDir,
  personalDataKey: e.personalDataKey,
})

const sqlString = (s: string) => `'${s.replace(/'/g, "''")}'`
const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`

function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha256')
    fs.createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

async function describeFile(root: string, relative: string): Promise<BackupFile> {
  const file = path.join(root, relative)
  return { path: relative, size: fs.statSync(file).size, sha256: await sha256File(file) }
}

function openDatabase(file: string): Database.Database {
  if (!fs.existsSync(file)) throw new BackupError(`找不到数据库文件 ${file}`)
  const db = new Database(file)
  // The server may be writing: wait for its locks rather than fail.
  db.exec('PRAGMA busy_timeout = 10000')
  return db
}

type Snapshot = { tables: Record<string, number>; migrations: string[]; mediaFiles: string[] }

/** Row counts of every table, the applied migrations and the attachment file names of a database file. */
function readSnapshot(file: string): Snapshot {
  const db = openDatabase(file)
  try {
    const names = (
      db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        .all() as {
        name: string
      }[]
    ).map((r) => r.name)
    const tables: Record<string, number> = {}
    for (const name of names)
      tables[name] = (db.prepare(`SELECT count(*) AS n FROM ${quoteIdent(name)}`).get() as { n: number }).n
    const migrations = names.includes('payload_migrations')
      ? (db.prepare('SELECT name FROM payload_migrations ORDER BY name').all() as { name: string }[]).map((r) => r.name)
      : []
    // The original and any resized variants: every column Payload names `…filename`.
    const fileColumns = names.includes('media')
      ? (db.prepare('PRAGMA table_info(media)').all() as { name: string }[])
          .map((c) => c.name)
          .filter((c) => c.endsWith('filename'))
      : []
    const mediaFiles = new Set<string>()
    for (const column of fileColumns)
      for (const row of db
        .prepare(`SELECT ${quoteIdent(column)} AS f FROM media WHERE ${quoteIdent(column)} IS NOT NULL`)
        .all() as { f: string }[])
        mediaFiles.add(row.f)
    // The files of 确已尽责 explanations live in the media folder's `orders` subfolder.
    if (names.includes('order_attachments'))
      for (const row of db.prepare('SELECT filename AS f FROM order_attachments WHERE filename IS NOT NULL').all() as {
        f: string
      }[])
        mediaFiles.add(`orders/${row.f}`)
    return { tables, migrations, mediaFiles: [...mediaFiles].sort() }
  } finally {
    db.close()
  }
}

export type BackupResult = { dir: string; manifest: BackupManifest; bytes: number; ms: number }

/** Writes a backup into `target`, which must not exist yet or be empty. */
export async function createBackup(
  place: DataPlace,
  target: string,
  options: { withKeys?: boolean } = {},
): Promise<BackupResult> {
  const started = performance.now()
  const dir = path.resolve(target)
  if (fs.existsSync(dir) && fs.readdirSync(dir).length > 0)
    throw new BackupError(`备份目录 ${dir} 不是空目录；请指定新的目录`)
  fs.mkdirSync(path.join(dir, 'media'), { recursive: true })

  const db = openDatabase(place.databaseFile)
  try {
    db.exec(`VACUUM INTO ${sqlString(path.join(dir, DATABASE_FILE))}`)
  } finally {
    db.close()
  }
  const snapshot = readSnapshot(path.join(dir, DATABASE_FILE))

  const files: BackupFile[] = [await describeFile(dir, DATABASE_FILE)]
  const missingMedia: string[] = []
  for (const name of snapshot.mediaFiles) {
    const source = path.join(place.mediaDir, name)
    const relative = path.join('media', name)
    // A file deleted after the snapshot was taken: recorded, so the restore can say so.
    if (!fs.existsSync(source)) {
      missingMedia.push(name)
      continue
    }
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true })
    fs.copyFileSync(source, path.join(dir, relative))
    files.push(await describeFile(dir, relative))
  }
  const keysIncluded = Boolean(options.withKeys)
  if (keysIncluded) {
    fs.mkdirSync(path.join(dir, 'keys'), { mode: 0o700 })
    for (const name of KEY_FILES) {
      const source = path.join(place.dataDir, name)
      if (!fs.existsSync(source)) continue
      fs.copyFileSync(source, path.join(dir, 'keys', name))
      fs.chmodSync(path.join(dir, 'keys', name), 0o600)
      files.push(await describeFile(dir, path.join('keys', name)))
    }
  }

  const { name, version } = productInfo()
  const manifest: BackupManifest = {
    format: MANIFEST_FORMAT,
    product: name,
    version,
    createdAt: now().toISOString(),
    database: { kind: 'sqlite', file: DATABASE_FILE, tables: snapshot.tables, migrations: snapshot.migrations },
    files,
    missingMedia,
    personalDataKeyFingerprint: keyFingerprint(place.personalDataKey),
    keysIncluded,
  }
  fs.writeFileSync(path.join(dir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)
  return { dir, manifest, bytes: files.reduce((sum, f) => sum + f.size, 0), ms: performance.now() - started }
}

/** Reads a backup's manifest and checks every file and the database's row counts against it. */
export async function verifyBackup(source: string): Promise<BackupManifest> {
  const dir = path.resolve(source)
  const manifestFile = path.join(dir, MANIFEST_FILE)
  if (!fs.existsSync(manifestFile)) throw new BackupError(`${dir} 不是完整的备份：缺少 ${MANIFEST_FILE}`)
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest
  const files = new Map<string, { size: number; sha256: string } | undefined>()
  for (const f of manifest.files)
    files.set(f.path, fs.existsSync(path.join(dir, f.path)) ? await describeFile(dir, f.path) : undefined)
  const database = path.join(dir, manifest.database?.file ?? DATABASE_FILE)
  const tables = files.get(manifest.database?.file ?? DATABASE_FILE) ? readSnapshot(database).tables : {}
  const problems = manifestProblems(manifest, { files, tables })
  if (problems.length) throw new BackupError(`备份校验未通过：\n  ${problems.join('\n  ')}`)
  const db = openDatabase(database)
  try {
    const integrity = (db.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check
    if (integrity !== 'ok') throw new BackupError(`备份中的数据库已损坏：${integrity}`)
  } finally {
    db.close()
  }
  return manifest
}

export type RestoreResult = { manifest: BackupManifest; setAside: string[]; ms: number }

/**
 * Puts a verified backup in place of the database and attachments of `place`. Refuses while a server
 * runs on that database, and when the claimants' data was encrypted with another key than the one in
 * force. What it replaces is set aside (`….before-restore-<time>`), never deleted.
 */
export async function restoreBackup(source: string, place: DataPlace): Promise<RestoreResult> {
  const started = performance.now()
  const dir = path.resolve(source)
  const pid = liveServerPid(place.databaseFile)
  if (pid) throw new BackupError(`服务器正在使用该数据库（进程 ${pid}）；请先停止服务器（kill ${pid}），再恢复`)
  const manifest = await verifyBackup(dir)
  const stamp = backupFolderName(now()).replace('hotline-kb-', '')
  const setAside: string[] = []
  const aside = (file: string) => {
    const to = `${file}.before-restore-${stamp}`
    fs.renameSync(file, to)
    setAside.push(to)
  }

  // The key: the backup's own key files when it carries them (unless the environment sets the key).
  const keyFile = path.join(place.dataDir, 'personal-data-key')
  const keyFromFile =
    fs.existsSync(keyFile) && fs.readFileSync(keyFile, 'utf8').trim() === place.personalDataKey.toString('hex')
  const backupKey = manifest.keysIncluded ? path.join(dir, 'keys', 'personal-data-key') : undefined
  const effectiveKey =
    keyFromFile && backupKey && fs.existsSync(backupKey)
      ? Buffer.from(fs.readFileSync(backupKey, 'utf8').trim(), 'hex')
      : place.personalDataKey
  if (keyFingerprint(effectiveKey) !== manifest.personalDataKeyFingerprint)
    throw new BackupError(
      `备份中的诉求人信息用另一把密钥加密（指纹 ${manifest.personalDataKeyFingerprint}，当前 ${keyFingerprint(effectiveKey)}）：` +
        '请把原来的 personal-data-key 文件放入 DATA_DIR，或设置 PERSONAL_DATA_KEY 为原密钥后重试',
    )
  fs.mkdirSync(place.dataDir, { recursive: true })
  if (manifest.keysIncluded && keyFromFile)
    for (const name of KEY_FILES) {
      const from = path.join(dir, 'keys', name)
      const to = path.join(place.dataDir, name)
      if (!fs.existsSync(from)) continue
      if (fs.existsSync(to) && fs.readFileSync(to, 'utf8') === fs.readFileSync(from, 'utf8')) continue
      if (fs.existsSync(to)) aside(to)
      fs.copyFileSync(from, to)
      fs.chmodSync(to, 0o600)
    }

  // The database: the current one is kept as a consistent copy, then replaced atomically.
  if (fs.existsSync(place.databaseFile)) {
    const db = openDatabase(place.databaseFile)
    const copy = `${place.databaseFile}.before-restore-${stamp}`
    try {
      db.exec(`VACUUM INTO ${sqlString(copy)}`)
    } finally {
      db.close()
    }
    setAside.push(copy)
    for (const suffix of ['', '-wal', '-shm'])
      if (fs.existsSync(place.databaseFile + suffix)) fs.rmSync(place.databaseFile + suffix)
  }
  fs.mkdirSync(path.dirname(place.databaseFile), { recursive: true })
  const incoming = `${place.databaseFile}.restoring`
  fs.copyFileSync(path.join(dir, manifest.database.file), incoming)
  fs.renameSync(incoming, place.databaseFile)

  if (fs.existsSync(place.mediaDir) && fs.readdirSync(place.mediaDir).length > 0) aside(place.mediaDir)
  fs.mkdirSync(place.mediaDir, { recursive: true })
  for (const f of manifest.files.filter((file) => file.path.startsWith(`media${path.sep}`))) {
    const to = path.join(place.mediaDir, path.relative('media', f.path))
    fs.mkdirSync(path.dirname(to), { recursive: true })
    fs.copyFileSync(path.join(dir, f.path), to)
  }
  return { manifest, setAside, ms: performance.now() - started }
}

/** A backup into a new folder under `root` named by time, then the oldest beyond `keep` removed. */
export async function scheduledBackup(
  place: DataPlace,
  root: string,
  keep: number,
): Promise<BackupResult & { pruned: string[] }> {
  const result = await createBackup(place, path.join(root, backupFolderName(now())))
  const complete = fs.readdirSync(root).filter((name) => fs.existsSync(path.join(root, name, MANIFEST_FILE)))
  const pruned = backupsToPrune(complete, keep)
  for (const name of pruned) fs.rmSync(path.join(root, name), { recursive: true, force: true })
  return { ...result, pruned }
}
