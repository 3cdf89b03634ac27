/**
 * Helmet's headers (nosniff, frame options, HSTS, referrer and cross-origin policies …) and the
 * strict API policy, on every answer. Helmet runs a dozen small middlewares per request, each
 * setting one constant header; the values never change, so helmet is asked once, on a stand-in
 * response, and each request gets the same list in one loop. Pages replace the policy with their
 * own (pageContentSecurity).
 */
import type { RequestHandler } from 'express'
import helmet from 'helmet'

import { API_POLICY } from './contentSecurity'

/** What helmet sets, with the strict API policy in place of its own CSP. */
export function securityHeaderList(): [string, string][] {
  const headers = new Map<string, string>()
  const standIn = {
    setHeader: (name: string, value: string | number | readonly string[]) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
  }
  let passed = false
  helmet({ contentSecurityPolicy: false })({ headers: {} } as never, standIn as never, (err?: unknown) => {
    if (err) throw err
    passed = true
  })
  // Helmet answers synchronously; should a version stop doing so, this fails at start, not silently.
  if (!passed) throw new Error('helmet did not set its headers synchronously')
  headers.set('Content-Security-Policy', API_POLICY)
  return [...headers]
}

export function securityHeaders(): RequestHandler {
  const list = securityHeaderList()
  return (_req, res, next) => {
    for (const [name, value] of list) res.setHeader(name, value)
    next()
  }
}
