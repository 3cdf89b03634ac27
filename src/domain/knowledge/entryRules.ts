/** Validation rules for knowledge entries, as pure functions returning a Chinese message or true. */
import { endOfValidityDay } from '../shanghaiTime'

type Check = true | string

const toTime = (value: unknown): number | undefined => {
  if (value === null || value === undefined || value === '') return undefined
  const t = new Date(value as string).getTime()
  return Number.isNaN(t) ? undefined : t
}

/** An end that is set may not lie before a start that is set (both days count, so equal is fine). */
export function checkDateOrder(start: unknown, end: unknown, message: string): Check {
  const from = toTime(start)
  const until = toTime(end)
  return from !== undefined && until !== undefined && until < from ? message : true
}

export const checkValidityWindow = (validFrom: unknown, validUntil: unknown): Check =>
  checkDateOrder(validFrom, validUntil, '有效期至不能早于生效日期')

export const checkEventWindow = (eventStart: unknown, eventEnd: unknown): Check =>
  checkDateOrder(eventStart, eventEnd, '结束时间不能早于开始时间')

const hasItems = (list: unknown): boolean => Array.isArray(list) && list.length > 0

export function checkGuideContent(materials: unknown, steps: unknown): Check {
  return hasItems(materials) || hasItems(steps) ? true : '办事指南至少需要填写申请材料或办理流程之一'
}

/** True once the whole validUntil day (Shanghai time) has passed at the given instant. */
export function isPastValidity(validUntil: unknown, at: Date): boolean {
  const until = toTime(validUntil)
  return until !== undefined && endOfValidityDay(new Date(until)).getTime() <= at.getTime()
}
