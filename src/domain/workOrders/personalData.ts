/**
 * Claimant personal data: AES-256-GCM at rest, a keyed hash (HMAC-SHA256) to find the same phone
 * again without decrypting, and the masked forms lists and details show.
 */
import crypto from 'node:crypto'

const VERSION = 'v1'

/** `v1:<iv>:<tag>:<ciphertext>`, base64url parts. */
export function encryptField(plain: string, key: Buffer): string {
  const iv = crypto.randomBytes(12)
  const cipher = crypto.createCipheriv('aes-256-gcm', key, iv)
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [
    VERSION,
    iv.toString('base64url'),
    cipher.getAuthTag().toString('base64url'),
    data.toString('base64url'),
  ].join(':')
}

export function decryptField(stored: string, key: Buffer): string {
  const [version, iv, tag, data] = stored.split(':')
  if (version !== VERSION || !iv || !tag || data === undefined) throw new Error('unknown encrypted field format')
  const decipher = crypto.createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8')
}

/** The same phone always hashes alike (for duplicate matching); without the key nothing can be tested. */
export const keyedHash = (value: string, key: Buffer): string =>
  crypto.createHmac('sha256', key).update(value.replace(/[\s-]/g, '')).digest('hex')

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export const maskName = (name: string): string => {
  const chars = [...name.trim()]
  return chars.length <= 1 ? '*' : chars[0] + '*'.repeat(chars.length - 1)
}

/** 13812345678 → 138****5678; landlines keep their last four digits. */
export const maskPhone = (phone: string): string => {
  const digits = phone.replace(/[\s-]/g, '')
  if (/^1\d{10}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`
  return digits.length > 4 ? `${'*'.repeat(digits.length - 4)}${digits.slice(-4)}` : '****'
}

/** 110101199001011234 → 110***********1234. */
export const maskIdNumber = (id: string): string => {
  const value = id.trim()
  return value.length > 7
    ? `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`
    : '*'.repeat(value.length)
}
