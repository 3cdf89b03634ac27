import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { type AccessUser, hasRole, type Role } from '../access/roles'
import { HttpError } from './errors'

/** Hotline roles that use the agent API. */
export const AGENT_API_ROLES: readonly Role[] = ['agent', 'supervisor', 'kb-admin', 'admin']

/** Authenticates the request with Payload (session cookie or `Authorization: JWT …`). */
export function requireRoles(payload: Payload, roles: readonly Role[]): RequestHandler {
  return async (req, res, next) => {
    try {
      const headers = new Headers()
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v)
      const { user } = await payload.auth({ headers })
      if (!user) throw new HttpError(401, '请先登录或提供有效的凭证')
      if (!hasRole(user as AccessUser, ...roles)) throw new HttpError(403, '当前账号无权使用该接口')
      res.locals.user = user
      next()
    } catch (err) {
      next(err)
    }
  }
}
