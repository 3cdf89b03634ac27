/**
 * Child process for the kill test: publishes an entry and stops dead between the entry's update and
 * its audit record (inside the transaction), saying so on stdout, so that the parent can kill -9 it.
 * Usage: node … publishThenHang.ts ENTRY_ID ACTOR_ID
 */
import { getPayload } from 'payload'

import config from '@payload-config'

import { transitionEntry } from '../../src/services/entryTransitions'

const [entryId, actorId] = process.argv.slice(2).map(Number)
process.env.DISABLE_PAYLOAD_HMR = 'true'
const payload = await getPayload({ config })
const actor = await payload.findByID({ collection: 'users', id: actorId, depth: 0 })
const create = payload.create.bind(payload)
payload.create = ((args: { collection: string }) => {
  if (args.collection !== 'audit-log') return create(args as never)
  process.stdout.write('MID-PUBLISH\n')
  return new Promise(() => undefined)
}) as typeof payload.create
await transitionEntry(payload, { id: entryId, action: 'approve_hotline', actor }, {} as never)
