/**
 * The claimant's progress look-up: the order by its number, shown only when the last four digits of
 * the claimant's phone match. A missing order and a wrong pair answer alike, so numbers cannot be
 * probed. The digits are checked against the masked phone (which keeps the last four), so nothing is
 * decrypted to check them; only the claimant's name, when a reply is shown, to mask it there.
 */
import type { Payload } from 'payload'
import { z } from 'zod'

import { env } from '../config/env'
import { decryptField } from '../domain/workOrders/personalData'
import {
  phoneTailMatches,
  type ProgressFacts,
  type PublicProgress,
  publicProgress,
  showsReply,
} from '../domain/workOrders/publicProgress'
import { ServiceError } from './errors'
import { ORDER } from './workOrders'

export const PROGRESS_NOT_FOUND = '未查到该工单，请核对工单编号和手机号后四位；如有疑问请拨打 12345'

export async function lookupProgress(payload: Payload, number: string, phoneLast4: string): Promise<PublicProgress> {
  const { docs } = await payload.find({
    collection: ORDER,
    where: { number: { equals: number } },
    limit: 1,
    depth: 1,
    overrideAccess: true,
    select: {
      number: true,
      state: true,
      type: true,
      createdAt: true,
      resolution: true,
      claimant: { phoneMasked: true, confidential: true, nameEnc: true },
      unit: true,
      dueAt: true,
      answer: true,
      reply: { text: true },
      notAccepted: { reason: true },
    },
  })
  const order = docs[0]
  if (!order || !phoneTailMatches(order.claimant?.phoneMasked, phoneLast4))
    throw new ServiceError(404, PROGRESS_NOT_FOUND)
  const facts: ProgressFacts = {
    number: order.number,
    state: order.state ?? 'intake',
    type: order.type,
    createdAt: order.createdAt,
    resolution: order.resolution,
    confidential: order.claimant?.confidential,
    unitName: typeof order.unit === 'object' && order.unit ? order.unit.name : null,
    dueAt: order.dueAt,
    answer: order.answer,
    replyText: order.reply?.text,
    notAcceptedReason: order.notAccepted?.reason,
  }
  const nameEnc = order.claimant?.nameEnc
  return publicProgress(facts, showsReply(facts) && nameEnc ? decryptField(nameEnc, env().personalDataKey) : null)
}

/** What a look-up carries, from the page's form or the API: checked for form only, never for existence. */
export const progressQuery = z.object({
  number: z
    .string({ error: '请填写工单编号' })
    .trim()
    .toUpperCase()
    .regex(/^GD\d{14}$/, '工单编号格式如 GD20261125000123'),
  phoneLast4: z
    .string({ error: '请填写手机号后四位' })
    .trim()
    .regex(/^\d{4}$/, '请填写登记电话的后四位数字'),
})
