/**
 * How long a claimant's personal data outlives their order, and what anonymisation removes. An order
 * keeps what the hotline needs for statistics and accountability (type, category, district, units,
 * dates, deadlines, satisfaction, the agent's title, the answers and results, the timeline); it loses
 * who the claimant is and what they themselves gave: name, phone (and its hash), ID number, the
 * claim's own words (`content`), the address (often their home), the reply addressed to them, and
 * the attachments they sent.
 */
export type RetentionOrder = {
  state?: string | null
  anonymisedAt?: string | null
  timeline?: unknown
}

/** States an order does not leave by the flow: closed, and split (its parts live on as their own orders). */
export const FINAL_STATES = ['closed', 'split'] as const

const DAY_MS = 86_400_000

export const ANONYMISED_NAME = '（已匿名化）'
export const ANONYMISED_CONTENT = '（诉求内容已按个人信息保护规定删除）'

/** The fields anonymisation blanks, as the personal-data log names them. */
export const BLANKED_FIELDS = [
  'claimant.name',
  'claimant.phone',
  'claimant.idNumber',
  'content',
  'address',
  'reply.text',
  'attachments',
] as const

/** When the order reached its final state: the last step of its timeline into closed or split. */
export function endedAt(order: RetentionOrder): Date | undefined {
  if (!FINAL_STATES.includes(order.state as (typeof FINAL_STATES)[number])) return undefined
  const steps = Array.isArray(order.timeline) ? (order.timeline as { at?: string; to?: string }[]) : []
  const last = steps.filter((s) => s.to === order.state && s.at).at(-1)
  return last ? new Date(last.at!) : undefined
}

/** Orders that ended before this instant are due. */
export const retentionCutoff = (now: Date, days: number): Date => new Date(now.getTime() - days * DAY_MS)

export function isDueForAnonymisation(order: RetentionOrder, now: Date, days: number): boolean {
  if (order.anonymisedAt) return false
  const ended = endedAt(order)
  return ended !== undefined && ended.getTime() <= retentionCutoff(now, days).getTime()
}

/** A claimant may have their data erased once the order is over; an open order still needs it to be handled. */
export const erasableOnRequest = (order: RetentionOrder): boolean =>
  !order.anonymisedAt && FINAL_STATES.includes(order.state as (typeof FINAL_STATES)[number])

type Claimant = { anonymous?: boolean | null; confidential?: boolean | null; noReply?: boolean | null }
type Reply = { result?: string | null; contacted?: boolean | null }

/** The write that anonymises an order: identity and the claimant's own words blanked, the rest kept. */
export function anonymisation(
  order: { claimant?: Claimant | null; reply?: Reply | null },
  at: Date,
  reason: 'retention' | 'request',
) {
  const c = order.claimant ?? {}
  return {
    content: ANONYMISED_CONTENT,
    address: null,
    attachments: [],
    claimant: {
      nameMasked: ANONYMISED_NAME,
      phoneMasked: null,
      idMasked: null,
      nameEnc: null,
      phoneEnc: null,
      idEnc: null,
      phoneHash: null,
      anonymous: c.anonymous ?? false,
      confidential: c.confidential ?? false,
      noReply: c.noReply ?? false,
    },
    reply: { result: order.reply?.result ?? null, contacted: order.reply?.contacted ?? null, text: null },
    anonymisedAt: at.toISOString(),
    anonymisedReason: reason,
  }
}
