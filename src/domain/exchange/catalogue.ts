/**
 * Government-service catalogues (政务服务事项实施清单) as units keep them on the provincial portal,
 * imported as they are: each item becomes a guide, its service hall a location entry shared by the
 * items handled there. Keys are the portal's export names (TASK_NAME …) or the list's Chinese column
 * headers (事项名称 …). The mapping is documented in README "Importing a service catalogue".
 */
import { createHash } from 'node:crypto'

import { isValidPhone, splitPhones } from '../phone'
import { type ImportableEntry, parseExchangeRecord } from './record'

/** Our name for each catalogue field, with the keys it goes by. */
const KEYS = {
  code: ['TASK_CODE', '事项编码'],
  name: ['TASK_NAME', '事项名称'],
  unit: ['DEPT_NAME', '实施主体'],
  type: ['TASK_TYPE_TEXT', '事项类型'],
  level: ['matter_level', '行使层级'],
  area: ['AREA_CODE_TEXT', '行政区划'],
  themes: ['theme_category', '主题分类'],
  audiences: ['service_object_name', '服务对象'],
  conditions: ['accept_standard', '受理条件'],
  materials: ['material_intro', '申请材料'],
  location: ['handle_location', '办理地点'],
  hours: ['handle_time', '办理时间'],
  promised: ['handle_time_limit', '承诺时限'],
  legal: ['legal_time_limit', '法定时限'],
  phone: ['consult_phone', '咨询电话'],
  complaints: ['complain_phone', '投诉电话'],
  url: ['URL', '网址'],
} as const

type Key = keyof typeof KEYS
type Item = Partial<Record<Key, string | string[]>>

/** Root of the categories created for catalogue themes that match no existing category. */
export const CATALOGUE_CATEGORY_ROOT = '政务服务事项'

/** A record looks like a catalogue item when it names an item and the body that implements it. */
export function isCatalogueItem(record: unknown): boolean {
  if (!record || typeof record !== 'object') return false
  const has = (key: Key) => KEYS[key].some((k) => k in record)
  return has('name') && has('unit')
}

/** The portal writes "无" (none) where a field does not apply. */
const NONE = new Set(['', '无', '暂无', '/', '-'])

function read(raw: Record<string, unknown>): Item {
  const item: Item = {}
  for (const [key, names] of Object.entries(KEYS) as [Key, readonly string[]][]) {
    const value = names.map((n) => raw[n]).find((v) => v !== undefined && v !== null)
    if (Array.isArray(value)) {
      const list = value.map((v) => String(v).trim()).filter((v) => !NONE.has(v))
      if (list.length) item[key] = list
    } else if (value !== undefined && !NONE.has(String(value).trim())) {
      item[key] = String(value).trim()
    }
  }
  return item
}

/** Lists come as JSON arrays, or in a spreadsheet cell one per line or separated by "；". */
const list = (value: string | string[] | undefined): string[] =>
  Array.isArray(value)
    ? value
    : (value
        ?.split(/[\n；]+/)
        .map((s) => s.trim())
        .filter((s) => !NONE.has(s)) ?? [])

const text = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join('、') : value

/** "7(工作日)" → "7个工作日"; other wordings are kept. */
export function formatDuration(value: string | undefined): string | undefined {
  const m = value && /^(\d+)\s*[(（]\s*(工作日|自然日|日|天)\s*[)）]$/.exec(value)
  return m ? `${m[1]}个${m[2] === '工作日' ? '工作日' : '自然日'}` : value
}

/** The phone numbers in a free text such as "省厅：020-86351219、86351130；咨询电话号码：020-12348。". */
export function extractPhones(value: string | undefined): string | undefined {
  if (!value) return undefined
  const candidates = value.match(/(?:0\d{2,3}-?)?\d{5,8}(?:(?:-|转)\d{1,6})?|1[3-9]\d{9}|[48]00-?\d{3}-?\d{4}/g) ?? []
  const phones = candidates
    // A city prefix before a short service number ("020-12348") is dropped: the number is dialled as is.
    .map((p) => p.replace(/^0\d{2,3}-?(1\d{4}|9\d{4})$/, '$1'))
    .filter((p) => isValidPhone(p))
  const unique = [...new Set(phones.flatMap(splitPhones))]
  return unique.length ? unique.join('、') : undefined
}

