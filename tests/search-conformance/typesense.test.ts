/**
 * Runs the conformance suite against a real Typesense server when TYPESENSE_URL (and
 * TYPESENSE_API_KEY) are set; otherwise the suite is reported as skipped.
 */
import { TypesenseEngine } from '../../src/search/typesense/TypesenseEngine'
import { describeConformance } from './conformance'

const url = process.env.TYPESENSE_URL
const apiKey = process.env.TYPESENSE_API_KEY

if (url && apiKey) {
  describeConformance(
    'typesense',
    async () => new TypesenseEngine({ url, apiKey, alias: `conformance_${process.pid}_${Date.now()}` }),
  )
} else {
  describe.skip('typesense engine conformance (set TYPESENSE_URL and TYPESENSE_API_KEY to run)', () => {
    it('runs against a Typesense server', () => undefined)
  })
}
