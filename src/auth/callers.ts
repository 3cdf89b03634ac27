/**
 * Who is calling /api/v1: a signed-in hotline user (Payload session cookie or `Authorization: JWT …`)
 * or an agent tool with an API key (`Authorization: Bearer hk_…`) carrying the needed scope.
 */
import type { Request, RequestHandler, Response } from 'express'
import type { Payload } from 'payload'

import { type ApiKeyScope, hashApiKey } from '../domain/apiKeys'
import { now } from '../domain/clock'
import { type AccessUser, hasRole, type Role } from '../domain/roles'
import { apiKeysGeneration } from '../services/apiKeyChanges'
import { ServiceError } from '../services/errors'
import { rateLimitStore } from './databaseRateLimitStore'
import { toFetchHeaders } from './fetchHeaders'
import { ImmediateMemoryStore } from './immediateMemoryStore'
import { windowLimit } from './rateLimits'

/** Hotline roles that use the agent API. */
export const AGENT_API_ROLES: readonly Role[] = ['agent', 'supervisor', 'kb-admin', 'admin']

export type Caller =
  | { kind: 'user'; id: string | number; roles: Role[]; unit?: AccessUser['unit']; name?: string | null }
  | { kind: 'api-key'; id: string | number; name: string; scopes: string[]; rateLimitPerMinute: number }

const LAST_USED_EVERY_MS = 60_000
const lastUsedWritten = new Map<string | number, number>()

/**
 * Verified keys are remembered briefly (by the key's hash, never the key), so a busy agent tool does
 * not cost a database read per request. Any change to the keys made on this app server forgets them
 * all at once (src/services/apiKeyChanges.ts); a key revoked through another app server stops
 * working here within this time.
 */
export const API_KEY_CACHE_MS = 10_000
type KeyRecord = { id: string | number; name: string; scopes: string[]; rateLimitPerMinute: number } | null
const verified = new Map<string, { record: KeyRecord; until: number; generation: number }>()

/** A key verified lately and not changed since: its record (null: no such key) without a database read. */
function rememberedKey(hash: string): KeyRecord | undefined {
  // Cache lifetimes run on the monotonic clock: HOTLINE_NOW may freeze the hotline's clock.
  const cached = verified.get(hash)
  if (cached && cached.until > performance.now() && cached.generation === apiKeysGeneration()) return cached.record
  return undefined
}

