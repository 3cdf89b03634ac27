import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { ConfigError, parseEnv } from '../../src/config/env'

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'hk-env-'))

describe('configuration', () => {
  it('defaults to SQLite under DATA_DIR and keeps a generated secret with mode 0600', () => {
    const dir = tmp()
    const e = parseEnv({ DATA_DIR: dir })
    expect(e.databaseKind).toBe('sqlite')
    expect(e.databaseUri).toBe(`file:${path.join(dir, 'hotline-kb.db')}`)
    expect(e.port).toBe(3000)
    const file = path.join(dir, 'payload-secret')
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(parseEnv({ DATA_DIR: dir }).payloadSecret).toBe(e.payloadSecret)
  })

  it('defaults the public URL to localhost:PORT, trusts only its origins, and secures cookies for production or https', () => {
    const local = parseEnv({ DATA_DIR: tmp(), PORT: '3100' })
    expect(local.publicUrl).toBe('http://localhost:3100')
    expect(local.trustedOrigins).toEqual(['http://localhost:3100', 'http://127.0.0.1:3100', 'http://[::1]:3100'])
    expect(local.secureCookies).toBe(false)
    expect(local.sessionIdleSeconds).toBe(30 * 60)
    const site = parseEnv({ DATA_DIR: tmp(), PUBLIC_URL: 'https://12345.example.gov.cn/' })
    expect(site.publicUrl).toBe('https://12345.example.gov.cn')
    expect(site.trustedOrigins).toEqual(['https://12345.example.gov.cn'])
    expect(site.secureCookies).toBe(true)
    const production = parseEnv({
      NODE_ENV: 'production',
      DATA_DIR: tmp(),
      PAYLOAD_SECRET: 'a-production-secret-of-enough-length-000',
      PERSONAL_DATA_KEY: 'ab'.repeat(32),
      SESSION_IDLE_MINUTES: '15',
    })
    expect(production.secureCookies).toBe(true)
    expect(production.sessionIdleSeconds).toBe(15 * 60)
  })

  it('chooses MongoDB for mongodb URIs', () => {
    expect(parseEnv({ DATA_DIR: tmp(), DATABASE_URI: 'mongodb+srv://u:p@cluster/hotline' }).databaseKind).toBe(
      'mongodb',
    )
  })

  it('counts rate limits in the database on MongoDB (several app servers) and in memory on SQLite', () => {
    const mongo = { DATA_DIR: tmp(), DATABASE_URI: 'mongodb://h1,h2,h3/hotline?replicaSet=rs0' }
    expect(parseEnv(mongo).rateLimitStore).toBe('database')
    expect(parseEnv({ DATA_DIR: tmp() }).rateLimitStore).toBe('memory')
    expect(parseEnv({ DATA_DIR: tmp(), RATE_LIMIT_STORE: 'database' }).rateLimitStore).toBe('database')
    expect(parseEnv({ DATA_DIR: tmp(), TRUST_PROXY: 'loopback, uniquelocal' }).trustProxy).toBe('loopback, uniquelocal')
  })

  it('refuses to start in production without PAYLOAD_SECRET', () => {
    expect(() => parseEnv({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(ConfigError)
    expect(() => parseEnv({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(/PAYLOAD_SECRET/)
    const secret = 'a-production-secret-of-enough-length-000'
    expect(() => parseEnv({ NODE_ENV: 'production', DATA_DIR: tmp(), PAYLOAD_SECRET: secret })).toThrow(
      /PERSONAL_DATA_KEY/,
    )
    expect(() => parseEnv({ DATA_DIR: tmp(), PERSONAL_DATA_KEY: 'short' })).toThrow(/64 hex/)
    expect(
      parseEnv({ NODE_ENV: 'production', DATA_DIR: tmp(), PAYLOAD_SECRET: secret, PERSONAL_DATA_KEY: 'ab'.repeat(32) })
        .personalDataKey,
    ).toHaveLength(32)
  })

  it('names every invalid variable', () => {
    const attempt = () =>
      parseEnv({ PORT: 'eighty', DATABASE_URI: 'postgres://x', HOTLINE_NOW: 'tomorrow', DATA_DIR: tmp() })
    expect(attempt).toThrow(/PORT/)
    expect(attempt).toThrow(/DATABASE_URI/)
    expect(attempt).toThrow(/HOTLINE_NOW/)
  })

  it('fixes the clock from HOTLINE_NOW and pushes the schema only in development and tests', () => {
    const e = parseEnv({ HOTLINE_NOW: '2026-11-25T10:00:00+08:00', DATA_DIR: tmp(), NODE_ENV: 'test' })
    expect(e.fixedNow?.toISOString()).toBe('2026-11-25T02:00:00.000Z')
    expect(e.schemaPush).toBe(true)
    expect(parseEnv({ DATA_DIR: tmp() }).schemaPush).toBe(false)
  })

  it('chooses the search engine and requires Typesense settings for it', () => {
    expect(parseEnv({ DATA_DIR: tmp() }).searchEngine).toBe('embedded')
    expect(() => parseEnv({ DATA_DIR: tmp(), SEARCH_ENGINE: 'typesense' })).toThrow(/TYPESENSE_URL/)
    expect(() => parseEnv({ DATA_DIR: tmp(), TYPESENSE_URL: 'ts1:8108' })).toThrow(/TYPESENSE_URL/)
    const e = parseEnv({
      DATA_DIR: tmp(),
      SEARCH_ENGINE: 'typesense',
      TYPESENSE_URL: 'http://ts1:8108, http://ts2:8108',
      TYPESENSE_API_KEY: 'k',
    })
    expect(e.typesense).toEqual({
      url: 'http://ts1:8108, http://ts2:8108',
      apiKey: 'k',
      searchApiKey: undefined,
      alias: 'knowledge_entries',
    })
  })
})
