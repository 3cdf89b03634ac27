/**
 * Issue 13, findings 9 and 11: unit handlers read no knowledge drafts, attachments are scoped by unit and
 * audience, and day counts such as `reviewCycleDays` are bounded on save, so approval cannot fail later.
 */
import { sql } from '@payloadcms/db-sqlite'
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let handlerA: { id: number; roles: ['unit-handler']; unit: number; collection: 'users' }
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

beforeAll(async () => {
  const { payload, world } = context
  const user = await payload.create({
    collection: 'users',
    data: {
      email: 'handler-a@test.example',
      password: 'Secret-123',
      name: 'handler-a',
      roles: ['unit-handler'],
      unit: world.units.a.id,
    },
  })
  handlerA = { ...user, collection: 'users' } as never
})

describe('unit handlers and knowledge drafts', () => {
  it("gives a unit handler its unit's published entries but none of its drafts or versions", async () => {
    const { payload, world } = context
    const seen = await payload.find({
      collection: 'knowledge-entries',
      draft: true,
      pagination: false,
      user: handlerA,
      overrideAccess: false,
    })
    const titles = seen.docs.map((d) => d.title)
    expect(titles).toContain('甲局已发布')
    expect(titles).not.toContain('甲局草稿')
    await expect(
      payload.findVersions({
        collection: 'knowledge-entries',
        where: { parent: { equals: world.entries.aDraft.id } },
        user: handlerA,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    // The unit's editors and reviewers keep seeing them.
    const forReviewer = await payload.find({
      collection: 'knowledge-entries',
      draft: true,
      pagination: false,
      user: { ...world.users.reviewerA, collection: 'users' },
      overrideAccess: false,
    })
    expect(forReviewer.docs.map((d) => d.title)).toContain('甲局草稿')
  })
})

describe('attachments by unit and audience', () => {
  it("keeps a unit's internal attachments to that unit and hotline staff; public ones for every signed-in user", async () => {
    const { payload, world } = context
    const upload = (name: string, audience: 'public' | 'internal') =>
      payload.create({
        collection: 'media',
        data: { alt: name, unit: world.units.a.id, audience },
        file: { data: png, mimetype: 'image/png', name: `${name}.png`, size: png.length },
      })
    const internal = await upload('internal-a', 'internal')
    const open = await upload('public-a', 'public')
    const visible = async (user: object) =>
      (await payload.find({ collection: 'media', pagination: false, user, overrideAccess: false })).docs.map(
        (d) => d.id,
      )
    const as = (key: keyof typeof world.users) => ({ ...world.users[key], collection: 'users' })

    expect(await visible(as('editorA'))).toEqual(expect.arrayContaining([internal.id, open.id]))
    expect(await visible(handlerA)).toEqual(expect.arrayContaining([internal.id, open.id]))
    expect(await visible(as('kbAdmin'))).toEqual(expect.arrayContaining([internal.id, open.id]))
    for (const outsider of ['editorB', 'agent', 'supervisor'] as const) {
      const ids = await visible(as(outsider))
      expect(ids).toContain(open.id)
      expect(ids).not.toContain(internal.id)
    }

    // The file itself follows the same rule.
    const app: Express = createApp(payload, env())
    const login = async (email: string) =>
      (await request(app).post('/api/users/login').send({ email, password: 'Secret-123' })).body.token
    const editorB = await login('editor-b@test.example')
    const file = (m: { filename?: string | null }) =>
      request(app).get(`/api/media/file/${m.filename}`).set('Authorization', `JWT ${editorB}`)
    expect((await file(internal)).status).toBe(403)
    expect((await file(open)).status).toBe(200)
  })
})

describe('bounded day counts', () => {
  it('refuses a review cycle of 1e308 days (or a fraction, or below 1) with 400 and a message', async () => {
    const app: Express = createApp(context.payload, env())
    const token = (
      await request(app).post('/api/users/login').send({ email: 'editor-a@test.example', password: 'Secret-123' })
    ).body.token
    for (const reviewCycleDays of [1e308, 1.5, 0, -1]) {
      const res = await request(app)
        .patch(`/api/knowledge-entries/${context.world.entries.aDraft.id}`)
        .set('Authorization', `JWT ${token}`)
        .send({ reviewCycleDays })
      expect(res.status).toBe(400)
      expect(JSON.stringify(res.body)).toMatch(/1–3650 之间的整数/)
    }
  })

  it('answers 400, not 500, when approving an entry that holds an out-of-range cycle from before', async () => {
    const { payload, world } = context
    const app: Express = createApp(payload, env())
    const entry = await payload.create({
      collection: 'knowledge-entries',
      draft: true,
      data: { type: 'faq', title: '旧数据', unit: world.units.a.id, workflowState: 'hotline_review' } as never,
    })
    // As stored before the bound existed: straight into the database, past validation.
    const db = payload.db as unknown as { drizzle: { run: (q: unknown) => Promise<unknown> } }
    await db.drizzle.run(
      sql`UPDATE knowledge_entries SET review_cycle_days = 1e308, workflow_state = 'hotline_review' WHERE id = ${entry.id}`,
    )
    await db.drizzle.run(
      sql`UPDATE _knowledge_entries_v SET version_review_cycle_days = 1e308, version_workflow_state = 'hotline_review' WHERE parent_id = ${entry.id}`,
    )
    const token = (
      await request(app).post('/api/users/login').send({ email: 'kb-admin@test.example', password: 'Secret-123' })
    ).body.token
    const res = await request(app)
      .post(`/api/knowledge-entries/${entry.id}/transition`)
      .set('Authorization', `JWT ${token}`)
      .send({ action: 'approve_hotline' })
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/复核周期|1–3650/)
  })
})