/** "办理地点：广州市…窗口" → the address; undefined for "无线下办理窗口" (online only). */
export function locationAddress(value: string | undefined): string | undefined {
  if (!value || /^无线下/.test(value)) return undefined
  return value.replace(/^办理地点[:：]\s*/, '').trim() || undefined
}

/** A stable key for the service hall of a unit at an address (its location entry's item code). */
const locationCode = (unit: string, address: string) =>
  `LOC-${createHash('sha1').update(`${unit}\n${address}`).digest('hex').slice(0, 12).toUpperCase()}`

export type CatalogueParse = { ok: true; entries: ImportableEntry[] } | { ok: false; error: string }

/**
 * The entries of one catalogue item: its service hall (when it has one) and its guide, the guide
 * referring to the hall by item code. Fields without a place of their own go to the body, verbatim.
 */
export function parseCatalogueItem(raw: unknown): CatalogueParse {
  if (!raw || typeof raw !== 'object') return { ok: false, error: '不是事项记录' }
  const item = read(raw as Record<string, unknown>)
  const name = text(item.name)
  const unit = text(item.unit)
  const code = text(item.code)
  if (!name) return { ok: false, error: '缺少事项名称' }
  if (!unit) return { ok: false, error: '缺少实施主体' }

  const address = locationAddress(text(item.location))
  const hoursText = text(item.hours)
  // Some portals export the legal time limit as 办理时间 ("30(工作日)"); a real schedule is office hours.
  const hoursAreDuration = hoursText !== undefined && formatDuration(hoursText) !== hoursText
  const legal = formatDuration(text(item.legal)) ?? (hoursAreDuration ? formatDuration(hoursText) : undefined)
  const promised = formatDuration(text(item.promised))
  const timeLimit = [promised && `承诺时限${promised}`, legal && `法定时限${legal}`].filter(Boolean).join('；')
  const themes = list(item.themes).filter((t) => t !== '其他')
  const materials = list(item.materials)

  const entries: ImportableEntry[] = []
  const hall = address ? locationCode(unit, address) : undefined
  if (address && hall) {
    const parsed = parseExchangeRecord({
      type: 'location',
      unit,
      title: `${unit}（${address}）`,
      source: { itemCode: hall, issuingBody: unit },
      fields: { address, hours: hoursAreDuration ? undefined : hoursText },
    })
    if (!parsed.ok) return parsed
    entries.push(parsed.entry)
  }

  const phoneText = text(item.phone)
  const complaints = text(item.complaints)
  const body = [
    code && `事项编码：${code}`,
    text(item.type) && `事项类型：${text(item.type)}`,
    (text(item.level) || text(item.area)) &&
      `行使层级：${[text(item.level), text(item.area)].filter(Boolean).join('，')}`,
    list(item.audiences).length && `服务对象：${list(item.audiences).join('、')}`,
    `办理地点：${address ?? '无线下办理窗口，网上办理'}`,
    hoursText && !hoursAreDuration && `办理时间：${hoursText}`,
    timeLimit && `办理时限：${timeLimit}`,
    phoneText && `咨询电话：${phoneText}`,
    complaints && `投诉电话：${complaints}`,
  ].filter(Boolean)
  const guide = parseExchangeRecord({
    type: 'guide',
    unit,
    title: name,
    summary: `${text(item.type) ?? '政务服务'}事项，由${unit}实施${address ? '' : '，无线下办理窗口'}。`,
    body: body.join('\n'),
    tags: [...themes, ...(text(item.type) ? [text(item.type)] : [])],
    source: { itemCode: code, issuingBody: unit, link: text(item.url) },
    fields: {
      conditions: text(item.conditions),
      // Many items list no materials ("无"); a guide needs the line, and the caller the advice.
      materials: materials.length ? materials : ['事项清单未列出申请材料，请向实施主体咨询'],
      timeLimit: timeLimit || undefined,
      phone: extractPhones(phoneText),
      online: text(item.url),
    },
  })
  if (!guide.ok) return guide
  entries.push({
    ...guide.entry,
    categoryTheme: themes[0] ?? '其他',
    locationCodes: hall ? [hall] : [],
  })
  return { ok: true, entries }
}
