/**
 * Runs before every test file, before any config module is evaluated: a private data folder and
 * SQLite file per test file, a fixed clock, and quiet logs.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-kb-test-'))
Object.assign(process.env, {
  NODE_ENV: 'test',
  DATA_DIR: dir,
  DATABASE_URI: `file:${path.join(dir, 'test.db')}`,
  PAYLOAD_SECRET: 'test-secret-that-is-long-enough-0123456789',
  HOTLINE_NOW: '2026-11-25T10:00:00+08:00',
  LOG_LEVEL: 'silent',
  LOGIN_MAX_ATTEMPTS: '3',
})
