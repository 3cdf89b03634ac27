/**
 * Real transactions on the embedded SQLite database (issue 13, finding 1): a write that fails half-way
 * leaves no trace, and concurrent writers wait for each other instead of failing with SQLITE_BUSY.
 */
import { jest } from '@jest/globals'
import type { Express } from 'express'
import type { Payload } from 'payload'
import request from 'supertest'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { transitionEntry } from '../../src/services/entryTransitions'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
let adminToken: string

const entryCount = (payload: Payload) =>
  payload.count({ collection: 'knowledge-entries', overrideAccess: true }).then((r) => r.totalDocs)

beforeAll(async () => {
  app = createApp(context.payload, env())
  adminToken = (
    await request(app).post('/api/users/login').send({ email: 'kb-admin@test.example', password: 'Secret-123' })
  ).body.token
})

describe('a write that fails half-way leaves no trace', () => {
  it('refuses a related entry that does not exist with 400, writes nothing, and numbering goes on', async () => {
    const { payload, world } = context
    const before = await entryCount(payload)
    const bad = await request(app)
      .post('/api/knowledge-entries')
      .set('Authorization', `JWT ${adminToken}`)
      .send({ type: 'faq', title: '关联了不存在的条目', unit: world.units.a.id, relatedEntries: [999999] })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toMatch(/相关条目/)
    expect(await entryCount(payload)).toBe(before)

    const good = await request(app)
      .post('/api/knowledge-entries')
      .set('Authorization', `JWT ${adminToken}`)
      .send({ type: 'faq', title: '随后正常新建', unit: world.units.a.id })
    expect(good.status).toBe(201)
    expect(good.body.doc.code).toMatch(/^KB-\d{4}$/)
  })

  it('rolls a transition back when its audit record cannot be written', async () => {
    const { payload, world } = context
    const entry = world.entries.aDraft
    const auditsBefore = await payload.count({ collection: 'audit-log', overrideAccess: true })
    const create = payload.create.bind(payload)
    const spy = jest.spyOn(payload, 'create').mockImplementation(((args: { collection: string }) => {
      if (args.collection === 'audit-log') return Promise.reject(new Error('disk full (injected)'))
      return create(args as never)
    }) as never)
    try {
      await expect(
        transitionEntry(
          payload,
          { id: entry.id, action: 'submit', actor: { ...world.users.editorA, roles: ['unit-editor'] } as never },
          {} as never,
        ),
      ).rejects.toThrow(/injected/)
    } finally {
      spy.mockRestore()
    }
    const after = await payload.findByID({ collection: 'knowledge-entries', id: entry.id, draft: true })
    expect(after.workflowState).toBe('draft')
    const versions = await payload.findVersions({
      collection: 'knowledge-entries',
      where: { parent: { equals: entry.id } },
      overrideAccess: true,
    })
    expect(versions.docs.every((v) => v.version.workflowState === 'draft')).toBe(true)
    expect((await payload.count({ collection: 'audit-log', overrideAccess: true })).totalDocs).toBe(
      auditsBefore.totalDocs,
    )
  })
})

describe('concurrent writers', () => {
  it('lets 50 concurrent auto-numbered creates all succeed, each with its own code', async () => {
    const { payload, world } = context
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, i) =>
        payload.create({
          collection: 'knowledge-entries',
          draft: true,
          data: { type: 'faq', title: `并发新建 ${i}`, unit: world.units.b.id } as never,
        }),
      ),
    )
    const failures = results
      .filter((r) => r.status === 'rejected')
      .map((r) => String((r as PromiseRejectedResult).reason))
    expect(failures).toEqual([])
    const codes = results.map((r) => (r as PromiseFulfilledResult<{ code: string }>).value.code)
    expect(new Set(codes).size).toBe(50)
  })

  it('keeps reads answering while a transaction is open', async () => {
    const { payload, world } = context
    let release!: () => void
    let updated!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const written = new Promise<void>((resolve) => (updated = resolve))
    const { inTransaction } = await import('../../src/services/transaction')
    const tx = inTransaction(payload, async (req) => {
      await payload.update({
        collection: 'knowledge-entries',
        id: world.entries.bDraft.id,
        draft: true,
        data: { title: '事务中修改' } as never,
        overrideAccess: true,
        req,
      })
      updated()
      await held
    })
    await written
    // Outside the transaction the uncommitted title is not visible, and the read does not wait.
    const seen = await payload.findByID({ collection: 'knowledge-entries', id: world.entries.bDraft.id, draft: true })
    expect(seen.title).toBe('乙局草稿')
    release()
    await tx
    const after = await payload.findByID({ collection: 'knowledge-entries', id: world.entries.bDraft.id, draft: true })
    expect(after.title).toBe('事务中修改')
  })
})
