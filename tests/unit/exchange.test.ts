import { parseExchangeRecord } from '../../src/domain/exchange/record'
import { rowToRecord } from '../../src/domain/exchange/tabular'

const guide = {
  id: 'KB-0042',
  type: 'guide',
  unit: '江临市公安局',
  category: '户籍证件/身份证',
  title: '居民身份证挂失补领',
  summary: '身份证丢了可以补领。',
  body: '第一段\n第二段',
  audience: 'public',
  validFrom: '2026-01-01',
  validUntil: '2027-12-31',
  tags: ['身份证'],
  fields: { materials: ['户口簿', '相片'], steps: ['申请', '领证'], phone: '0000-8610110', locationIds: ['KB-1001'] },
}

describe('exchange records', () => {
  it('turns a guide into entry data with references kept by code', () => {
    const result = parseExchangeRecord(guide)
    if (!result.ok) throw new Error(result.error)
    const { entry } = result
    expect(entry.code).toBe('KB-0042')
    expect(entry.unitName).toBe('江临市公安局')
    expect(entry.categoryPath).toBe('户籍证件/身份证')
    expect(entry.locationCodes).toEqual(['KB-1001'])
    expect(entry.bodyText).toBe('第一段\n第二段')
    expect(entry.data.validFrom).toBe('2025-12-31T16:00:00.000Z')
    expect(entry.data.guide).toEqual({
      materials: [{ text: '户口簿' }, { text: '相片' }],
      steps: [{ text: '申请' }, { text: '领证' }],
      phone: '0000-8610110',
    })
  })

  it('carries similar questions (相似问), and names an empty one', () => {
    const result = parseExchangeRecord({ ...guide, questions: ['身份证掉了怎么办', '身份证被偷了能补吗'] })
    if (!result.ok) throw new Error(result.error)
    expect(result.entry.data.questions).toEqual(['身份证掉了怎么办', '身份证被偷了能补吗'])
    const bad = parseExchangeRecord({ ...guide, questions: ['身份证掉了怎么办', ''] })
    expect(bad.ok).toBe(false)
    if (!bad.ok) expect(bad.error).toMatch(/^questions\.1/)
  })

  it('reports what is wrong, in Chinese, with the field path', () => {
    const bad = parseExchangeRecord({ ...guide, id: 'K42', type: 'poem', title: '', validUntil: '2027-13-01' })
    expect(bad.ok).toBe(false)
    if (bad.ok) return
    expect(bad.error).toMatch(/id: 知识编号格式/)
    expect(bad.error).toMatch(/type: 类型无效/)
    expect(bad.error).toMatch(/title: 缺少标题/)
    expect(bad.error).toMatch(/validUntil: 日期格式/)
  })

  it('checks type-specific fields', () => {
    const bad = parseExchangeRecord({ ...guide, fields: { materials: '身份证' } })
    expect(bad.ok).toBe(false)
  })

  it('maps policy fields and source', () => {
    const result = parseExchangeRecord({
      type: 'policy',
      unit: 'u',
      title: 't',
      source: { documentNumber: '江政发〔2026〕1号' },
      fields: { level: 'city', target: 'enterprise', keyPoints: ['a', 'b'], effectiveDate: '2026-03-01' },
    })
    if (!result.ok) throw new Error(result.error)
    expect(result.entry.code).toBeUndefined()
    expect(result.entry.data.source).toEqual({ documentNumber: '江政发〔2026〕1号' })
    expect(result.entry.data.policy).toEqual({
      level: 'city',
      target: 'enterprise',
      keyPoints: [{ text: 'a' }, { text: 'b' }],
      effectiveDate: '2026-02-28T16:00:00.000Z',
    })
  })
})

describe('spreadsheet rows', () => {
  it('accepts Chinese headers and labels, splits lists on ；, and keeps only the type’s own fields', () => {
    const record = rowToRecord({
      知识编号: 'KB-0007',
      类型: '办事指南',
      承办单位: '江临市公安局',
      标题: '护照申领',
      关键词: '护照；出国 ；',
      申请材料: '身份证；相片',
      地址: '不属于办事指南的列',
      文号: '公告1号',
      复核周期: '90',
      摘要: '',
    })
    expect(record).toEqual({
      id: 'KB-0007',
      type: 'guide',
      unit: '江临市公安局',
      title: '护照申领',
      tags: ['护照', '出国'],
      reviewCycleDays: 90,
      source: { documentNumber: '公告1号' },
      fields: { materials: ['身份证', '相片'] },
    })
  })

  it('reads similar questions from the 相似问（；分隔） column', () => {
    const record = rowToRecord({
      类型: '办事指南',
      标题: '居民身份证挂失补领',
      '相似问（；分隔）': '身份证掉了怎么办；身份证被偷了能补吗',
    })
    expect(record.questions).toEqual(['身份证掉了怎么办', '身份证被偷了能补吗'])
  })

  it('accepts the English exchange keys as headers too', () => {
    expect(rowToRecord({ type: 'location', address: '市民大道1号', audience: '内部' })).toEqual({
      type: 'location',
      audience: 'internal',
      fields: { address: '市民大道1号' },
    })
  })
})
