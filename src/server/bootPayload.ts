import { getPayload, type Payload } from 'payload'

import config from '@payload-config'

import { env } from '../config/env'
import { prepareSchema } from './prepareSchema'

/** Payload with its schema ready: the shared first step of the server and the CLI. */
export async function bootPayload(options: { cron?: boolean } = {}): Promise<Payload> {
  // Outside `npm run dev` there is no Next dev server whose reloads Payload should follow; without
  // this, getPayload opens a WebSocket to whatever listens on the Next HMR URL.
  if (env().nodeEnv !== 'development') process.env.DISABLE_PAYLOAD_HMR = 'true'
  const payload = await getPayload({ config })
  await prepareSchema(payload, env())
  // The job runner starts only once the schema is there (a second call returns the same instance).
  return options.cron ? getPayload({ config, cron: true }) : payload
}
