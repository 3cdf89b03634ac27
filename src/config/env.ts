/**
 * The one place that reads the environment. Everything is parsed and validated once; the rest of
 * the code receives a typed, frozen object.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

import { z } from 'zod'

import { fixClock } from '../domain/clock'

const isoTimestamp = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO timestamp, e.g. 2026-11-25T09:00:00+08:00')

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URI: z
    .string()
    .regex(/^(file:|mongodb:\/\/|mongodb\+srv:\/\/)/, 'must start with file:, mongodb:// or mongodb+srv://')
    .optional(),
  PAYLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  HOTLINE_NOW: isoTimestamp.optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).default(15),
  LOGIN_CLIENT_MAX_FAILURES: z.coerce.number().int().min(1).default(20),
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(1440).default(30),
  ANONYMOUS_CONCURRENCY: z.coerce.number().int().min(1).default(2),
  ANONYMOUS_QUEUE: z.coerce.number().int().min(0).default(200),
  PUBLIC_RATE_LIMIT: z.coerce.number().int().min(1).default(120),
  PROGRESS_RATE_LIMIT: z.coerce.number().int().min(1).default(20),
  TRUST_PROXY: z.string().min(1).default('loopback'),
  RATE_LIMIT_STORE: z.enum(['database', 'memory']).optional(),
  SEARCH_ENGINE: z.enum(['embedded', 'typesense']).default('embedded'),
  TYPESENSE_URL: z
    .string()
    .refine(
      (s) => s.split(',').every((u) => /^https?:\/\/[^\s/]+/.test(u.trim())),
      'must be one URL or comma-separated URLs, e.g. http://ts1:8108,http://ts2:8108',
    )
    .optional(),
  TYPESENSE_API_KEY: z.string().min(1).optional(),
  TYPESENSE_SEARCH_API_KEY: z.string().min(1).optional(),
  PERSONAL_DATA_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'must be 64 hex characters (32 bytes), e.g. openssl rand -hex 32')
    .optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(587),
  SMTP_USER: z.string().optional(),
  SMTP_PASS: z.string().optional(),
  MAIL_FROM: z.email('must be an e-mail address').default('noreply@hotline.example'),
  MAIL_FROM_NAME: z.string().default('12345热线知识库'),
  STALE_SUPERVISION_WORKING_DAYS: z.coerce.number().int().min(1).default(3),
  SUPERVISION_DEADLINE_WORKING_DAYS: z.coerce.number().int().min(1).default(5),
  REPEATED_PROBLEM_DAYS: z.coerce.number().int().min(1).default(30),
  REPEATED_PROBLEM_ORDERS: z.coerce.number().int().min(2).default(3),
  BACKUP_DIR: z.string().optional(),
  BACKUP_KEEP: z.coerce.number().int().min(1).default(7),
  BACKUP_SCHEDULE: z
    .string()
    .refine((s) => s === 'off' || /^(\S+\s+){5}\S+$/.test(s.trim()), 'a six-field cron (seconds first) or off')
    .default('0 30 2 * * *'),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  PERSONAL_DATA_RETENTION_DAYS: z.coerce.number().int().min(1).default(1095),
  INTAKE_SIMILAR_DAYS: z.coerce.number().int().min(1).max(365).default(7),
  SEARCH_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).default(180),
  PAGE_CACHE: z.enum(['on', 'off']).optional(),
  PAGE_CACHE_MB: z.coerce.number().int().min(1).default(64),
  SEARCH_CACHE_SECONDS: z.coerce.number().min(0).max(60).optional(),
  TYPESENSE_COLLECTION: z
    .string()
    .regex(/^[a-z][a-z0-9_]*$/, 'lowercase letters, digits and _')
    .default('knowledge_entries'),
})

export type DatabaseKind = 'sqlite' | 'mongodb'

export type Env = Readonly<{
  nodeEnv: 'development' | 'production' | 'test' | undefined
  isProduction: boolean
  port: number
  host: string
  /** The product's base URL (Payload's serverURL), without a trailing slash. */
  publicUrl: string
  /** Origins whose pages may send cookie-authenticated writes: the product's own. */
  trustedOrigins: readonly string[]
  dataDir: string
  /** Where uploads (the `media` collection) are stored on disk. */
  mediaDir: string
  databaseUri: string
  databaseKind: DatabaseKind
  /** Schema push is for development and tests only; everything else applies migrations. */
  schemaPush: boolean
  payloadSecret: string
  fixedNow: Date | undefined
  logLevel: string
  loginMaxAttempts: number
  loginLockMs: number
  /** Failed logins per client address within the lock time before it gets 429, whatever the account. */
  loginClientMaxFailures: number
  /** Session cookies only over HTTPS: in production, or whenever the public URL is https. */
  secureCookies: boolean
  /** A staff session ends after this long without activity. */
  sessionIdleSeconds: number
  /** Anonymous public requests (site pages, public API) served at once; more wait in a queue of this length. */
  anonymous: { concurrency: number; queue: number }
  /** Requests per minute and client IP on the public API. */
  publicRateLimit: number
  /** Progress look-ups (order number + phone digits) per 15 minutes and client IP, page and API together. */
  progressRateLimit: number
  /** Proxies whose X-Forwarded-For names the client (Express `trust proxy`: loopback, uniquelocal, CIDRs). */
  trustProxy: string
  /** Where rate limits count: the database (shared by every app server) or this process's memory. */
  rateLimitStore: 'database' | 'memory'
  searchEngine: 'embedded' | 'typesense'
  /** AES-256 key for claimant personal data (and its keyed hashes). */
  personalDataKey: Buffer
  /** SMTP for e-mail; without it, e-mails are written to the log. */
  smtp: { host: string; port: number; user?: string; pass?: string } | undefined
  mailFrom: { address: string; name: string }
  /** Working days an entry may stay expired or overdue for review before a supervision item opens. */
  staleSupervisionWorkingDays: number
  /** Working days a unit gets to resolve a supervision item. */
  supervisionDeadlineWorkingDays: number
  /** The same problem (category + address) this many times within these days opens supervision. */
  repeatedProblem: { days: number; orders: number }
  typesense: { url: string; apiKey: string; searchApiKey?: string; alias: string } | undefined
  /** Scheduled online backups of the embedded database: where, how many kept, when (cron, or undefined for off). */
  backup: { dir: string; keep: number; schedule: string | undefined }
  /** Bearer token for GET /metrics; without it /metrics answers loopback clients only. */
  metricsToken: string | undefined
  /** Days after an order closes until its claimant's personal data is anonymised. */
  personalDataRetentionDays: number
  /** How far back intake looks for similar open orders. */
  intakeSimilarDays: number
  /** Days of search analytics kept (search-log rows are per day). */
  searchLogRetentionDays: number
  /** Anonymous public pages kept in memory (src/http/pageCache.ts): on unless PAGE_CACHE=off; off in tests unless asked. */
  pageCache: { enabled: boolean; maxBytes: number }
  /** How long the same search is answered from memory (src/search/cachedEngine.ts); 0: never (tests, unless asked). */
  searchCacheMs: number
}>

