/** The demo knowledge base as exchange records, dated relative to the seeding day. */
import { formatEntryCode } from '../../domain/knowledge/entryCode'
import { shanghaiDateString } from '../../domain/shanghaiTime'
import type { RawRecord } from '../../import/readRecords'
import { DEMO_FAQS } from './faqs'
import { DEMO_GUIDES } from './guides'
import { DEMO_LOCATIONS } from './locations'
import { DEMO_NOTICES, DEMO_SCRIPTS } from './notices'
import { DEMO_POLICIES } from './policies'
import type { DemoEntry } from './types'

const DAY_MS = 86_400_000
/** Demo codes start at KB-1001 so that a real knowledge base imported beside them keeps its own. */
const FIRST_CODE = 1001

export function demoEntryRecords(today: Date): RawRecord[] {
  const day = (offset: number | undefined) =>
    offset === undefined ? undefined : shanghaiDateString(new Date(today.getTime() + offset * DAY_MS))
  const entries: DemoEntry[] = [
    ...DEMO_LOCATIONS,
    ...DEMO_GUIDES,
    ...DEMO_POLICIES,
    ...DEMO_FAQS,
    ...DEMO_NOTICES,
    ...DEMO_SCRIPTS,
  ]
  const code = (entry: DemoEntry, i: number) => entry.id ?? formatEntryCode(FIRST_CODE + i)
  const codeOfTitle = new Map(entries.map((e, i) => [e.title, code(e, i)]))
  return entries.map((entry, i) => {
    const { validFromDays, validUntilDays, fields, replacedBy, ...rest } = entry
    const successor = replacedBy ? codeOfTitle.get(replacedBy) : undefined
    if (replacedBy && !successor) throw new Error(`演示数据：找不到替代条目“${replacedBy}”`)
    const { eventStartDays, eventEndDays, ...typeFields } = (fields ?? {}) as Record<string, unknown>
    return {
      line: i + 1,
      record: {
        ...rest,
        id: code(entry, i),
        ...(successor ? { relatedIds: [...(entry.relatedIds ?? []), successor] } : {}),
        validFrom: day(validFromDays ?? -180),
        validUntil: day(validUntilDays),
        fields: {
          ...typeFields,
          ...(eventStartDays !== undefined
            ? { eventStart: day(eventStartDays as number), eventEnd: day(eventEndDays as number) }
            : {}),
        },
      },
    }
  })
}
