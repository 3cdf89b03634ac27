/**
 * Guards of Payload's auth routes. Failed logins are throttled per client before any account can be locked: one client gets 429
 * after one failure fewer than the account lock-out takes (per account it tries), and after
 * LOGIN_CLIENT_MAX_FAILURES failures across accounts (password spraying). Successful logins do not
 * count. The lock-out itself (Payload's maxLoginAttempts) still stops attackers spread over many
 * addresses. A password set through the reset link obeys the password policy (Payload's reset
 * operation runs no field hooks).
 */
import express, { type Request, type RequestHandler } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'

import { LIMIT_HEADERS } from '../auth/rateLimits'
import { passwordProblem } from '../domain/passwordPolicy'

const LOGIN_PATH = '/users/login'
const RESET_PATH = '/users/reset-password'
const readBody = express.raw({ type: () => true, limit: '64kb' })

/**
 * A string field of an auth request, from JSON or from the admin's form (`_payload` JSON or a plain
 * form field); the body was read as bytes and goes on to Payload unchanged.
 */
function bodyField(req: Request, name: string): string {
  const text = Buffer.isBuffer(req.body) ? req.body.toString('utf8') : ''
  const json = new RegExp(`"${name}"\\s*:\\s*("(?:[^"\\\\]|\\\\.){0,400}")`).exec(text)
  if (json) {
    try {
      return JSON.parse(json[1]!) as string
    } catch {
      return ''
    }
  }
  return new RegExp(`name="${name}"\r\n\r\n([^\r\n]{0,400})`).exec(text)?.[1] ?? ''
}

const withBody =
  (handler: RequestHandler): RequestHandler =>
  (req, res, next) =>
    Buffer.isBuffer(req.body)
      ? handler(req, res, next)
      : readBody(req, res, (err?: unknown) => (err ? next(err) : handler(req, res, next)))

/** A new password from the reset link must meet the policy like any other. */
export function resetPasswordPolicy(): RequestHandler {
  const check = withBody((req, res, next) => {
    const problem = passwordProblem(bodyField(req, 'password'))
    if (!problem) return next()
    res.status(400).json({ error: 'bad_request', errors: [{ message: problem }], message: problem })
  })
  return (req, res, next) => (req.method === 'POST' && req.path === RESET_PATH ? check(req, res, next) : next())
}

export function loginThrottle(options: { maxAttempts: number; lockMs: number; clientMaxFailures: number }) {
  const limiter = (limit: number, key: (req: Request) => string) =>
    rateLimit({
      windowMs: options.lockMs,
      limit,
      keyGenerator: key,
      skipSuccessfulRequests: true,
      ...LIMIT_HEADERS,
      message: {
        error: 'rate_limited',
        errors: [{ message: `登录失败次数过多，请 ${Math.ceil(options.lockMs / 60_000)} 分钟后再试` }],
        message: `登录失败次数过多，请 ${Math.ceil(options.lockMs / 60_000)} 分钟后再试`,
      },
    })
  const client = (req: Request) => ipKeyGenerator(req.ip ?? 'unknown')
  const perAccount = limiter(
    Math.max(1, options.maxAttempts - 1),
    (req) => `${client(req)}|${bodyField(req, 'email').trim().toLowerCase()}`,
  )
  const perClient = limiter(options.clientMaxFailures, client)
  const guard = withBody((req, res, next) =>
    perClient(req, res, (err?: unknown) => (err ? next(err) : perAccount(req, res, next))),
  )
  return ((req, res, next) =>
    req.method === 'POST' && req.path === LOGIN_PATH ? guard(req, res, next) : next()) satisfies RequestHandler
}
