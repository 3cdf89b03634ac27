import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { fixClock } from '../../src/domain/clock'
import { rebuildIndex, SEARCH_QUEUE } from '../../src/jobs/syncIndex'
import { createApp } from '../../src/server/createApp'
import { signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}
const as = (who: string) => `JWT ${tokens[who]}`
const drainOutbox = () => context.payload.jobs.run({ queue: SEARCH_QUEUE })

const transition = (who: string, id: number, action: string, comment?: string) =>
  request(app).post(`/api/knowledge-entries/${id}/transition`).set('Authorization', as(who)).send({ action, comment })
const workflow = (who: string, id: number) =>
  request(app).get(`/api/knowledge-entries/${id}/workflow`).set('Authorization', as(who))
const agentTitles = async (q: string) =>
  (await request(app).get('/api/v1/agent/search').query({ q }).set('Authorization', as('agent'))).body.hits.map(
    (h: { title: string }) => h.title,
  )

beforeAll(async () => {
  app = createApp(context.payload, env())
  Object.assign(tokens, await signInAll(app, ['editor-a', 'reviewer-a', 'kb-admin', 'editor-b', 'agent', 'admin']))
  await rebuildIndex(context.payload)
})

describe('review workflow over HTTP', () => {
  it('takes a new entry from draft to published through both reviews, with history', async () => {
    const created = await request(app)
      .post('/api/knowledge-entries')
      .set('Authorization', as('editor-a'))
      .send({
        type: 'faq',
        title: '老年人乘车优待卡如何办理',
        faq: { question: '老年卡怎么办', answer: '携带身份证到社区办理。' },
      })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    expect(created.body.doc).toMatchObject({ workflowState: 'draft', _status: 'draft' })

    expect((await transition('editor-a', id, 'submit')).status).toBe(200)
    expect((await workflow('reviewer-a', id)).body.actions.map((a: { action: string }) => a.action)).toEqual([
      'approve_unit',
      'reject',
    ])
    expect((await transition('reviewer-a', id, 'approve_unit', '内容准确')).status).toBe(200)
    // Published a day later on the hotline clock: the version answers cite.
    fixClock(new Date('2026-11-26T09:00:00+08:00'))
    const published = await transition('kb-admin', id, 'approve_hotline')
    fixClock(new Date('2026-11-25T10:00:00+08:00'))
    expect(published.status).toBe(200)
    expect(published.body.message).toMatch(/热线审核中 → 已发布/)

    const status = await workflow('editor-a', id)
    expect(status.body.state).toBe('published')
    expect(status.body.history.map((h: { action: string; actor: string }) => [h.action, h.actor])).toEqual([
      ['approve_hotline', 'kb-admin'],
      ['approve_unit', 'reviewer-a'],
      ['submit', 'editor-a'],
      ['edit', 'editor-a'],
    ])
    const entry = await context.payload.findByID({ collection: 'knowledge-entries', id })
    expect(entry).toMatchObject({
      _status: 'published',
      workflowState: 'published',
      publishedUrgently: false,
      publishedAt: '2026-11-26T01:00:00.000Z',
    })
    expect(entry.nextReviewAt).toBeTruthy()
    await drainOutbox()
    expect(await agentTitles('老年人乘车优待卡')).toContain('老年人乘车优待卡如何办理')
  })

  it('keeps the live version serving while an edit is in review, and shows reviewers the diff', async () => {
    const { id, code } = context.world.entries.aPublished as { id: number; code: string }
    const edit = await request(app)
      .patch(`/api/knowledge-entries/${id}`)
      .set('Authorization', as('editor-a'))
      .send({ title: '甲局已发布（修订）' })
    expect(edit.status).toBe(200)
    expect((await transition('editor-a', id, 'submit')).status).toBe(200)
    await drainOutbox()
    expect((await request(app).get(`/api/v1/public/entries/${code}`)).body.title).toBe('甲局已发布')
    expect(await agentTitles('甲局已发布')).toContain('甲局已发布')
    expect(await agentTitles('甲局已发布')).not.toContain('甲局已发布（修订）')
    const diff = (await workflow('reviewer-a', id)).body.diff
    expect(diff).toEqual(
      expect.arrayContaining([{ field: 'title', label: '标题', before: '甲局已发布', after: '甲局已发布（修订）' }]),
    )

    await transition('reviewer-a', id, 'approve_unit')
    await transition('kb-admin', id, 'approve_hotline')
    await drainOutbox()
    expect((await request(app).get(`/api/v1/public/entries/${code}`)).body.title).toBe('甲局已发布（修订）')
  })

  it('refuses illegal transitions with 400 or 403 and a message', async () => {
    const { id } = context.world.entries.aDraft as { id: number }
    const wrongState = await transition('reviewer-a', id, 'approve_unit')
    expect(wrongState.status).toBe(400)
    expect(wrongState.body.message).toMatch(/当前为「草稿」/)
    expect((await transition('editor-b', id, 'submit')).status).toBe(404)
    expect((await transition('agent', id, 'submit')).status).toBe(404)
    expect((await transition('editor-a', id, 'publish')).status).toBe(400)
    await transition('editor-a', id, 'submit')
    const notAdmin = await transition('reviewer-a', id, 'publish_urgent', '急')
    expect(notAdmin.status).toBe(403)
    const noReason = await transition('reviewer-a', id, 'reject')
    expect(noReason.status).toBe(400)
    expect(noReason.body.message).toMatch(/需要填写原因/)
    expect((await transition('reviewer-a', id, 'reject', '材料清单不完整')).status).toBe(200)
    // A rejected entry can be edited again, and the editor sees it in their work list.
    expect(
      (
        await request(app)
          .patch(`/api/knowledge-entries/${id}`)
          .set('Authorization', as('editor-a'))
          .send({ summary: '已补充' })
      ).status,
    ).toBe(200)
    expect((await workflow('editor-a', id)).body.state).toBe('draft')
  })

  it('refuses edits while in review', async () => {
    const { id } = context.world.entries.bDraft as { id: number }
    await transition('editor-b', id, 'submit')
    const locked = await request(app)
      .patch(`/api/knowledge-entries/${id}`)
      .set('Authorization', as('editor-b'))
      .send({ title: '审核中修改' })
    expect(locked.status).toBe(400)
    expect(JSON.stringify(locked.body)).toMatch(/审核期间不能修改/)
  })

  it('lets nobody approve their own last edit', async () => {
    const created = await request(app)
      .post('/api/knowledge-entries')
      .set('Authorization', as('editor-a'))
      .send({ type: 'faq', title: '四眼原则测试' })
    const id = created.body.doc.id
    await transition('editor-a', id, 'submit')
    await transition('reviewer-a', id, 'approve_unit')
    // The kb-admin corrects it during the hotline review: the edit starts the review again.
    expect(
      (
        await request(app)
          .patch(`/api/knowledge-entries/${id}`)
          .set('Authorization', as('kb-admin'))
          .send({ summary: '热线修订' })
      ).status,
    ).toBe(200)
    expect((await workflow('kb-admin', id)).body.state).toBe('draft')
    await transition('kb-admin', id, 'submit')
    await transition('reviewer-a', id, 'approve_unit')
    const own = await transition('kb-admin', id, 'approve_hotline')
    expect(own.status).toBe(403)
    expect(own.body.message).toMatch(/不能审核自己/)
    expect((await transition('admin', id, 'approve_hotline')).status).toBe(200)
  })

  it('archives a live entry out of the index, and records urgent publication', async () => {
    const { id } = context.world.entries.bPublished as { id: number }
    await drainOutbox()
    expect(await agentTitles('乙局已发布')).toContain('乙局已发布')
    expect((await transition('kb-admin', id, 'archive', '政策已废止')).status).toBe(200)
    await drainOutbox()
    expect(await agentTitles('乙局已发布')).not.toContain('乙局已发布')
    const urgent = await transition('kb-admin', id, 'publish_urgent', '恢复，错误下架')
    expect(urgent.status).toBe(200)
    expect(await context.payload.findByID({ collection: 'knowledge-entries', id })).toMatchObject({
      _status: 'published',
      publishedUrgently: true,
    })
  })

  it('keeps the audit log append-only for everyone', async () => {
    const records = await request(app).get('/api/audit-log').set('Authorization', as('admin'))
    expect(records.body.totalDocs).toBeGreaterThan(0)
    const first = records.body.docs[0].id
    expect(
      (await request(app).post('/api/audit-log').set('Authorization', as('admin')).send({ action: 'submit' })).status,
    ).toBe(403)
    expect(
      (await request(app).patch(`/api/audit-log/${first}`).set('Authorization', as('admin')).send({ comment: '改' }))
        .status,
    ).toBe(403)
    expect((await request(app).delete(`/api/audit-log/${first}`).set('Authorization', as('admin'))).status).toBe(403)
    // A unit sees only its own unit's records.
    const unitB = await request(app).get('/api/audit-log').set('Authorization', as('editor-b'))
    expect(
      unitB.body.docs.every(
        (d: { unit: { id: number } | number }) =>
          (typeof d.unit === 'object' ? d.unit.id : d.unit) === context.world.units.b.id,
      ),
    ).toBe(true)
  })
})

