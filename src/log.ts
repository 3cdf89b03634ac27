import pino, { type LoggerOptions } from 'pino'

import { env } from './config/env'

/** Header and field paths that carry credentials, wherever a log line puts a request or response. */
const SECRET_PATHS = [
  'authorization',
  'cookie',
  '["set-cookie"]',
  '["x-api-key"]',
  'password',
  'token',
  'apiKey',
  'key',
].flatMap((k) => {
  const field = k.startsWith('[') ? k : `.${k}`
  return [
    `req.headers${field}`,
    `res.headers${field}`,
    `headers${field}`,
    `err.headers${field}`,
    `err.config.headers${field}`,
    `err.response.headers${field}`,
    `data${field}`,
    `body${field}`,
    `input${field}`,
  ]
})

/**
 * Secrets that may appear inside any text (an error message, a job's input, a URL): API keys,
 * JWTs (staff sessions, cookies), Bearer/JWT authorization values and the session cookie.
 */
const SECRET_PATTERNS: [RegExp, string][] = [
  [/\bhk_[A-Za-z0-9_-]{16,}/g, 'hk_[redacted]'],
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}/g, '[redacted-jwt]'],
  [/\b(Bearer|JWT)\s+[A-Za-z0-9._~+/=-]{8,}/gi, '$1 [redacted]'],
  [/(payload-token=)[^;\s"\\]+/g, '$1[redacted]'],
  // Password-reset and verification links in e-mails written to the log.
  [/([?&](?:token|key)=)[A-Za-z0-9._-]{16,}/g, '$1[redacted]'],
]

/** Removes credentials from one serialized log line. */
export function scrubSecrets(line: string): string {
  return SECRET_PATTERNS.reduce((s, [pattern, replacement]) => s.replace(pattern, replacement), line)
}

export function loggerOptions(level: string): LoggerOptions {
  return {
    level,
    base: { service: 'hotline-kb' },
    redact: { paths: SECRET_PATHS, censor: '[redacted]' },
    // The last line of defence: whatever path a secret took into a line, it does not reach the log.
    hooks: { streamWrite: scrubSecrets },
  }
}

/** One structured JSON logger for Express, Payload, the jobs and the CLI; credentials never written. */
export const logger = pino(loggerOptions(env().logLevel))
