/** Reports aggregated by SQLite give the figures of the pure report functions on the same orders. */
import type { Payload } from 'payload'

import { expectSameFigures, storeFixture } from '../db-conformance/reportConformance'
import { startPayload } from '../helpers/payload'

let payload: Payload
beforeAll(async () => {
  payload = await startPayload()
  await storeFixture(payload)
})
afterAll(async () => payload?.destroy())

it('SQLite GROUP BY agrees with the pure report functions', async () => {
  await expectSameFigures(payload)
})
