/** Boots Payload through the Local API on this test file's private SQLite file (tests/setup-env.ts). */
import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

export async function startPayload(): Promise<Payload> {
  return getPayload({ config })
}
