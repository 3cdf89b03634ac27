/**
 * The production database: runs when MONGODB_TEST_URI names a MongoDB replica set (each run uses a
 * fresh database on it), reported as skipped otherwise. Migrations, the unique indexes, a review
 * transition in a transaction and a work order with encrypted claimant data.
 */
import type { Payload } from 'payload'

import { withDatabase } from '../helpers/mongoUri'

const uri = process.env.MONGODB_TEST_URI

if (uri) {
  let payload: Payload
  beforeAll(async () => {
    // Neither development nor test: the schema comes from the migrations, as in production.
    Object.assign(process.env, { DATABASE_URI: withDatabase(uri, `hotline_kb_test_${process.pid}_${Date.now()}`) })
    Reflect.deleteProperty(process.env, 'NODE_ENV')
    const { bootPayload } = await import('../../src/server/bootPayload')
    payload = await bootPayload()
  }, 120_000)
  afterAll(async () => {
    await (payload?.db as unknown as { connection?: { dropDatabase(): Promise<void> } })?.connection?.dropDatabase()
    await payload?.destroy()
  })

  describe('MongoDB conformance', () => {
    it('aggregates reports in pipelines to the figures of the pure report functions', async () => {
      const { expectSameFigures, storeFixture } = await import('./reportConformance')
      await storeFixture(payload)
      await expectSameFigures(payload)
    })

    it('groups intake suggestion outcomes in a pipeline as the embedded database does', async () => {
      const { expectSameSuggestionOutcomes } = await import('./reportConformance')
      await expectSameSuggestionOutcomes(payload)
    })

    it('applies the migrations and enforces unique knowledge codes', async () => {
      expect((await payload.find({ collection: 'payload-migrations', pagination: false })).totalDocs).toBeGreaterThan(0)
      const unit = await payload.create({
        collection: 'units',
        data: { name: '蒙戈测试局', code: 'MG', kind: 'other' },
      })
      const entry = await payload.create({
        collection: 'knowledge-entries',
        data: { type: 'faq', title: '测试', unit: unit.id, code: 'KB-9001', _status: 'published' } as never,
      })
      expect(entry.code).toBe('KB-9001')
      await expect(
        payload.create({
          collection: 'knowledge-entries',
          data: { type: 'faq', title: '重复', unit: unit.id, code: 'KB-9001' } as never,
        }),
      ).rejects.toThrow()
    })

    it('runs a review transition and a work order the way the embedded database does', async () => {
      const { transitionEntry } = await import('../../src/services/entryTransitions')
      const { createOrder } = await import('../../src/services/workOrderIntake')
      const { presentOrder } = await import('../../src/services/workOrderPresentation')
      const unit = (await payload.find({ collection: 'units', where: { code: { equals: 'MG' } } })).docs[0]
      const editor = await payload.create({
        collection: 'users',
        data: {
          email: 'mg-editor@test.example',
          password: 'Secret-123',
          name: '编辑',
          roles: ['unit-editor'],
          unit: unit.id,
        },
      })
      const draft = await payload.create({
        collection: 'knowledge-entries',
        draft: true,
        data: { type: 'faq', title: '草稿', unit: unit.id } as never,
      })
      const t = await transitionEntry(payload, { id: draft.id, action: 'submit', actor: editor as never }, {
        payload,
        context: {},
      } as never)
      expect(t.to).toBe('unit_review')
      expect((await payload.find({ collection: 'audit-log', where: { entry: { equals: draft.id } } })).totalDocs).toBe(
        1,
      )
      const agent = { id: 'mg', roles: ['agent'], name: '话务员' } as never
      const order = await createOrder(
        payload,
        { type: 'help', title: '求助', content: '内容', claimant: { name: '张三', phone: '13812345678' } },
        agent,
      )
      expect(presentOrder(order, agent).claimant).toMatchObject({ name: '张*', phone: '138****5678' })
    })
  })
} else {
  describe.skip('MongoDB conformance (set MONGODB_TEST_URI=mongodb://… of a replica set to run)', () => {
    it('runs against MongoDB', () => undefined)
  })
}
