/** A unit's 确已尽责 explanation with its files over HTTP: stored with the order in one go, read only by the desks and the unit. */
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { createApp } from '../../src/server/createApp'
import { addDeskUsers, signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}
const as = (who: string) => `JWT ${tokens[who]}`
const act = (who: string, number: string, action: string, body: Record<string, unknown> = {}) =>
  request(app).post(`/api/v1/work-orders/${number}/actions/${action}`).set('Authorization', as(who)).send(body)
const explain = (who: string, number: string) =>
  request(app).post(`/api/v1/work-orders/${number}/actions/explain`).set('Authorization', as(who))

/** A 1×1 PNG and a one-page PDF. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)
const PDF = Buffer.from(
  [
    '%PDF-1.4',
    '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
    '2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj',
    'xref',
    '0 3',
    'trailer << /Size 3 /Root 1 0 R >>',
    'startxref',
    '0',
    '%%EOF',
  ].join('\n'),
)

/** An order of unit A that has been replied to and called back: the state an explanation is made in. */
async function calledBackOrder(title: string) {
  const res = await request(app)
    .post('/api/v1/work-orders')
    .set('Authorization', as('agent'))
    .send({ type: 'complaint', title, content: `${title}，要求处理。` })
  expect(res.status).toBe(201)
  const number = res.body.number as string
  for (const [who, action, body] of [
    ['dispatcher', 'dispatch', { unit: 'A' }],
    ['handler-a', 'accept', {}],
    ['handler-a', 'reply', { result: '已按规定处理', text: '已处理' }],
    ['dispatcher', 'callback', { satisfaction: 'dissatisfied' }],
  ] as const)
    expect([action, (await act(who, number, action, body)).status]).toEqual([action, 200])
  return number
}

const attachmentCount = async () =>
  (await context.payload.count({ collection: 'order-attachments', overrideAccess: true })).totalDocs

beforeAll(async () => {
  const { payload, world } = context
  await seedWorkCalendar(payload)
  await seedSlaRules(payload)
  await addDeskUsers(payload, world)
  app = createApp(payload, env())
  Object.assign(tokens, await signInAll(app, ['agent', 'dispatcher', 'handler-a', 'handler-b', 'editor-a']))
})

