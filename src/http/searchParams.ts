/** Query-string rules shared by the agent and public search endpoints. */
import { z } from 'zod'

import { ENTRY_TYPES } from '../domain/knowledge/entryTypes'
import { HttpError } from './errors'

/** Names of units, categories and districts never hold quotes or control characters. */
const FILTER_VALUE = /^[^`"'\\\p{Cc}]{1,100}$/u

const list = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean))
  .refine(
    (values) => values.every((s) => FILTER_VALUE.test(s)),
    '筛选值不能包含引号、反斜杠或控制字符，且不超过 100 个字',
  )
  .optional()

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .optional()

export const MAX_QUERY_LENGTH = 200
export const MAX_PER_PAGE = 50

const base = {
  q: z
    .string({ error: '请提供查询词 q' })
    .trim()
    .min(1, '查询词 q 不能为空')
    .max(MAX_QUERY_LENGTH, `查询词 q 不能超过 ${MAX_QUERY_LENGTH} 个字`),
  category: list,
  page: z.coerce.number({ error: 'page 必须是数字' }).int('page 必须是整数').min(1, 'page 最小为 1').default(1),
}

export const agentSearchParams = z.object({
  ...base,
  type: list.refine(
    (types) => !types || types.every((t) => ENTRY_TYPES.some((e) => e.value === t)),
    `type 只能是 ${ENTRY_TYPES.map((t) => t.value).join('、')}`,
  ),
  unit: list,
  district: list,
  include_expired: bool,
  per_page: z.coerce
    .number({ error: 'per_page 必须是数字' })
    .int()
    .min(1, 'per_page 最小为 1')
    .max(MAX_PER_PAGE, `per_page 最大为 ${MAX_PER_PAGE}`)
    .default(10),
})

export const publicSearchParams = z.object(base)

export const suggestParams = z.object({ q: base.q })

/** An entry opened from a search: the query, for the search analytics (optional). */
export const openedFrom = z.object({
  q: z.string({ error: 'q 须为文字' }).max(MAX_QUERY_LENGTH, `q 不能超过 ${MAX_QUERY_LENGTH} 个字`).optional(),
})

export const errorReportBody = z.object({
  description: z
    .string({ error: '请填写错误描述 description' })
    .trim()
    .min(5, '错误描述至少 5 个字')
    .max(2000, '错误描述不能超过 2000 个字'),
})

/** Parses a query string or answers 400 with every problem named. */
export function parseParams<T extends z.ZodType>(schema: T, query: unknown): z.infer<T> {
  const parsed = schema.safeParse(query)
  if (parsed.success) return parsed.data
  throw new HttpError(400, parsed.error.issues.map((i) => i.message).join('；'), {
    errors: parsed.error.issues.map((i) => ({ param: i.path.join('.'), message: i.message })),
  })
}
