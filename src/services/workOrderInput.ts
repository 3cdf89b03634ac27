/** What a work-order request may carry: one schema for the HTTP API and the MCP tools. */
import { z } from 'zod'

import { isCreditCode } from '../domain/workOrders/creditCode'
import type { OrderAction } from '../domain/workOrders/orderFlow'
import {
  CHANNELS,
  CLAIMANT_KINDS,
  NOT_ACCEPTED_REASONS,
  ORDER_TYPES,
  SATISFACTION,
  URGENCIES,
} from '../domain/workOrders/orderTypes'

const values = (list: readonly { value: string }[]) => list.map((v) => v.value) as [string, ...string[]]
export const text = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `${message}（不超过 ${max} 字）`)
export const orderNumber = z
  .string()
  .regex(/^GD\d{14}$/, '工单编号格式如 GD20261125000123 / number like GD20261125000123')
const codes = z.array(z.string().regex(/^[A-Za-z0-9-]{1,40}$/, '知识编号格式不对')).max(10)

export const newOrder = z.object({
  channel: z.enum(values(CHANNELS), { error: `channel 只能是 ${values(CHANNELS).join('、')}` }).optional(),
  type: z.enum(values(ORDER_TYPES), { error: `type 只能是 ${values(ORDER_TYPES).join('、')}` }),
  urgency: z.enum(values(URGENCIES), { error: 'urgency 只能是 normal 或 urgent' }).optional(),
  complex: z.boolean().optional(),
  title: text(200, '请填写标题 title'),
  content: text(5000, '请填写诉求内容 content'),
  category: z.string().trim().min(1).max(200).optional().describe('诉求分类：目录编码或完整路径，如 社会保障/养老保险'),
  district: z.string().max(50).optional(),
  address: z.string().max(200).optional(),
  respondent: z.string().trim().max(200).optional().describe('被投诉、举报的对象（投诉、举报时填写）'),
  claimant: z
    .object({
      kind: z
        .enum(values(CLAIMANT_KINDS), { error: `claimant.kind 只能是 ${values(CLAIMANT_KINDS).join('、')}` })
        .optional(),
      companyName: z.string().trim().max(200).optional(),
      creditCode: z
        .string()
        .trim()
        .toUpperCase()
        .refine(isCreditCode, '统一社会信用代码不正确（18 位，末位校验码须符合 GB 32100-2015）')
        .optional(),
      name: z.string().trim().max(50).optional(),
      phone: z
        .string()
        .regex(/^[0-9+\- ]{5,20}$/, '诉求人电话格式不对')
        .optional(),
      idNumber: z
        .string()
        .regex(/^[0-9Xx]{15,18}$/, '证件号码格式不对')
        .optional(),
      anonymous: z.boolean().optional(),
      confidential: z.boolean().optional(),
      noReply: z.boolean().optional(),
    })
    .refine((c) => c.kind !== 'enterprise' || (c.companyName && c.creditCode), {
      message: '企业诉求须填写企业名称 companyName 和统一社会信用代码 creditCode',
    })
    .refine((c) => c.kind !== 'organisation' || c.companyName, { message: '组织诉求须填写组织名称 companyName' })
    .default({}),
  citedEntries: codes.optional(),
  suggestedCategory: z
    .string({ error: '建议分类 suggestedCategory 应为分类编号' })
    .trim()
    .min(1)
    .max(40, '建议分类 suggestedCategory 应为分类编号')
    .optional()
    .describe('受理时展示给话务员的首选建议分类编号（GET /suggestions 的 categories[0].id）；不填时由系统按模型计算'),
  related: z
    .array(orderNumber, { error: '关联工单 related 应为工单编号列表' })
    .max(20, '关联工单 related 最多 20 张')
    .optional()
    .describe('关联的相似工单编号（同一问题多人反映）'),
})

export const actionBody = z.object({
  unit: z.string().max(100).optional(),
  units: z.array(z.string().max(100)).max(10).optional(),
  designated: z.boolean().optional(),
  reason: z.string().trim().max(2000).optional(),
  basis: z.string().trim().max(2000).optional(),
  note: z.string().trim().max(2000).optional(),
  days: z.number({ error: 'days 须为数字' }).int().optional(),
  citedEntries: codes.optional(),
  noKnowledge: z.boolean().optional(),
  answer: z.string().max(5000).optional(),
  result: z.string().trim().max(5000).optional(),
  text: z.string().trim().max(5000).optional(),
  contacted: z.boolean().optional(),
  satisfaction: z
    .enum(values(SATISFACTION), { error: `satisfaction 只能是 ${values(SATISFACTION).join('、')}` })
    .optional(),
  solved: z.boolean().optional(),
  duplicateOf: z
    .string()
    .regex(/^GD\d{14}$/, 'duplicateOf 须为工单编号，如 GD20261125000123')
    .optional(),
})

export const notAcceptReason = z.enum(values(NOT_ACCEPTED_REASONS), {
  error: `不予受理类别 reason 只能是 ${values(NOT_ACCEPTED_REASONS).join('、')}`,
})

/** What intake knows of an order so far, for category and unit suggestions. */
export const intakeQuery = z
  .object({
    title: z.string({ error: '标题 title 应为文本' }).trim().max(200, '标题 title 不超过 200 字').optional(),
    content: z
      .string({ error: '诉求内容 content 应为文本' })
      .trim()
      .max(5000, '诉求内容 content 不超过 5000 字')
      .optional(),
    district: z.string({ error: '区域 district 应为文本' }).trim().max(50, '区域 district 不超过 50 字').optional(),
    category: z
      .string({ error: '诉求分类 category 应为分类编号' })
      .trim()
      .max(40, '诉求分类 category 应为分类编号')
      .optional(),
  })
  .refine((q) => q.title || q.content, { message: '请至少填写标题 title 或诉求内容 content' })

/** What intake knows of a caller and a problem, to find the caller's orders and similar open ones. */
export const similarQuery = z
  .object({
    phone: z
      .string({ error: '电话 phone 应为文本' })
      .regex(/^[0-9+\- ]{5,20}$/, '诉求人电话格式不对')
      .optional(),
    address: z.string({ error: '地址 address 应为文本' }).trim().max(200, '地址 address 不超过 200 字').optional(),
    district: z.string({ error: '区域 district 应为文本' }).trim().max(50, '区域 district 不超过 50 字').optional(),
    title: z.string({ error: '标题 title 应为文本' }).trim().max(200, '标题 title 不超过 200 字').optional(),
    content: z
      .string({ error: '诉求内容 content 应为文本' })
      .trim()
      .max(5000, '诉求内容 content 不超过 5000 字')
      .optional(),
  })
  .refine((q) => q.phone || q.title || q.content, { message: '请至少填写电话 phone、标题 title 或诉求内容 content' })

/** The input of one action: 不予受理 must name its category. */
export const actionInputFor = (action: OrderAction) =>
  action === 'not-accept' ? actionBody.extend({ reason: notAcceptReason }) : actionBody