export class ConfigError extends Error {}

function formatIssues(error: z.ZodError): string {
  return error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')
}

/** Generated once for the embedded default and kept beside the database, readable only by us. */
function embeddedSecret(dataDir: string, name: string): string {
  const file = path.join(dataDir, name)
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  fs.mkdirSync(dataDir, { recursive: true })
  const secret = crypto.randomBytes(32).toString('hex')
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = schema.safeParse(source)
  if (!parsed.success) throw new ConfigError(`Invalid configuration:\n${formatIssues(parsed.error)}`)
  const v = parsed.data
  const isProduction = v.NODE_ENV === 'production'
  if (isProduction && !v.PAYLOAD_SECRET) {
    throw new ConfigError('Invalid configuration:\n  PAYLOAD_SECRET: required when NODE_ENV=production')
  }
  if (isProduction && !v.PERSONAL_DATA_KEY) {
    throw new ConfigError(
      'Invalid configuration:\n  PERSONAL_DATA_KEY: required when NODE_ENV=production (openssl rand -hex 32)',
    )
  }
  if (v.SEARCH_ENGINE === 'typesense' && !(v.TYPESENSE_URL && v.TYPESENSE_API_KEY)) {
    throw new ConfigError('Invalid configuration:\n  SEARCH_ENGINE=typesense needs TYPESENSE_URL and TYPESENSE_API_KEY')
  }
  const dataDir = path.resolve(v.DATA_DIR)
  const publicUrl = (v.PUBLIC_URL ?? `http://localhost:${v.PORT}`).replace(/\/+$/, '')
  // Without PUBLIC_URL the product is reached on this machine: any loopback name of its port.
  const trustedOrigins = v.PUBLIC_URL
    ? [new URL(publicUrl).origin]
    : ['localhost', '127.0.0.1', '[::1]'].map((host) => `http://${host}:${v.PORT}`)
  const databaseUri = v.DATABASE_URI ?? `file:${path.join(dataDir, 'hotline-kb.db')}`
  return Object.freeze({
    nodeEnv: v.NODE_ENV,
    isProduction,
    port: v.PORT,
    host: v.HOST,
    publicUrl,
    trustedOrigins,
    dataDir,
    mediaDir: path.join(dataDir, 'media'),
    databaseUri,
    databaseKind: databaseUri.startsWith('file:') ? 'sqlite' : 'mongodb',
    schemaPush: v.NODE_ENV === 'development' || v.NODE_ENV === 'test',
    payloadSecret: v.PAYLOAD_SECRET ?? embeddedSecret(dataDir, 'payload-secret'),
    personalDataKey: Buffer.from(v.PERSONAL_DATA_KEY ?? embeddedSecret(dataDir, 'personal-data-key'), 'hex'),
    fixedNow: v.HOTLINE_NOW ? new Date(v.HOTLINE_NOW) : undefined,
    logLevel: v.LOG_LEVEL,
    loginMaxAttempts: v.LOGIN_MAX_ATTEMPTS,
    loginLockMs: v.LOGIN_LOCK_MINUTES * 60_000,
    loginClientMaxFailures: v.LOGIN_CLIENT_MAX_FAILURES,
    sessionIdleSeconds: v.SESSION_IDLE_MINUTES * 60,
    secureCookies: isProduction || publicUrl.startsWith('https:'),
    anonymous: { concurrency: v.ANONYMOUS_CONCURRENCY, queue: v.ANONYMOUS_QUEUE },
    publicRateLimit: v.PUBLIC_RATE_LIMIT,
    progressRateLimit: v.PROGRESS_RATE_LIMIT,
    trustProxy: v.TRUST_PROXY,
    // Several app servers run on MongoDB; the embedded SQLite default is one process.
    rateLimitStore: v.RATE_LIMIT_STORE ?? (databaseUri.startsWith('file:') ? 'memory' : 'database'),
    searchEngine: v.SEARCH_ENGINE,
    smtp: v.SMTP_HOST ? { host: v.SMTP_HOST, port: v.SMTP_PORT, user: v.SMTP_USER, pass: v.SMTP_PASS } : undefined,
    mailFrom: { address: v.MAIL_FROM, name: v.MAIL_FROM_NAME },
    staleSupervisionWorkingDays: v.STALE_SUPERVISION_WORKING_DAYS,
    supervisionDeadlineWorkingDays: v.SUPERVISION_DEADLINE_WORKING_DAYS,
    repeatedProblem: { days: v.REPEATED_PROBLEM_DAYS, orders: v.REPEATED_PROBLEM_ORDERS },
    typesense:
      v.TYPESENSE_URL && v.TYPESENSE_API_KEY
        ? {
            url: v.TYPESENSE_URL,
            apiKey: v.TYPESENSE_API_KEY,
            searchApiKey: v.TYPESENSE_SEARCH_API_KEY,
            alias: v.TYPESENSE_COLLECTION,
          }
        : undefined,
    backup: {
      dir: path.resolve(v.BACKUP_DIR ?? path.join(dataDir, 'backups')),
      keep: v.BACKUP_KEEP,
      schedule: v.BACKUP_SCHEDULE === 'off' ? undefined : v.BACKUP_SCHEDULE.trim(),
    },
    metricsToken: v.METRICS_TOKEN,
    personalDataRetentionDays: v.PERSONAL_DATA_RETENTION_DAYS,
    intakeSimilarDays: v.INTAKE_SIMILAR_DAYS,
    searchLogRetentionDays: v.SEARCH_LOG_RETENTION_DAYS,
    // Tests render stand-in pages and count renders: they ask for the cache where they test it.
    pageCache: {
      enabled: (v.PAGE_CACHE ?? (v.NODE_ENV === 'test' ? 'off' : 'on')) === 'on',
      maxBytes: v.PAGE_CACHE_MB * 2 ** 20,
    },
    searchCacheMs: (v.SEARCH_CACHE_SECONDS ?? (v.NODE_ENV === 'test' ? 0 : 5)) * 1000,
  })
}

let loaded: Env | undefined

/** Reads process.env once per process and fixes the clock from HOTLINE_NOW. */
export function env(): Env {
  if (!loaded) {
    loaded = parseEnv(process.env)
    fixClock(loaded.fixedNow)
  }
  return loaded
}
