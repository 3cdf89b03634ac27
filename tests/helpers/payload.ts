/** Boots Payload through the Local API on this test file's private SQLite file (tests/setup-env.ts). */
import { getPayload, type Payload } from 'payload'

import config from '@payload-config'

export async function startPayload(): Promise<Payload> {
  return getPayload({ config })
}
