/**
 * The knowledge exchange format (one JSON object per entry; see README "Import format") and its
 * translation into the data of a knowledge entry. Pure: references to units, categories and other
 * entries stay as names and codes for the importer to resolve.
 */
import { z } from 'zod'

import { ENTRY_CODE_FORMAT_MESSAGE, isEntryCode } from '../knowledge/entryCode'
import { ENTRY_TYPES, type EntryType } from '../knowledge/entryTypes'
import { parseHotlineDate } from '../shanghaiTime'

const text = z.string().trim()
const optionalText = text.optional().nullable()
const textList = z.array(text.min(1)).optional().nullable()
const code = text.refine(isEntryCode, ENTRY_CODE_FORMAT_MESSAGE)
const date = text
  .refine((s) => parseHotlineDate(s) !== undefined, '日期格式应为 YYYY-MM-DD')
  .transform((s) => parseHotlineDate(s)!.toISOString())
const optionalDate = date.optional().nullable()

const typeFieldSchemas = {
  guide: z.object({
    basis: optionalText,
    conditions: optionalText,
    materials: textList,
    steps: textList,
    timeLimit: optionalText,
    fee: optionalText,
    phone: optionalText,
    online: optionalText,
    locationIds: z.array(code).optional().nullable(),
  }),
  location: z.object({
    address: optionalText,
    hours: optionalText,
    phone: optionalText,
    district: optionalText,
    transit: optionalText,
  }),
  policy: z.object({
    effectiveDate: optionalDate,
    level: z.enum(['national', 'provincial', 'city', 'district']).optional().nullable(),
    target: z.enum(['enterprise', 'individual', 'both']).optional().nullable(),
    keyPoints: textList,
  }),
  faq: z.object({ question: optionalText, answer: optionalText }),
  notice: z.object({ eventStart: optionalDate, eventEnd: optionalDate }),
  script: z.object({}),
} satisfies Record<EntryType, z.ZodObject>

const recordSchema = z.object({
  id: code.optional().nullable(),
  type: z.enum(ENTRY_TYPES.map((t) => t.value) as [EntryType, ...EntryType[]], {
    error: '类型无效，应为 guide、location、policy、faq、notice 或 script',
  }),
  // An empty spreadsheet cell is no key at all: "missing" is said in words, not as a type error.
  unit: z.string({ error: '缺少承办单位' }).trim().min(1, '缺少承办单位'),
  category: optionalText,
  title: z.string({ error: '缺少标题' }).trim().min(1, '缺少标题'),
  summary: optionalText,
  body: optionalText,
  audience: z.enum(['public', 'internal']).optional().nullable(),
  validFrom: optionalDate,
  validUntil: optionalDate,
  tags: textList,
  /** 相似问: other ways callers ask for this entry. */
  questions: textList,
  districts: textList,
  reviewCycleDays: z.number().int().positive().optional().nullable(),
  relatedIds: z.array(code).optional().nullable(),
  source: z
    .object({ documentNumber: optionalText, issuingBody: optionalText, link: optionalText, itemCode: optionalText })
    .optional()
    .nullable(),
  fields: z.record(z.string(), z.unknown()).optional().nullable(),
})

export type ExchangeRecord = z.infer<typeof recordSchema>

/** An entry ready to store, with its references still by name or code. */
export type ImportableEntry = {
  code: string | undefined
  /** The code of the item in its source catalogue (事项编码): re-imports without our code match by it. */
  itemCode?: string
  unitName: string
  categoryPath: string | undefined
  /** A catalogue theme: an existing category of that name, or one created under the catalogue root. */
  categoryTheme?: string
  locationCodes: string[]
  relatedCodes: string[]
  bodyText: string | undefined
  data: Record<string, unknown>
}

export type ParseResult = { ok: true; entry: ImportableEntry } | { ok: false; error: string }

const describe = (error: z.ZodError): string =>
  error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('；')

const items = (list: string[] | null | undefined) => list?.map((t) => ({ text: t }))

/** Drops null and undefined so that absent fields keep their stored values on re-import. */
const compact = <T extends Record<string, unknown>>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>

function typeData(type: EntryType, fields: Record<string, unknown>): Record<string, unknown> {
  switch (type) {
    case 'guide': {
      const { locationIds: _refs, materials, steps, ...rest } = fields as z.infer<typeof typeFieldSchemas.guide>
      return { guide: compact({ ...rest, materials: items(materials), steps: items(steps) }) }
    }
    case 'policy': {
      const { keyPoints, ...rest } = fields as z.infer<typeof typeFieldSchemas.policy>
      return { policy: compact({ ...rest, keyPoints: items(keyPoints) }) }
    }
    case 'script':
      return {}
    default:
      return { [type]: compact(fields) }
  }
}

export function parseExchangeRecord(raw: unknown): ParseResult {
  const parsed = recordSchema.safeParse(raw)
  if (!parsed.success) return { ok: false, error: describe(parsed.error) }
  const r = parsed.data
  const fieldsParsed = typeFieldSchemas[r.type].safeParse(r.fields ?? {})
  if (!fieldsParsed.success) return { ok: false, error: describe(fieldsParsed.error) }
  const fields = fieldsParsed.data as Record<string, unknown>
  return {
    ok: true,
    entry: {
      code: r.id ?? undefined,
      itemCode: r.source?.itemCode ?? undefined,
      unitName: r.unit,
      categoryPath: r.category ?? undefined,
      locationCodes: (fields.locationIds as string[] | undefined) ?? [],
      relatedCodes: r.relatedIds ?? [],
      bodyText: r.body ?? undefined,
      data: compact({
        code: r.id,
        type: r.type,
        title: r.title,
        summary: r.summary,
        audience: r.audience,
        validFrom: r.validFrom,
        validUntil: r.validUntil,
        tags: r.tags,
        questions: r.questions,
        districts: r.districts,
        reviewCycleDays: r.reviewCycleDays,
        source: r.source ? compact(r.source) : undefined,
        ...typeData(r.type, fields),
      }),
    },
  }
}
