/**
 * Content-Security-Policy. API answers (JSON, uploaded files) may load and run nothing. Pages get a
 * fresh nonce per request: Next reads it from the request's CSP header and puts it on its own
 * scripts, so only the product's scripts run ('strict-dynamic' lets them load their chunks). The
 * public site and the console allow no inline style either; the Payload admin needs inline styles
 * (its components and the rich-text editor set style attributes), so only there 'unsafe-inline'
 * applies to styles — never to scripts.
 */
import { randomBytes } from 'node:crypto'

import type { RequestHandler } from 'express'

export const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

export function pagePolicy(nonce: string, area: 'site' | 'admin', dev = false): string {
  return [
    "default-src 'self'",
    // Development's fast refresh evaluates code; the production build never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    area === 'admin' ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}

/** Unguessable and never reused: one per page answer. */
export const newNonce = (): string => randomBytes(16).toString('base64')

export function pageContentSecurity(dev: boolean): RequestHandler {
  return (req, res, next) => {
    const nonce = newNonce()
    const policy = pagePolicy(nonce, req.path.startsWith('/admin') ? 'admin' : 'site', dev)
    // Next takes the nonce for its scripts from the request's policy header.
    req.headers['content-security-policy'] = policy
    res.setHeader('Content-Security-Policy', policy)
    // The page cache keeps a rendered page cut at this nonce (pageCache.ts).
    res.locals.cspNonce = nonce
    next()
  }
}