async function lookUpKey(payload: Payload, hash: string): Promise<KeyRecord> {
  const remembered = rememberedKey(hash)
  if (remembered !== undefined) return remembered
  const generation = apiKeysGeneration()
  const { docs } = await payload.find({
    collection: 'api-keys',
    where: { and: [{ keyHash: { equals: hash } }, { revokedAt: { exists: false } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const doc = docs[0]
  const record = doc
    ? { id: doc.id, name: doc.name, scopes: doc.scopes ?? [], rateLimitPerMinute: doc.rateLimitPerMinute ?? 600 }
    : null
  if (verified.size > 10_000) verified.clear()
  verified.set(hash, { record, until: performance.now() + API_KEY_CACHE_MS, generation })
  return record
}

/** The caller a key's record makes, or 401/403 when it is unknown or lacks every one of the scopes. */
function keyCaller(found: KeyRecord, scopes: readonly ApiKeyScope[]): Caller {
  if (!found) throw new ServiceError(401, 'API 密钥无效或已吊销')
  if (!scopes.some((scope) => found.scopes?.includes(scope)))
    throw new ServiceError(403, `该 API 密钥没有 ${scopes.join(' 或 ')} 权限`)
  return {
    kind: 'api-key',
    id: found.id,
    name: found.name,
    scopes: found.scopes,
    rateLimitPerMinute: found.rateLimitPerMinute,
  }
}

/** Recording every use would write on every search; once a minute is enough to see a key is alive. */
const lastUseDue = (id: string | number) => {
  const written = lastUsedWritten.get(id)
  return written === undefined || performance.now() - written > LAST_USED_EVERY_MS
}

async function callerFromKeyHash(payload: Payload, hash: string, scopes: readonly ApiKeyScope[]): Promise<Caller> {
  const found = await lookUpKey(payload, hash)
  const caller = keyCaller(found, scopes)
  if (lastUseDue(caller.id)) {
    lastUsedWritten.set(caller.id, performance.now())
    await payload.update({
      collection: 'api-keys',
      id: caller.id,
      data: { lastUsedAt: now().toISOString() },
      overrideAccess: true,
    })
  }
  return caller
}

/**
 * The caller of a key remembered and marked used within the minute, at once (most calls of a busy
 * agent tool): no promise, no turn of the event loop. Undefined when the database must be asked.
 */
function rememberedCaller(hash: string, scopes: readonly ApiKeyScope[]): Caller | undefined {
  const remembered = rememberedKey(hash)
  if (remembered === undefined || (remembered && lastUseDue(remembered.id))) return undefined
  return keyCaller(remembered, scopes)
}

const bearerKey = (authorization: string) => authorization.slice('Bearer '.length).trim()

async function userCaller(payload: Payload, req: Request, roles: readonly Role[]): Promise<Caller> {
  const { user } = await payload.auth({ headers: toFetchHeaders(req.headers) })
  if (!user) throw new ServiceError(401, '请先登录，或在 Authorization 头中提供 API 密钥')
  if (!hasRole(user as AccessUser, ...roles)) throw new ServiceError(403, '当前账号无权使用该接口')
  return {
    kind: 'user',
    id: user.id,
    roles: (user as AccessUser).roles ?? [],
    unit: (user as AccessUser).unit,
    name: (user as { name?: string | null }).name,
  }
}

export function requireCaller(
  payload: Payload,
  access: { roles: readonly Role[]; scope: ApiKeyScope },
): RequestHandler {
  const scopes = [access.scope]
  return (req, res, next) => {
    const authorization = req.headers.authorization ?? ''
    const found = (caller: Caller) => {
      res.locals.caller = caller
      next()
    }
    if (!authorization.startsWith('Bearer ')) return void userCaller(payload, req, access.roles).then(found, next)
    const hash = hashApiKey(bearerKey(authorization))
    // A thrown 401/403 reaches the error handler as Express passes on what a handler throws.
    const remembered = rememberedCaller(hash, scopes)
    if (remembered) return found(remembered)
    callerFromKeyHash(payload, hash, scopes).then(found, next)
  }
}

/** Tools (MCP) authenticate with an API key only, carrying one of the given scopes. */
export function requireApiKey(payload: Payload, scopes: readonly ApiKeyScope[]): RequestHandler {
  return async (req, res, next) => {
    try {
      const authorization = req.headers.authorization ?? ''
      if (!authorization.startsWith('Bearer '))
        throw new ServiceError(401, '请在 Authorization 头中提供 API 密钥：Bearer hk_…')
      res.locals.caller = await callerFromKeyHash(payload, hashApiKey(bearerKey(authorization)), scopes)
      next()
    } catch (err) {
      next(err)
    }
  }
}

/**
 * Requests per minute per caller: an API key's own limit, or the default for signed-in users,
 * counted where RATE_LIMIT_STORE says (the database holds a limit across app servers; `name` keeps
 * routers apart). `cost` says how many calls one request makes (a JSON-RPC batch is one per item).
 */
export function rateLimitPerCaller(
  payload: Payload,
  name: string,
  defaultPerMinute: number,
  cost?: (req: Request) => number,
): RequestHandler {
  const store = rateLimitStore(payload, name) ?? new ImmediateMemoryStore()
  const key = (res: Response) => {
    const caller = res.locals.caller as Caller
    return `${caller.kind}:${caller.id}`
  }
  const limiter = windowLimit({
    windowMs: 60_000,
    limit: (res) =>
      (res.locals.caller as Caller | undefined)?.kind === 'api-key'
        ? (res.locals.caller as { rateLimitPerMinute: number }).rateLimitPerMinute
        : defaultPerMinute,
    key: (_req, res) => key(res),
    store,
    message: { error: 'rate_limited', message: '请求过于频繁，请稍后再试' },
  })
  if (!cost) return limiter
  return async (req, res, next) => {
    try {
      // The limiter counts the request itself; the calls beyond the first are counted here.
      for (let extra = cost(req) - 1; extra > 0; extra--) await store.increment(key(res))
    } catch (err) {
      return next(err)
    }
    limiter(req, res, next)
  }
}
