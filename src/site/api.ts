/**
 * Same-origin JSON calls from the console and the desks with the session cookie (the CSRF guard accepts
 * them by their Origin). While the user works, calls renew the session at most every few minutes.
 */
const RENEW_EVERY_MS = 5 * 60_000
let renewedAt = Date.now()
function renewSession() {
  if (Date.now() - renewedAt < RENEW_EVERY_MS) return
  renewedAt = Date.now()
  void fetch('/api/users/refresh-token', { method: 'POST', credentials: 'include' }).catch(() => undefined)
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

export const api = async <T>(url: string, init?: RequestInit): Promise<T> => {
  renewSession()
  const res = await fetch(url, {
    credentials: 'include',
    ...init,
    headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) },
  })
  return answerOf<T>(res)
}

async function answerOf<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => ({}))
  if (!res.ok) throw new ApiError(res.status, body.message ?? `请求失败（${res.status}）`)
  return body as T
}

export const postJson = <T>(url: string, body: unknown) => api<T>(url, { method: 'POST', body: JSON.stringify(body) })

/** A form with files (multipart): the browser sets the content type and its boundary. */
export async function postForm<T>(url: string, body: FormData): Promise<T> {
  renewSession()
  return answerOf<T>(await fetch(url, { method: 'POST', credentials: 'include', body }))
}

/** Ends the session and goes to the login page. */
export async function signOut() {
  await fetch('/api/users/logout', { method: 'POST', credentials: 'include' }).catch(() => undefined)
  window.location.assign('/admin/login')
}