describe('error reports from the agent API', () => {
  it('records a report for the kb-admins and answers bad input with 400', async () => {
    const { code } = context.world.entries.aPublished as { code: string }
    const res = await request(app)
      .post(`/api/v1/agent/entries/${code}/error-reports`)
      .set('Authorization', as('agent'))
      .send({ description: '办理地点已搬迁到市民中心二楼' })
    expect(res.status).toBe(201)
    expect(res.body.message).toMatch(/已收到纠错反馈/)
    const stored = await context.payload.findByID({ collection: 'error-reports', id: res.body.id, depth: 0 })
    expect(stored).toMatchObject({ status: 'new', reportedBy: context.world.users.agent.id })
    expect(
      (
        await request(app)
          .post(`/api/v1/agent/entries/${code}/error-reports`)
          .set('Authorization', as('agent'))
          .send({ description: '错' })
      ).status,
    ).toBe(400)
    expect(
      (
        await request(app)
          .post('/api/v1/agent/entries/KB-9999/error-reports')
          .set('Authorization', as('agent'))
          .send({ description: '条目不存在的反馈' })
      ).status,
    ).toBe(404)
    expect(
      (await request(app).post(`/api/v1/agent/entries/${code}/error-reports`).send({ description: '匿名的反馈内容' }))
        .status,
    ).toBe(401)
  })
})

