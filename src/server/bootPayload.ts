import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

import { env } from '../config/env'
import { prepareSchema } from './prepareSchema'

/** Payload with its schema ready: the shared first step of the server and the CLI. */
export async function bootPayload(options: { cron?: boolean } = {}): Promise<Payload> {
  const payload = await getPayload({ config, cron: options.cron })
  await prepareSchema(payload, env())
  return payload
}