describe('确已尽责 explanation with attachments', () => {
  it('stores the text and its files on the explanation step; the desks and the unit download them, another unit not', async () => {
    const number = await calledBackOrder('施工噪声投诉')
    const res = await explain('handler-a', number)
      .field('text', '已三次上门核查，施工许可齐全，已责令夜间停工')
      .attach('attachments', PNG, { filename: '现场照片.png', contentType: 'image/png' })
      .attach('attachments', PDF, { filename: '处置记录.pdf', contentType: 'application/pdf' })
    expect([res.status, res.body.message]).toEqual([200, undefined])
    expect(res.body.explanation).toBe('已三次上门核查，施工许可齐全，已责令夜间停工')
    const step = res.body.timeline.at(-1)
    expect(step.action).toBe('explain')
    expect(step.attachments.map((a: { name: string; mimeType: string }) => [a.name, a.mimeType])).toEqual([
      ['现场照片.png', 'image/png'],
      ['处置记录.pdf', 'application/pdf'],
    ])

    const [photo, record] = step.attachments as { filename: string }[]
    const download = (who: string, filename: string) =>
      request(app)
        .get(`/api/order-attachments/file/${encodeURIComponent(filename)}`)
        .set('Authorization', as(who))
        .buffer(true)
        .parse((r, done) => {
          const chunks: Buffer[] = []
          r.on('data', (c: Buffer) => chunks.push(c))
          r.on('end', () => done(null, Buffer.concat(chunks)))
        })
    const byDispatcher = await download('dispatcher', record!.filename)
    expect(byDispatcher.status).toBe(200)
    expect(Buffer.compare(byDispatcher.body as Buffer, PDF)).toBe(0)
    expect((await download('handler-a', photo!.filename)).status).toBe(200)
    // Another unit, a knowledge editor and an anonymous visitor get nothing.
    expect([403, 404]).toContain((await download('handler-b', photo!.filename)).status)
    expect([403, 404]).toContain((await download('editor-a', photo!.filename)).status)
    expect([403, 404]).toContain(
      (await request(app).get(`/api/order-attachments/file/${encodeURIComponent(photo!.filename)}`)).status,
    )
    const listed = await request(app).get('/api/order-attachments').set('Authorization', as('handler-b'))
    expect(listed.body.docs ?? []).toEqual([])

    // The dispatcher accepts the explanation.
    expect((await act('dispatcher', number, 'accept-explanation', { note: '证据充分' })).body.explanationAccepted).toBe(
      true,
    )
  })

  it('refuses a bad file, a file of another action, another unit and REST writes, storing nothing', async () => {
    const number = await calledBackOrder('占道经营投诉')
    const before = await attachmentCount()

    const text = await explain('handler-a', number)
      .field('text', '已处理')
      .attach('attachments', PNG, { filename: '照片.png', contentType: 'image/png' })
      .attach('attachments', Buffer.from('not really a picture'), { filename: '伪装.png', contentType: 'image/png' })
    expect(text.status).toBe(400)
    expect(text.body.message).toBe('附件“伪装.png”不是图片（JPG、PNG、GIF、WebP）或 PDF 文件')

    // The first file is stored before Payload finds the second damaged: the transaction takes both back.
    const damaged = await explain('handler-a', number)
      .field('text', '已处理')
      .attach('attachments', PNG, { filename: '照片.png', contentType: 'image/png' })
      .attach('attachments', Buffer.from('%PDF-1.4\n截断的扫描件'), {
        filename: '扫描件.pdf',
        contentType: 'application/pdf',
      })
    expect(damaged.status).toBe(400)
    expect(damaged.body.message).toBe('附件“扫描件.pdf”已损坏或无法识别，请上传完好的图片或 PDF 文件')

    const big = await explain('handler-a', number)
      .field('text', '已处理')
      .attach('attachments', Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]), {
        filename: '扫描件.pdf',
        contentType: 'application/pdf',
      })
    expect(big.status).toBe(413)
    expect(big.body.message).toMatch(/附件“扫描件.pdf”超过 10 MB/)

    const otherUnit = await explain('handler-b', number)
      .field('text', '不是我们的工单')
      .attach('attachments', PNG, { filename: '照片.png', contentType: 'image/png' })
    expect([403, 404]).toContain(otherUnit.status)

    const otherAction = await request(app)
      .post(`/api/v1/work-orders/${number}/actions/close`)
      .set('Authorization', as('dispatcher'))
      .attach('attachments', PNG, { filename: '照片.png', contentType: 'image/png' })
    expect(otherAction.status).toBe(400)
    expect(otherAction.body.message).toBe('只有确已尽责说明可以附带文件')

    const rest = await request(app)
      .post('/api/order-attachments')
      .set('Authorization', as('handler-a'))
      .attach('file', PNG, { filename: '照片.png', contentType: 'image/png' })
      .field('_payload', JSON.stringify({ order: 1, orderNumber: number, unit: context.world.units.a.id }))
    expect(rest.status).toBe(403)

    expect(await attachmentCount()).toBe(before)
    const order = await request(app).get(`/api/v1/work-orders/${number}`).set('Authorization', as('dispatcher'))
    expect(order.body.explanation ?? null).toBeNull()
    expect(order.body.timeline.at(-1).action).toBe('callback')
  })

  it('still takes an explanation without files as JSON; a refused one may be made again', async () => {
    const number = await calledBackOrder('油烟扰民投诉')
    const res = await act('handler-a', number, 'explain', { text: '已联合执法，商户已整改' })
    expect(res.status).toBe(200)
    expect(res.body.timeline.at(-1).attachments).toBeUndefined()
    // Not accepted: the unit is told and may explain again.
    expect((await act('dispatcher', number, 'reject-explanation', {})).status).toBe(400)
    const refused = await act('dispatcher', number, 'reject-explanation', { reason: '未附执法记录' })
    expect(refused.status).toBe(200)
    expect(refused.body.explanation ?? null).toBeNull()
    expect(refused.body.timeline.at(-1)).toMatchObject({ action: 'reject-explanation', note: '未附执法记录' })
    const notices = await context.payload.find({
      collection: 'notifications',
      where: { title: { like: `尽责说明未获认可：${number}` } },
      overrideAccess: true,
    })
    expect(notices.totalDocs).toBeGreaterThan(0)
    expect((await act('handler-a', number, 'explain', { text: '补充执法记录' })).body.explanation).toBe('补充执法记录')
  })
})
