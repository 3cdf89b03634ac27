/**
 * The committed SQLite migration builds the whole schema on a fresh file (the `npm start` path), and
 * matches the collections as declared: a schema change without a new migration fails here.
 */
import fs from 'node:fs'
import path from 'node:path'

import type { Payload } from 'payload'

let payload: Payload

beforeAll(async () => {
  // Neither development nor test: the schema comes from migrations, not from push.
  Reflect.deleteProperty(process.env, 'NODE_ENV')
  const { bootPayload } = await import('../../src/server/bootPayload')
  payload = await bootPayload()
})
afterAll(() => payload.destroy())

describe('SQLite migrations', () => {
  it('apply on a fresh database and record themselves', async () => {
    const applied = await payload.find({ collection: 'payload-migrations', pagination: false })
    expect(applied.docs.length).toBeGreaterThan(0)
    const unit = await payload.create({ collection: 'units', data: { name: '迁移测试局', code: 'M', kind: 'other' } })
    const entry = await payload.create({
      collection: 'knowledge-entries',
      data: {
        type: 'guide',
        title: '迁移后可写入',
        unit: unit.id,
        guide: { steps: [{ text: '申请' }] },
        tags: ['a'],
        _status: 'published',
      } as never,
    })
    expect(entry.code).toMatch(/^KB-/)
  })

  it('are applied once: a second run changes nothing', async () => {
    const { prepareSchema } = await import('../../src/server/prepareSchema')
    const { env } = await import('../../src/config/env')
    const before = await payload.count({ collection: 'payload-migrations' })
    await prepareSchema(payload, env())
    expect((await payload.count({ collection: 'payload-migrations' })).totalDocs).toBe(before.totalDocs)
  })

  it('match the schema the collections declare (run `npm run migrate:create` after a schema change)', async () => {
    const db = payload.db as unknown as {
      migrationDir: string
      schema: unknown
      requireDrizzleKit(): {
        generateDrizzleJson(schema: unknown): Promise<unknown>
        generateMigration(before: unknown, after: unknown): Promise<string[]>
      }
    }
    const snapshots = fs
      .readdirSync(db.migrationDir)
      .filter((f) => f.endsWith('.json'))
      .sort()
    const latest = JSON.parse(fs.readFileSync(path.join(db.migrationDir, snapshots.at(-1)!), 'utf8'))
    const kit = db.requireDrizzleKit()
    const current = await kit.generateDrizzleJson(db.schema)
    expect(await kit.generateMigration(latest, current)).toEqual([])
  })
})
