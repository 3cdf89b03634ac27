/**
 * What a claimant may learn of an order by its number and the last four digits of their phone
 * (第十一条: 诉求人有权知悉办理情况): the stage, the handling unit, the deadline and the reply — never
 * the claimant's identity (not even where a reply names them), never internal notes, and for a
 * confidential order only the stage.
 */
import crypto from 'node:crypto'

import { labelOf } from '../labels'
import { shanghaiDateTimeString } from '../shanghaiTime'
import { NOT_ACCEPTED_REASONS, ORDER_TYPES } from './orderTypes'
import { maskName } from './personalData'

/** The stage as the public reads it: internal review steps (退回审核, 延期审核, 会商) stay inside the hotline. */
const PUBLIC_STAGE: Record<string, string> = {
  intake: '已受理，正在分派',
  consulting: '已受理，正在分派',
  dispatched: '已派发至承办单位',
  return_requested: '已派发至承办单位',
  accepted: '承办单位办理中',
  extension_requested: '承办单位办理中',
  awaiting_info: '待您补充材料（暂停计时）',
  replied: '已答复，待回访',
  called_back: '已回访',
  split: '已分派多个承办单位分别办理',
  closed: '已办结',
}

const OPEN = new Set(['dispatched', 'return_requested', 'accepted', 'extension_requested', 'awaiting_info'])

export type ProgressFacts = {
  number: string
  state: string
  type: string
  createdAt: string
  resolution?: string | null
  confidential?: boolean | null
  unitName?: string | null
  dueAt?: string | null
  answer?: string | null
  replyText?: string | null
  notAcceptedReason?: string | null
}

export type PublicProgress = {
  number: string
  stage: string
  confidential: boolean
  type?: string
  receivedAt?: string
  unit?: string | null
  deadline?: string | null
  reply?: string | null
}

/** Whether the digits a visitor typed are the last four of the claimant's phone, read from its masked form (which keeps them), in constant time. */
export function phoneTailMatches(phoneMasked: string | null | undefined, typed: string): boolean {
  const tail = (phoneMasked ?? '').slice(-4)
  if (!/^\d{4}$/.test(tail) || !/^\d{4}$/.test(typed)) return false
  return crypto.timingSafeEqual(Buffer.from(tail), Buffer.from(typed))
}

/** Mobile and ID numbers a handler may have typed into a reply (units' landlines stay: claimants call them). */
const PERSONAL_NUMBERS = /(?<![0-9])(?:\d{17}[\dXx]|\d{15}|1\d{10})(?![0-9])/g

/** Replies are written for the claimant, yet may quote a number of theirs: the public page never shows one. */
export const scrubNumbers = (text: string): string => text.replace(PERSONAL_NUMBERS, (m) => '*'.repeat(m.length))

/** The reply as the public page shows it: without personal numbers, and without the claimant's name where the handler wrote it. */
export function scrubReply(text: string, claimantName?: string | null): string {
  const name = claimantName?.trim()
  const named = name && [...name].length > 1 ? text.split(name).join(maskName(name)) : text
  return scrubNumbers(named)
}

/** Whether the public answer will carry a reply (so the claimant's name is needed to scrub it). */
export const showsReply = (o: ProgressFacts): boolean =>
  !o.confidential && ['replied', 'called_back', 'closed'].includes(o.state) && o.resolution !== 'not_accepted'

export function publicProgress(o: ProgressFacts, claimantName?: string | null): PublicProgress {
  const stage = PUBLIC_STAGE[o.state] ?? '已受理'
  if (o.confidential) return { number: o.number, stage, confidential: true }
  const reply =
    o.resolution === 'not_accepted'
      ? `不予受理：${labelOf(NOT_ACCEPTED_REASONS, o.notAcceptedReason ?? 'other')}`
      : showsReply(o)
        ? (o.replyText ?? o.answer ?? null)
        : null
  return {
    number: o.number,
    stage,
    confidential: false,
    type: labelOf(ORDER_TYPES, o.type),
    receivedAt: shanghaiDateTimeString(new Date(o.createdAt)),
    unit: o.unitName ?? null,
    deadline: OPEN.has(o.state) && o.dueAt ? shanghaiDateTimeString(new Date(o.dueAt)) : null,
    reply: reply ? scrubReply(reply, claimantName) : null,
  }
}
