/**
 * Payload's version restore and delete go through the workflow (issue 13, finding 6): a restore never
 * replaces the live entry, it becomes a draft that needs review; deleting is for hotline staff, of
 * never-published or archived entries, audited; nobody deletes an entry under review.
 */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}
const as = (who: string) => `JWT ${tokens[who]}`

const live = (id: number) =>
  context.payload.findByID({ collection: 'knowledge-entries', id, depth: 0, overrideAccess: true })
const latest = (id: number) =>
  context.payload.findByID({ collection: 'knowledge-entries', id, draft: true, depth: 0, overrideAccess: true })
const auditOf = async (code: string) =>
  (
    await context.payload.find({
      collection: 'audit-log',
      where: { entryCode: { equals: code } },
      sort: 'createdAt',
      overrideAccess: true,
    })
  ).docs.map((d) => d.action)

beforeAll(async () => {
  app = createApp(context.payload, env())
  Object.assign(tokens, await signInAll(app, ['editor-a', 'reviewer-a', 'kb-admin']))
})

describe('restoring a version', () => {
  it('never overwrites the live entry; restoring as a draft makes a new draft that needs review', async () => {
    const entry = context.world.entries.aPublished
    const edit = await request(app)
      .patch(`/api/knowledge-entries/${entry.id}`)
      .set('Authorization', as('editor-a'))
      .send({ title: '甲局已发布（修改稿）' })
    expect(edit.status).toBe(200)
    const versions = await request(app)
      .get('/api/knowledge-entries/versions')
      .query({ where: { parent: { equals: entry.id } }, sort: '-createdAt', limit: 10 })
      .set('Authorization', as('editor-a'))
    expect(versions.status).toBe(200)
    const draftVersion = versions.body.docs.find(
      (v: { version: { title: string } }) => v.version.title === '甲局已发布（修改稿）',
    )
    expect(draftVersion).toBeDefined()

    const direct = await request(app)
      .post(`/api/knowledge-entries/versions/${draftVersion.id}`)
      .set('Authorization', as('editor-a'))
    expect(direct.status).toBe(403)
    expect(JSON.stringify(direct.body)).toMatch(/恢复为草稿/)
    expect(await live(entry.id)).toMatchObject({ title: '甲局已发布', _status: 'published' })

    const publishedVersion = versions.body.docs.find(
      (v: { version: { _status: string } }) => v.version._status === 'published',
    )
    const asDraft = await request(app)
      .post(`/api/knowledge-entries/versions/${publishedVersion.id}?draft=true`)
      .set('Authorization', as('editor-a'))
    expect(asDraft.status).toBe(200)
    expect(await live(entry.id)).toMatchObject({ title: '甲局已发布', _status: 'published' })
    expect(await latest(entry.id)).toMatchObject({
      title: '甲局已发布',
      _status: 'draft',
      workflowState: 'draft',
      lastEditedBy: context.world.users.editorA.id,
    })
    expect(await auditOf(entry.code!)).toEqual(['edit', 'restore'])

    // The public search and page keep serving the live version throughout.
    const publicHit = await request(app).get('/api/v1/public/search').query({ q: '甲局已发布' })
    expect(publicHit.status).toBe(200)
  })
})

describe('deleting an entry', () => {
  it('refuses editors, also for an entry under review, and keeps the entry', async () => {
    const created = await request(app)
      .post('/api/knowledge-entries')
      .set('Authorization', as('editor-a'))
      .send({ type: 'faq', title: '送审中的条目', faq: { question: '问', answer: '答' } })
    const id = created.body.doc.id
    expect(
      (
        await request(app)
          .post(`/api/knowledge-entries/${id}/transition`)
          .set('Authorization', as('editor-a'))
          .send({ action: 'submit' })
      ).status,
    ).toBe(200)
    const byEditor = await request(app).delete(`/api/knowledge-entries/${id}`).set('Authorization', as('editor-a'))
    expect(byEditor.status).toBe(403)
    const byStaff = await request(app).delete(`/api/knowledge-entries/${id}`).set('Authorization', as('kb-admin'))
    expect(byStaff.status).toBe(400)
    expect(JSON.stringify(byStaff.body)).toMatch(/审核期间不能删除/)
    expect((await latest(id)).workflowState).toBe('unit_review')
  })

  it('refuses to delete a published entry: it must be archived, with a reviewer and a reason', async () => {
    const entry = context.world.entries.bPublished
    const res = await request(app).delete(`/api/knowledge-entries/${entry.id}`).set('Authorization', as('kb-admin'))
    expect(res.status).toBe(400)
    expect(JSON.stringify(res.body)).toMatch(/下架/)
    expect((await live(entry.id))._status).toBe('published')
  })

  it('lets hotline staff delete a never-published or an archived entry, with an audit record', async () => {
    const draft = context.world.entries.bDraft
    const gone = await request(app).delete(`/api/knowledge-entries/${draft.id}`).set('Authorization', as('kb-admin'))
    expect(gone.status).toBe(200)
    expect(await auditOf(draft.code!)).toEqual(['delete'])

    const published = context.world.entries.bScript
    const archived = await request(app)
      .post(`/api/knowledge-entries/${published.id}/transition`)
      .set('Authorization', as('kb-admin'))
      .send({ action: 'archive', comment: '口径已废止' })
    expect(archived.status).toBe(200)
    const res = await request(app).delete(`/api/knowledge-entries/${published.id}`).set('Authorization', as('kb-admin'))
    expect(res.status).toBe(200)
    expect(await auditOf(published.code!)).toEqual(['archive', 'delete'])
    const record = await context.payload.find({
      collection: 'audit-log',
      where: { and: [{ entryCode: { equals: published.code } }, { action: { equals: 'delete' } }] },
      overrideAccess: true,
    })
    expect(record.docs[0]).toMatchObject({ from: 'archived', actorName: 'kb-admin' })
  })
})
