/** API keys for agent tools: random secrets shown once, stored only as a hash. */
import crypto from 'node:crypto'

export const API_KEY_SCOPES = [
  { value: 'public', label: '公众检索' },
  { value: 'agent', label: '坐席检索' },
  { value: 'work-orders', label: '工单' },
] as const

export type ApiKeyScope = (typeof API_KEY_SCOPES)[number]['value']

const PREFIX = 'hk_'

export function generateApiKey(): { key: string; hash: string; prefix: string } {
  const key = PREFIX + crypto.randomBytes(24).toString('base64url')
  return { key, hash: hashApiKey(key), prefix: key.slice(0, PREFIX.length + 6) }
}

/** Keys are long random strings, so a fast hash does: nothing here is guessable like a password. */
export const hashApiKey = (key: string): string => crypto.hash('sha256', key)