describe('review confirmation and hand-opened supervision', () => {
  it('moves the next review date when the unit reviewer confirms an entry is still correct', async () => {
    const created = await context.payload.create({
      collection: 'knowledge-entries',
      data: {
        type: 'faq',
        title: '复核确认测试',
        unit: context.world.units.a.id,
        reviewCycleDays: 30,
        _status: 'published',
      } as never,
    })
    await context.payload.update({
      collection: 'knowledge-entries',
      id: created.id,
      data: { nextReviewAt: '2026-11-01T00:00:00.000Z' } as never,
      overrideAccess: true,
      context: { workflowTransition: {} },
    })
    const res = await transition('reviewer-a', created.id, 'confirm_review')
    expect(res.status).toBe(200)
    const entry = await context.payload.findByID({ collection: 'knowledge-entries', id: created.id })
    // Reviewed now (the fixed clock, 2026-11-25 10:00 Shanghai) plus the 30-day cycle.
    expect(entry).toMatchObject({
      reviewedAt: '2026-11-25T02:00:00.000Z',
      nextReviewAt: '2026-12-25T02:00:00.000Z',
      _status: 'published',
      workflowState: 'published',
    })
    expect((await workflow('reviewer-a', created.id)).body.history[0]).toMatchObject({
      action: 'confirm_review',
      actor: 'reviewer-a',
    })
  })

  it('lets a kb-admin open supervision by hand against the owning unit, with a working-day deadline', async () => {
    const { id } = context.world.entries.aPublished as { id: number }
    const res = await request(app)
      .post('/api/supervision-items')
      .set('Authorization', as('kb-admin'))
      .send({ entry: id, reason: 'wrong_info', description: '咨询电话已停用' })
    expect(res.status).toBe(201)
    // Wednesday 2026-11-25 + 5 working days → end of Wednesday 12-02.
    expect(res.body.doc).toMatchObject({
      status: 'open',
      unit: expect.objectContaining({ id: context.world.units.a.id }),
      deadline: '2026-12-02T16:00:00.000Z',
    })
    expect(
      (
        await request(app)
          .post('/api/supervision-items')
          .set('Authorization', as('editor-a'))
          .send({ entry: id, reason: 'wrong_info' })
      ).status,
    ).toBe(403)
    const unitA = await request(app).get('/api/supervision-items').set('Authorization', as('editor-a'))
    expect(unitA.body.totalDocs).toBe(1)
    expect((await request(app).get('/api/supervision-items').set('Authorization', as('editor-b'))).body.totalDocs).toBe(
      0,
    )
    const mine = await request(app).get('/api/notifications').set('Authorization', as('editor-a'))
    expect(mine.body.docs.map((n: { kind: string }) => n.kind)).toContain('supervision_opened')
  })
})
