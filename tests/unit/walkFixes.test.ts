/** Pure parts of the fixes found walking the product: import headers, diff labels, entry pages, phones. */
import { rowToRecord, unknownHeaders } from '../../src/domain/exchange/tabular'
import { bodyBeyondFields, SHOWN_LABELS } from '../../src/domain/knowledge/entryBody'
import { telHref } from '../../src/domain/phone'
import { diffEntries, fieldLabels } from '../../src/domain/workflow/entryDiff'

describe('spreadsheet headers as the README writes them, and their variants', () => {
  it.each([
    ['申请材料（；分隔）', 'fields', 'materials'],
    ['申请材料(;分隔)', 'fields', 'materials'],
    ['申请材料 (；分隔)', 'fields', 'materials'],
    ['申请材料（；分隔)', 'fields', 'materials'],
    ['关键词（；分隔）', 'top', 'tags'],
    ['关键词(;分隔)', 'top', 'tags'],
    ['相似问（；分隔）', 'top', 'questions'],
    ['相似问(；分隔）', 'top', 'questions'],
    ['办事地点编号（；分隔）', 'fields', 'locationIds'],
    ['Materials', 'fields', 'materials'],
    [' 标题 ', 'top', 'title'],
    ['ＴＩＴＬＥ', 'top', 'title'],
  ])('%s', (header, place, key) => {
    const record = rowToRecord({ 类型: '办事指南', [header]: '甲；乙;丙' })
    const value = place === 'top' ? record[key] : (record.fields as Record<string, unknown>)[key]
    expect(value).toEqual(key === 'title' ? '甲；乙;丙' : ['甲', '乙', '丙'])
  })

  it('names the headers that no column takes, and only those', () => {
    expect(unknownHeaders(['标题', '申请材料（；分隔）', '备注', 'Remark', '', '相似问(;分隔)', '办理窗口'])).toEqual([
      '备注',
      'Remark',
      '办理窗口',
    ])
  })

  it('splits list cells on line breaks too', () => {
    expect(rowToRecord({ 类型: '常见问题', 相似问: '第一问\n第二问\r\n' }).questions).toEqual(['第一问', '第二问'])
  })
})

describe('the review diff in words', () => {
  const fields = [
    { name: 'title', label: '标题', type: 'text' },
    {
      type: 'collapsible',
      label: '归属与分类',
      fields: [
        { name: 'unit', label: '承办单位', type: 'relationship' },
        { name: 'questions', label: '相似问', type: 'array', fields: [{ name: 'text', label: '问法' }] },
      ],
    },
    {
      name: 'guide',
      label: { zh: '办事指南' },
      type: 'group',
      fields: [{ name: 'materials', label: '申请材料', type: 'array', fields: [{ name: 'text', label: '材料' }] }],
    },
  ]

  it('labels field paths as the form does', () => {
    const labels = fieldLabels(fields)
    expect(labels.get('guide.materials')).toBe('办事指南 · 申请材料')
    expect(labels.get('unit')).toBe('承办单位')
    expect(labels.get('questions')).toBe('相似问')
    expect(labels.has('questions.text')).toBe(false)
  })

  it('names related units, categories and entries instead of their ids', () => {
    const diff = diffEntries(
      {
        unit: { id: 3, name: '江临市公安局' },
        category: { id: 7, name: '身份证', path: '户籍证件/身份证' },
        relatedEntries: [{ id: 9, code: 'KB-1009', title: '户口迁移' }],
      },
      {
        unit: { id: 4, name: '江临市民政局' },
        category: { id: 8, name: '婚姻登记', path: '民政/婚姻登记' },
        relatedEntries: [],
      },
    )
    expect(diff).toEqual([
      { field: 'unit', before: '江临市公安局', after: '江临市民政局' },
      { field: 'category', before: '户籍证件/身份证', after: '民政/婚姻登记' },
      { field: 'relatedEntries', before: 'KB-1009 户口迁移', after: '' },
    ])
  })
})

describe('the public entry page', () => {
  it('keeps only body lines that its fields do not already show', () => {
    const body = [
      '本市户籍居民可申领。',
      '办理条件：具有本市常住户口的公民',
      '申请材料：居民户口簿。',
      '办理时限：20个工作日；收费：不收费；咨询电话：0000-8610110。',
      '投诉电话：12345',
      '',
      '注意：照片须近6个月内拍摄',
    ].join('\n')
    expect(bodyBeyondFields(body, { summary: '本市户籍居民可申领。', labels: SHOWN_LABELS.guide })).toEqual([
      '投诉电话：12345',
      '注意：照片须近6个月内拍摄',
    ])
  })

  it.each([
    ['0000-8610110', 'tel:00008610110'],
    ['12345', 'tel:12345'],
    ['13912345678', 'tel:13912345678'],
    ['0571-87654321转123', 'tel:057187654321,123'],
    ['0571-87654321-123', 'tel:057187654321,123'],
    ['400-123-4567', 'tel:4001234567'],
  ])('dials %s as %s', (phone, href) => {
    expect(telHref(phone)).toBe(href)
  })
})
