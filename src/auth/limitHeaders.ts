/**
 * How every rate limit tells the client where it stands: the IETF `RateLimit` and `RateLimit-Policy`
 * headers of draft 7 (`limit=600, remaining=599, reset=60`). Draft 8 adds a partition key, a SHA-256
 * of the client's key made on every request: measured at about 35 µs a request, more than a cached
 * search answer's own work.
 */
export const LIMIT_HEADERS = { standardHeaders: 'draft-7', legacyHeaders: false } as const
