/**
 * CSRF defence for cookie sessions: a state-changing request that carries the session cookie must
 * come from one of the product's own pages (Origin, or Referer when a browser sends no Origin).
 * Requests with an Authorization header (API keys, `JWT …`) carry no ambient credential and pass.
 */
import type { RequestHandler } from 'express'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const SESSION_COOKIE = /(?:^|;\s*)payload-token=/

function originOf(value: string | undefined): string | undefined {
  if (!value) return undefined
  try {
    return new URL(value).origin
  } catch {
    return undefined
  }
}

export function refuseCrossSiteWrites(trustedOrigins: readonly string[]): RequestHandler {
  const trusted = new Set(trustedOrigins)
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method) || req.headers.authorization) return next()
    if (!SESSION_COOKIE.test(req.headers.cookie ?? '')) return next()
    const origin = originOf(req.headers.origin) ?? originOf(req.headers.referer)
    if (origin && trusted.has(origin)) return next()
    req.log?.warn({ origin: origin ?? null, path: req.path }, 'cross-site write with a session cookie refused')
    res.status(403).json({
      error: 'forbidden',
      message: '请求来源不是本系统的页面，已拒绝（跨站请求防护）。请从本系统页面操作，或用 Authorization 头调用接口。',
    })
  }
}
