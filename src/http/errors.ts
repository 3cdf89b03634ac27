import type { ErrorRequestHandler, RequestHandler } from 'express'

import { ServiceError } from '../services/errors'

/** An error whose message is meant for the HTTP caller, with its status. */
export class HttpError extends ServiceError {}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: 'not_found', message: `没有这个接口：${req.method} ${req.originalUrl}` })
}

/** The machine-readable name of each client error a caller can meet; anything else is a bad request. */
const ERROR_CODES: Record<number, string> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'gone',
  429: 'rate_limited',
}

export const errorCode = (status: number): string =>
  status >= 500 ? 'internal_error' : (ERROR_CODES[status] ?? 'bad_request')

/** Callers get a status and a message, never a stack trace; the log keeps the details. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const status =
    err instanceof ServiceError ? err.status : typeof err?.status === 'number' && err.status < 500 ? err.status : 500
  if (status >= 500) req.log?.error({ err }, 'request failed')
  if (res.headersSent) return res.end()
  res.status(status).json({
    error: errorCode(status),
    message: status >= 500 ? '服务器内部错误，请稍后重试' : err.expose === false ? '请求有误' : String(err.message),
    ...(err instanceof ServiceError && err.details ? { details: err.details } : {}),
  })
}
