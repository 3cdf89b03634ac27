/** The operators' CLI as people run it: a real process on a temporary embedded database. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const run = (args: string[], extraEnv: Record<string, string> = {}) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-cli-'))
  const { NODE_ENV: _jest, NODE_OPTIONS: _vm, ...inherited } = process.env
  return spawnSync(
    process.execPath,
    ['--conditions=production', '--import', './bin/register-tsx.mjs', 'src/cli/kb.ts', ...args],
    {
      encoding: 'utf8',
      env: {
        ...inherited,
        DATA_DIR: dataDir,
        DATABASE_URI: `file:${path.join(dataDir, 'cli.db')}`,
        LOG_LEVEL: 'warn',
        ...extraEnv,
      } as unknown as NodeJS.ProcessEnv,
      timeout: 60_000,
    },
  )
}

describe('kb CLI', () => {
  it('refuses to seed demo data in production', () => {
    const result = run(['seed'], {
      NODE_ENV: 'production',
      PAYLOAD_SECRET: 'a-production-secret-of-enough-length-000',
      PERSONAL_DATA_KEY: '0'.repeat(64),
    })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/生产环境.*禁止写入演示数据/)
  })

  it('refuses to start in production without PAYLOAD_SECRET', () => {
    const result = run(['seed'], { NODE_ENV: 'production', PAYLOAD_SECRET: '' })
    expect(result.status).toBe(1)
    expect(result.stderr).toMatch(/PAYLOAD_SECRET/)
  })

  it('imports a file, reporting each bad row and a summary, and exits 1 when rows failed', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-cli-file-'))
    const file = path.join(dir, 'entries.jsonl')
    const good = {
      id: 'KB-0001',
      type: 'faq',
      unit: '测试局',
      title: '好问题',
      fields: { question: '问', answer: '答' },
    }
    const bad = { id: 'KB-0002', type: 'faq', unit: '测试局', title: '' }
    fs.writeFileSync(file, `${JSON.stringify(good)}\n${JSON.stringify(bad)}\n`)
    const result = run(['import', file, '--create-missing', '--publish'])
    expect(result.stderr).toMatch(/第 2 行（KB-0002）：title: 缺少标题/)
    expect(result.stdout).toMatch(/新建 1 条，更新 0 条，失败 1 条/)
    expect(result.status).toBe(1)
  })

  it('says which file types it reads and when a file is missing', () => {
    const wrongType = run(['import', 'README.md'])
    expect(wrongType.status).toBe(1)
    expect(wrongType.stderr).toMatch(/不支持的文件类型 \.md/)
    const missing = run(['import', 'no-such-file.csv'])
    expect(missing.status).toBe(1)
    expect(missing.stderr).toMatch(/找不到导入文件：no-such-file\.csv/)
  })
})
