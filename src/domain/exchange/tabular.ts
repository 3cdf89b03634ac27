/**
 * Spreadsheet rows (CSV, XLSX) as exchange records: one row per entry, headers either the exchange
 * key or its Chinese label (any width, with or without a separator note), list cells separated by "；".
 */
import { ENTRY_TYPES } from '../knowledge/entryTypes'

type Column = { key: string; zh: string; place: 'top' | 'fields' | 'source'; list?: true; number?: true }

export const COLUMNS: readonly Column[] = [
  { key: 'id', zh: '知识编号', place: 'top' },
  { key: 'type', zh: '类型', place: 'top' },
  { key: 'unit', zh: '承办单位', place: 'top' },
  { key: 'category', zh: '知识库目录', place: 'top' },
  { key: 'title', zh: '标题', place: 'top' },
  { key: 'summary', zh: '摘要', place: 'top' },
  { key: 'body', zh: '正文', place: 'top' },
  { key: 'audience', zh: '公开范围', place: 'top' },
  { key: 'validFrom', zh: '生效日期', place: 'top' },
  { key: 'validUntil', zh: '有效期至', place: 'top' },
  { key: 'tags', zh: '关键词', place: 'top', list: true },
  { key: 'questions', zh: '相似问', place: 'top', list: true },
  { key: 'districts', zh: '适用区域', place: 'top', list: true },
  { key: 'reviewCycleDays', zh: '复核周期', place: 'top', number: true },
  { key: 'relatedIds', zh: '相关条目', place: 'top', list: true },
  { key: 'documentNumber', zh: '文号', place: 'source' },
  { key: 'issuingBody', zh: '发文机关', place: 'source' },
  { key: 'link', zh: '链接', place: 'source' },
  { key: 'itemCode', zh: '事项编码', place: 'source' },
  { key: 'basis', zh: '设定依据', place: 'fields' },
  { key: 'conditions', zh: '办理条件', place: 'fields' },
  { key: 'materials', zh: '申请材料', place: 'fields', list: true },
  { key: 'steps', zh: '办理流程', place: 'fields', list: true },
  { key: 'timeLimit', zh: '办理时限', place: 'fields' },
  { key: 'fee', zh: '收费标准', place: 'fields' },
  { key: 'phone', zh: '电话', place: 'fields' },
  { key: 'online', zh: '网上办理', place: 'fields' },
  { key: 'locationIds', zh: '办事地点编号', place: 'fields', list: true },
  { key: 'address', zh: '地址', place: 'fields' },
  { key: 'hours', zh: '办公时间', place: 'fields' },
  { key: 'district', zh: '所在区', place: 'fields' },
  { key: 'transit', zh: '交通指引', place: 'fields' },
  { key: 'effectiveDate', zh: '施行日期', place: 'fields' },
  { key: 'level', zh: '层级', place: 'fields' },
  { key: 'target', zh: '适用对象', place: 'fields' },
  { key: 'keyPoints', zh: '政策要点', place: 'fields', list: true },
  { key: 'question', zh: '问题', place: 'fields' },
  { key: 'answer', zh: '答案', place: 'fields' },
  { key: 'eventStart', zh: '开始时间', place: 'fields' },
  { key: 'eventEnd', zh: '结束时间', place: 'fields' },
]

/** Which type-specific columns belong to each entry type (others are ignored for that row). */
const FIELDS_OF_TYPE: Record<string, string[]> = {
  guide: ['basis', 'conditions', 'materials', 'steps', 'timeLimit', 'fee', 'phone', 'online', 'locationIds'],
  location: ['address', 'hours', 'phone', 'district', 'transit'],
  policy: ['effectiveDate', 'level', 'target', 'keyPoints'],
  faq: ['question', 'answer'],
  notice: ['eventStart', 'eventEnd'],
  script: [],
}

/** Chinese labels people type in select columns, mapped to stored values. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  type: Object.fromEntries(ENTRY_TYPES.map((t) => [t.label, t.value])),
  audience: { 公开: 'public', 内部: 'internal' },
  level: { 国家级: 'national', 省级: 'provincial', 市级: 'city', 区级: 'district' },
  target: { 企业: 'enterprise', 个人: 'individual', 企业和个人: 'both', 企业和个人均可: 'both' },
}

/**
 * A header as people type it: full-width letters, brackets and semicolons folded (NFKC), spaces
 * dropped, and a trailing note in brackets left out — so 相似问（；分隔）, 相似问(;分隔), 相似问 and
 * "Questions" all name the same column.
 */
export function headerKey(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/\([^()]*\)$/, '')
    .toLowerCase()
}

const byHeader = new Map(COLUMNS.flatMap((c) => [[headerKey(c.key), c] as const, [headerKey(c.zh), c] as const]))

const columnOf = (header: string) => byHeader.get(headerKey(header))

/** The headers of a sheet that name no column: reported to the importer rather than dropped. */
export function unknownHeaders(headers: readonly string[]): string[] {
  return headers.filter((h) => h.trim() !== '' && !columnOf(h))
}

/** List cells are split on the full-width "；" as documented, and on ";" or line breaks typed instead. */
const LIST_SPLIT = /[；;\r\n]+/

/** The exchange record of one row; cells that are empty are left out. */
export function rowToRecord(row: Record<string, unknown>): Record<string, unknown> {
  const top: Record<string, unknown> = {}
  const fields: Record<string, unknown> = {}
  const source: Record<string, unknown> = {}
  for (const [header, cell] of Object.entries(row)) {
    const column = columnOf(header)
    const raw =
      cell === null || cell === undefined
        ? ''
        : cell instanceof Date
          ? cell.toISOString().slice(0, 10)
          : String(cell).trim()
    if (!column || raw === '') continue
    const mapped = VALUE_LABELS[column.key]?.[raw] ?? raw
    const value = column.list
      ? mapped
          .split(LIST_SPLIT)
          .map((s) => s.trim())
          .filter(Boolean)
      : column.number
        ? Number(mapped)
        : mapped
    ;({ top, fields, source })[column.place][column.key] = value
  }
  const allowed = FIELDS_OF_TYPE[String(top.type)] ?? []
  const ownFields = Object.fromEntries(Object.entries(fields).filter(([k]) => allowed.includes(k)))
  return {
    ...top,
    ...(Object.keys(source).length ? { source } : {}),
    ...(Object.keys(ownFields).length ? { fields: ownFields } : {}),
  }
}
