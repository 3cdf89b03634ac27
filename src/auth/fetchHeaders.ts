import type { IncomingHttpHeaders } from 'node:http'

/** Node's request headers as Fetch Headers, for Payload's fetch-style APIs. */
export function toFetchHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v))
    else if (value !== undefined) headers.set(name, value)
  }
  return headers
}
