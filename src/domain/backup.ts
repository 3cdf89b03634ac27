/**
 * What a backup of the embedded product is and how to judge one: its manifest, the check of a
 * backup folder against it, the names of scheduled backups and which of them to prune.
 */
import crypto from 'node:crypto'

export const MANIFEST_FILE = 'manifest.json'
export const DATABASE_FILE = 'hotline-kb.db'
export const MANIFEST_FORMAT = 1

export type BackupFile = { path: string; size: number; sha256: string }

export type BackupManifest = {
  format: number
  product: string
  version: string
  createdAt: string
  database: { kind: 'sqlite'; file: string; tables: Record<string, number>; migrations: string[] }
  /** The database first, then every attachment the database refers to, paths relative to the backup. */
  files: BackupFile[]
  /** Attachments the database names whose files were already gone when the backup ran. */
  missingMedia: string[]
  /** SHA-256 of the personal-data key, first 16 hex digits: tells whether a restore can read the claimants. */
  personalDataKeyFingerprint: string
  /** Whether the embedded key files travel with this backup (`--with-keys`). */
  keysIncluded: boolean
}

/** Problems of a backup folder against its manifest; empty when it is whole. */
export function manifestProblems(
  manifest: BackupManifest,
  actual: { files: Map<string, { size: number; sha256: string } | undefined>; tables: Record<string, number> },
): string[] {
  const problems: string[] = []
  if (manifest.format !== MANIFEST_FORMAT) problems.push(`不支持的备份格式 ${manifest.format}`)
  for (const f of manifest.files) {
    const found = actual.files.get(f.path)
    if (!found) problems.push(`缺少文件 ${f.path}`)
    else if (found.size !== f.size || found.sha256 !== f.sha256) problems.push(`文件校验不符 ${f.path}`)
  }
  for (const [table, rows] of Object.entries(manifest.database.tables)) {
    if (actual.tables[table] !== rows)
      problems.push(`数据表 ${table} 应有 ${rows} 行，实际 ${actual.tables[table] ?? '无此表'}`)
  }
  return problems
}

const pad = (n: number) => String(n).padStart(2, '0')

/** `hotline-kb-20261125T020000Z`: sorts by time, also as plain text. */
export function backupFolderName(at: Date): string {
  return `hotline-kb-${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`
}

const SCHEDULED = /^hotline-kb-\d{8}T\d{6}Z$/

/** The scheduled backups beyond the newest `keep`, oldest first; folders of any other name are never touched. */
export function backupsToPrune(folders: readonly string[], keep: number): string[] {
  const ours = folders.filter((f) => SCHEDULED.test(f)).sort()
  return ours.slice(0, Math.max(0, ours.length - keep))
}

/** Names a key without revealing it: the first 16 hex digits of its SHA-256. */
export const keyFingerprint = (key: Buffer): string =>
  crypto.createHash('sha256').update(key).digest('hex').slice(0, 16)
