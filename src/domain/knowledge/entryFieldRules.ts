/**
 * The knowledge-entry collection's field rules on a whole entry at once: what its validators check,
 * through the same pure functions. The importer's bulk writes store only entries that pass; any other
 * goes through Payload's own validation, which names the problem.
 */
import { isValidPhone } from '../phone'
import { checkWholeNumber, type WholeNumberRange } from '../wholeNumber'
import { isEntryCode } from './entryCode'
import { checkEventWindow, checkGuideContent, checkValidityWindow } from './entryRules'
import { AUDIENCES, ENTRY_TYPES } from './entryTypes'

export const REVIEW_CYCLE_DAYS: WholeNumberRange = { min: 1, max: 3650 }

type Group = Record<string, unknown> | null | undefined
type Entry = Record<string, unknown> & { guide?: Group; location?: Group; notice?: Group }

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== ''
const phoneOk = (v: unknown) => v === undefined || v === null || v === '' || (typeof v === 'string' && isValidPhone(v))
const oneOf = (v: unknown, values: readonly { value: string }[]) => values.some((o) => o.value === v)
const itemsOk = (list: unknown) =>
  list === undefined || (Array.isArray(list) && list.every((i) => filled((i as { text?: unknown })?.text)))

export function passesEntryFieldRules(entry: Entry): boolean {
  const { guide, location, notice } = entry
  return (
    typeof entry.code === 'string' &&
    isEntryCode(entry.code) &&
    oneOf(entry.type, ENTRY_TYPES) &&
    oneOf(entry.audience, AUDIENCES) &&
    filled(entry.title) &&
    entry.unit !== undefined &&
    entry.unit !== null &&
    checkValidityWindow(entry.validFrom, entry.validUntil) === true &&
    checkWholeNumber(entry.reviewCycleDays, REVIEW_CYCLE_DAYS) === true &&
    (entry.type !== 'guide' || checkGuideContent(guide?.materials, guide?.steps) === true) &&
    itemsOk(guide?.materials) &&
    itemsOk(guide?.steps) &&
    itemsOk((entry.policy as Group)?.keyPoints) &&
    phoneOk(guide?.phone) &&
    phoneOk(location?.phone) &&
    checkEventWindow(notice?.eventStart, notice?.eventEnd) === true
  )
}
