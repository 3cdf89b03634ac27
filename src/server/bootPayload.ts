import { getPayload, type Payload } from 'payload'

import config from '@payload-config'

import { env } from '../config/env'
import { type MongoHello, mongoTransactionProblem } from '../config/mongoTransactions'
import { prepareSchema } from './prepareSchema'

/** Payload with its schema ready: the shared first step of the server and the CLI. */
export async function bootPayload(options: { cron?: boolean } = {}): Promise<Payload> {
  // Outside `npm run dev` there is no Next dev server whose reloads Payload should follow; without
  // this, getPayload opens a WebSocket to whatever listens on the Next HMR URL.
  if (env().nodeEnv !== 'development') process.env.DISABLE_PAYLOAD_HMR = 'true'
  const payload = await getPayload({ config })
  await refuseMongoWithoutTransactions(payload)
  await prepareSchema(payload, env())
  // The job runner starts only once the schema is there (a second call returns the same instance).
  return options.cron ? getPayload({ config, cron: true }) : payload
}

async function refuseMongoWithoutTransactions(payload: Payload): Promise<void> {
  const e = env()
  if (e.databaseKind !== 'mongodb') return
  const db = (payload.db as unknown as { connection: { db: { admin(): { command(c: object): Promise<MongoHello> } } } })
    .connection.db
  const problem = mongoTransactionProblem(await db.admin().command({ hello: 1 }), e.isProduction)
  if (problem) {
    await payload.destroy()
    throw new Error(problem)
  }
}
