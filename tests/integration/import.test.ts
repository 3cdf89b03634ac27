import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import ExcelJS from 'exceljs'
import type { Payload } from 'payload'

import { importEntries } from '../../src/import/importEntries'
import { readRecords } from '../../src/import/readRecords'
import { lexicalToPlainText } from '../../src/lexical/plainText'
import { type IndexableEntry, toSearchDocument } from '../../src/search/fromEntry'
import { startPayload } from '../helpers/payload'

let payload: Payload
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-import-'))
const file = (name: string, content: string) => {
  const p = path.join(dir, name)
  fs.writeFileSync(p, content)
  return p
}

beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => payload.destroy())

const findByCode = async (code: string) => {
  const result = await payload.find({
    collection: 'knowledge-entries',
    where: { code: { equals: code } },
    draft: true,
    depth: 1,
  })
  return result.docs[0]
}

const guide = {
  id: 'KB-0100',
  type: 'guide',
  unit: '测试局',
  category: '户籍证件/身份证',
  title: '补领身份证',
  body: '第一段。\n第二段。',
  validFrom: '2026-01-01',
  validUntil: '2027-12-31',
  tags: ['身份证'],
  fields: { materials: ['户口簿'], steps: ['申请'], phone: '0000-8610110', locationIds: ['KB-0101'] },
}
const location = {
  id: 'KB-0101',
  type: 'location',
  unit: '测试局',
  category: '政务服务/办事大厅',
  title: '服务大厅',
  body: '地址',
  fields: { address: '市民大道1号' },
}

describe('JSON Lines import', () => {
  it('refuses unknown units and categories without --create-missing, row by row', async () => {
    const records = await readRecords(file('a.jsonl', `${JSON.stringify(guide)}\n`))
    const report = await importEntries(payload, records, {})
    expect(report.failed).toBe(1)
    expect(report.errors[0]).toMatchObject({
      line: 1,
      code: 'KB-0100',
      message: expect.stringMatching(/承办单位“测试局”不存在/),
    })
  })

  it('creates units and category paths, resolves references in any order, converts bodies, and upserts by code', async () => {
    const jsonl = file('b.jsonl', [JSON.stringify(guide), '', '{not json', JSON.stringify({ ...location })].join('\n'))
    const first = await importEntries(payload, await readRecords(jsonl), { createMissing: true, publish: true })
    expect(first).toMatchObject({ created: 2, updated: 0, failed: 1 })
    expect(first.errors[0]).toMatchObject({ line: 3, message: expect.stringMatching(/不是有效的 JSON/) })

    const saved = await findByCode('KB-0100')
    expect(saved._status).toBe('published')
    expect(lexicalToPlainText(saved.body)).toBe('第一段。\n\n第二段。')
    expect((saved.guide?.locations as { code: string }[]).map((l) => l.code)).toEqual(['KB-0101'])
    expect((saved.category as { path: string }).path).toBe('户籍证件/身份证')
    expect((saved.unit as { name: string }).name).toBe('测试局')

    const second = await importEntries(payload, await readRecords(jsonl), { createMissing: true, publish: true })
    expect(second).toMatchObject({ created: 0, updated: 2, failed: 1 })
    const { totalDocs } = await payload.count({
      collection: 'knowledge-entries',
      where: { code: { in: ['KB-0100', 'KB-0101'] } },
    })
    expect(totalDocs).toBe(2)
  })

  it('stores expired entries as drafts even with --publish, and imports drafts without it', async () => {
    const expired = { ...location, id: 'KB-0102', title: '旧大厅', validFrom: '2024-01-01', validUntil: '2025-12-31' }
    const current = { ...location, id: 'KB-0103', title: '新大厅' }
    const report = await importEntries(payload, await readRecords(file('c.jsonl', `${JSON.stringify(expired)}\n`)), {
      createMissing: true,
      publish: true,
    })
    expect(report.warnings[0]).toMatchObject({ line: 1, message: expect.stringMatching(/已过有效期/) })
    expect((await findByCode('KB-0102'))._status).toBe('draft')
    await importEntries(payload, await readRecords(file('d.jsonl', `${JSON.stringify(current)}\n`)), {
      createMissing: true,
    })
    expect((await findByCode('KB-0103'))._status).toBe('draft')
  })

  it('reports invalid rows with their reasons and stores the valid ones', async () => {
    const rows = [
      { ...location, id: 'KB-0104', title: '' },
      { ...location, id: 'KB-0105', fields: { phone: '不是电话' } },
      { ...guide, id: 'KB-0106', fields: { fee: '免费' } },
      { ...location, id: 'KB-0107', title: '好的一行' },
    ]
    const report = await importEntries(
      payload,
      await readRecords(file('e.jsonl', rows.map((r) => JSON.stringify(r)).join('\n'))),
      { createMissing: true },
    )
    expect(report.created).toBe(1)
    expect(report.errors.map((e) => e.line)).toEqual([1, 2, 3])
    expect(report.errors[0].message).toMatch(/缺少标题/)
    expect(report.errors[1].message).toMatch(/电话号码格式不正确/)
    expect(report.errors[2].message).toMatch(/申请材料或办理流程/)
  })
})

describe('spreadsheet import', () => {
  const header = '知识编号,类型,承办单位,知识库目录,标题,申请材料,办理流程,关键词,有效期至,相似问（；分隔）'
  it('imports CSV rows with Chinese headers and ；-separated lists', async () => {
    const csv = file(
      'f.csv',
      `${header}\nKB-0200,办事指南,测试局,户籍证件/户口,新生儿落户,出生医学证明；户口簿,申请；审核,落户；报户口,2027-06-30,孩子出生了怎么上户口；宝宝落户要带什么\nKB-0201,办事指南,测试局,,缺材料,,,,,\n`,
    )
    const report = await importEntries(payload, await readRecords(csv), { createMissing: true, publish: true })
    expect(report).toMatchObject({ created: 1, failed: 1 })
    expect(report.errors[0].line).toBe(3)
    const saved = await findByCode('KB-0200')
    expect(saved.guide?.materials?.map((m) => m.text)).toEqual(['出生医学证明', '户口簿'])
    expect(saved.tags).toEqual(['落户', '报户口'])
    expect(saved.questions).toEqual(['孩子出生了怎么上户口', '宝宝落户要带什么'])
    expect(toSearchDocument(saved as IndexableEntry, '').questions).toEqual(saved.questions)
  })

  it('imports the first sheet of an XLSX workbook', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('知识条目')
    sheet.addRow(['id', 'type', 'unit', 'title', 'question', 'answer', 'validUntil'])
    sheet.addRow([
      'KB-0300',
      '常见问题',
      '测试局',
      '身份证多久能拿到？',
      '身份证多久能拿到？',
      '一般20个工作日。',
      new Date(Date.UTC(2027, 0, 31)),
    ])
    const xlsx = path.join(dir, 'g.xlsx')
    await workbook.xlsx.writeFile(xlsx)
    const report = await importEntries(payload, await readRecords(xlsx), { createMissing: true, publish: true })
    expect(report).toMatchObject({ created: 1, failed: 0 })
    const saved = await findByCode('KB-0300')
    expect(saved.faq?.answer).toBe('一般20个工作日。')
    expect(saved.validUntil).toBe('2027-01-30T16:00:00.000Z')
  })

  it('refuses file types it does not know', async () => {
    await expect(readRecords(file('h.txt', 'x'))).rejects.toThrow(/不支持的文件类型/)
  })
})
