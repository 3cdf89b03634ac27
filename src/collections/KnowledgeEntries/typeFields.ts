/** The structured fields each entry type carries, shown only for that type. */
import type { Field, GroupField } from 'payload'

import { checkEventWindow, checkGuideContent } from '../../domain/knowledge/entryRules'
import { dayField } from '../../fields/day'
import { phoneField } from '../../fields/phone'

type EntryData = { type?: string }

const forType = (type: string, name: string, label: string, fields: Field[]): GroupField => ({
  name,
  label,
  type: 'group',
  admin: { condition: (data) => (data as EntryData)?.type === type },
  fields,
})

/** A list of short texts, one row each (materials, steps, key points). */
const textList = (name: string, label: string, itemLabel: string, extra: Partial<Field> = {}): Field =>
  ({
    name,
    label,
    type: 'array',
    labels: { singular: itemLabel, plural: label },
    fields: [{ name: 'text', label: itemLabel, type: 'textarea', required: true }],
    ...extra,
  }) as Field

export const guideFields = forType('guide', 'guide', '办事指南信息', [
  { name: 'basis', label: '设定依据', type: 'textarea' },
  { name: 'conditions', label: '办理条件', type: 'textarea' },
  textList('materials', '申请材料', '材料', {
    validate: (value: unknown, { data, siblingData }: { data: EntryData; siblingData: { steps?: unknown } }) =>
      data?.type !== 'guide' || checkGuideContent(value, siblingData?.steps),
  } as Partial<Field>),
  textList('steps', '办理流程', '步骤'),
  { name: 'timeLimit', label: '办理时限', type: 'text' },
  { name: 'fee', label: '收费标准', type: 'text' },
  phoneField({ name: 'phone', label: '咨询电话' }),
  { name: 'online', label: '网上办理', type: 'text' },
  {
    name: 'locations',
    label: '办事地点',
    type: 'relationship',
    relationTo: 'knowledge-entries',
    hasMany: true,
    filterOptions: { type: { equals: 'location' } },
  },
])

export const locationFields = forType('location', 'location', '办事地点信息', [
  { name: 'address', label: '地址', type: 'text' },
  { name: 'hours', label: '办公时间', type: 'textarea' },
  phoneField({ name: 'phone', label: '联系电话' }),
  { name: 'district', label: '所在区', type: 'text' },
  { name: 'transit', label: '交通指引', type: 'textarea' },
])

export const policyFields = forType('policy', 'policy', '政策文件信息', [
  dayField('effectiveDate', '施行日期'),
  {
    name: 'level',
    label: '层级',
    type: 'select',
    options: [
      { value: 'national', label: '国家级' },
      { value: 'provincial', label: '省级' },
      { value: 'city', label: '市级' },
      { value: 'district', label: '区级' },
    ],
  },
  {
    name: 'target',
    label: '适用对象',
    type: 'select',
    options: [
      { value: 'enterprise', label: '企业' },
      { value: 'individual', label: '个人' },
      { value: 'both', label: '企业和个人' },
    ],
  },
  textList('keyPoints', '政策要点', '要点'),
])

export const faqFields = forType('faq', 'faq', '常见问题信息', [
  { name: 'question', label: '问题', type: 'textarea' },
  { name: 'answer', label: '答案', type: 'textarea' },
])

export const noticeFields = forType('notice', 'notice', '通知公告信息', [
  { name: 'eventStart', label: '开始时间', type: 'date', admin: { date: { pickerAppearance: 'dayAndTime' } } },
  {
    name: 'eventEnd',
    label: '结束时间',
    type: 'date',
    admin: { date: { pickerAppearance: 'dayAndTime' } },
    validate: (value: unknown, { siblingData }: { siblingData: { eventStart?: unknown } }) =>
      checkEventWindow(siblingData?.eventStart, value),
  } as Field,
])
