/** The admin's upload of knowledge files: preview, import, who may import what, and bad files. */
import ExcelJS from 'exceljs'
import type { Express } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { createApp } from '../../src/server/createApp'
import { signInAll } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let app: Express
const tokens: Record<string, string> = {}

const upload = (who: string | undefined, name: string, body: string | Buffer, query: Record<string, string> = {}) => {
  const req = request(app)
    .post('/api/v1/import')
    .query({ name, ...query })
    .set('Content-Type', 'application/octet-stream')
  if (who) req.set('Authorization', `JWT ${tokens[who]}`)
  return req.send(Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'))
}

const entriesTitled = async (title: string) =>
  (
    await context.payload.find({
      collection: 'knowledge-entries',
      where: { title: { equals: title } },
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
  ).docs

beforeAll(async () => {
  app = createApp(context.payload, env())
  Object.assign(tokens, await signInAll(app, ['editor-a', 'kb-admin', 'agent', 'reviewer-a']))
})

describe('admin upload of a knowledge file', () => {
  // The README's headers, one with half-width brackets, and a column no field takes.
  const csv = [
    '类型,承办单位,标题,申请材料（；分隔）,办理流程(;分隔),关键词（；分隔）,相似问（；分隔）,备注',
    '办事指南,甲局,上传的指南一,身份证；户口簿,申请；审核,上传；指南,怎么办上传的指南；上传指南要什么,内部备注',
    '办事指南,乙局,乙局的指南,身份证,申请,,,',
    '办事指南,甲局,,身份证,申请,,,',
  ].join('\n')

  it('previews what a kb-admin’s file would do without writing, then imports it', async () => {
    const preview = await upload('kb-admin', '指南.csv', csv)
    expect(preview.status).toBe(200)
    expect(preview.body).toMatchObject({ mode: 'preview', created: 2, updated: 0, failed: 1 })
    expect(preview.body.rows.map((r: { line: number; action: string }) => [r.line, r.action])).toEqual([
      [2, 'create'],
      [3, 'create'],
      [4, 'reject'],
    ])
    expect(preview.body.rows[2].reason).toMatch(/标题/)
    expect(preview.body.warnings[0].message).toBe('未识别的列已忽略：备注')
    expect(await entriesTitled('上传的指南一')).toHaveLength(0)

    const done = await upload('kb-admin', '指南.csv', csv, { mode: 'import' })
    expect(done.body).toMatchObject({ mode: 'import', created: 2, failed: 1 })
    const [saved] = await entriesTitled('上传的指南一')
    expect(saved.guide?.materials?.map((m) => m.text)).toEqual(['身份证', '户口簿'])
    expect(saved.guide?.steps?.map((m) => m.text)).toEqual(['申请', '审核'])
    expect(saved.tags).toEqual(['上传', '指南'])
    expect(saved.questions).toEqual(['怎么办上传的指南', '上传指南要什么'])
    expect(saved._status).toBe('draft')

    // The same file again updates by code: the preview says so.
    const again = await upload(
      'kb-admin',
      '指南.csv',
      `知识编号,${csv.split('\n')[0]}\n${saved.code},${csv.split('\n')[1]}`,
    )
    expect(again.body).toMatchObject({ created: 0, updated: 1, failed: 0 })
  })

  it('keeps a unit editor to their own unit, as drafts', async () => {
    const other = context.world.entries.bDraft as { code: string }
    const file = [
      '知识编号,类型,承办单位,标题,申请材料,办理流程',
      ',办事指南,甲局,甲局编辑上传,身份证,申请',
      ',办事指南,乙局,写进乙局,身份证,申请',
      `${other.code},办事指南,甲局,改走乙局的条目,身份证,申请`,
    ].join('\n')
    const result = await upload('editor-a', 'a.csv', file, { mode: 'import', publish: '1', createMissing: '1' })
    expect(result.status).toBe(200)
    expect(result.body).toMatchObject({ created: 1, failed: 2 })
    expect(result.body.rows[1].reason).toMatch(/只能导入本单位的条目.*乙局/)
    expect(result.body.rows[2].reason).toMatch(/属于其他单位/)
    const [mine] = await entriesTitled('甲局编辑上传')
    expect(mine._status).toBe('draft')
    expect(await entriesTitled('写进乙局')).toHaveLength(0)
    expect(await entriesTitled('改走乙局的条目')).toHaveLength(0)
  })

  it('reads XLSX and JSON Lines alike', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('条目')
    sheet.addRow(['类型', '承办单位', '标题', '问题', '答案', '相似问(;分隔)'])
    sheet.addRow(['常见问题', '甲局', '表格里的问答', '怎么问', '这么答', '一问;二问'])
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer())
    const fromSheet = await upload('kb-admin', 'q.xlsx', xlsx)
    expect(fromSheet.body).toMatchObject({ created: 1, failed: 0, warnings: [] })

    const jsonl = JSON.stringify({
      type: 'faq',
      unit: '甲局',
      title: 'JSONL 问答',
      fields: { question: '问', answer: '答' },
    })
    expect((await upload('editor-a', 'q.jsonl', jsonl)).body).toMatchObject({ created: 1, failed: 0 })
  })

  it('answers bad files with 4xx and a Chinese message, never a 500', async () => {
    const bad = [
      await upload('kb-admin', 'notes.txt', 'x'),
      await upload('kb-admin', 'broken.xlsx', 'not a workbook'),
      await upload('kb-admin', 'list.json', '{"not":"an array"}'),
      await upload('kb-admin', 'empty.csv', ''),
      await upload('kb-admin', 'header-only.csv', '标题,类型\n'),
      await upload('kb-admin', 'a.csv', 'x', { mode: 'delete' }),
    ]
    expect(bad.map((r) => r.status)).toEqual([400, 400, 400, 400, 400, 400])
    for (const r of bad) expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/)
    expect(bad[0].body.message).toMatch(/不支持的文件类型/)

    const huge = await upload('kb-admin', 'big.csv', Buffer.alloc(5 * 1024 * 1024 + 1, 'a'))
    expect(huge.status).toBe(413)
    expect(huge.body.message).toMatch(/超过 5 MB/)
  })

  it('is for kb-admins and unit editors, signed in, from the product’s own pages', async () => {
    expect((await upload(undefined, 'a.csv', 'x')).status).toBe(401)
    expect((await upload('agent', 'a.csv', 'x')).status).toBe(403)
    expect((await upload('reviewer-a', 'a.csv', 'x')).status).toBe(403)
    const crossSite = await request(app)
      .post('/api/v1/import?name=a.csv')
      .set('Cookie', `payload-token=${tokens['kb-admin']}`)
      .set('Origin', 'https://evil.example')
      .set('Content-Type', 'application/octet-stream')
      .send(Buffer.from('标题\nx'))
    expect(crossSite.status).toBe(403)
    expect(crossSite.body.message).toMatch(/跨站/)
  })
})
