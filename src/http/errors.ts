import type { ErrorRequestHandler, RequestHandler } from 'express'

import { ServiceError } from '../services/errors'

/** An error whose message is meant for the HTTP caller, with its status. */
export class HttpError extends ServiceError {}

export const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: 'not_found', message: `没有这个接口：${req.method} ${req.originalUrl}` })
}

/** Callers get a status and a message, never a stack trace; the log keeps the details. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const status =
    err instanceof ServiceError ? err.status : typeof err?.status === 'number' && err.status < 500 ? err.status : 500
  if (status >= 500) req.log?.error({ err }, 'request failed')
  if (res.headersSent) return res.end()
  res.status(status).json({
    error: status >= 500 ? 'internal_error' : 'bad_request',
    message: status >= 500 ? '服务器内部错误，请稍后重试' : err.expose === false ? '请求有误' : String(err.message),
    ...(err instanceof ServiceError && err.details ? { details: err.details } : {}),
  })
}
