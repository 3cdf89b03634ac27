/** Claimant data: encrypted at rest with masked forms for display, and audited unmasking. */
import type { Payload } from 'payload'

import { env } from '../config/env'
import {
  decryptField,
  encryptField,
  keyedHash,
  maskIdNumber,
  maskName,
  maskPhone,
} from '../domain/workOrders/personalData'
import { mayUnmask } from '../domain/workOrders/visibility'
import { ServiceError } from './errors'
import { inTransaction } from './transaction'
import { type Actor, audienceOf, loadOrder } from './workOrders'

export type ClaimantInput = {
  kind?: string
  companyName?: string
  creditCode?: string
  name?: string
  phone?: string
  idNumber?: string
  anonymous?: boolean
  confidential?: boolean
  noReply?: boolean
}

/** The claimant as stored: personal data encrypted, the phone also as a keyed hash for duplicate matching. */
export function claimantData(c: ClaimantInput) {
  const key = env().personalDataKey
  const anonymous = Boolean(c.anonymous) || (!c.name && !c.phone)
  return {
    kind: (c.kind ?? 'person') as 'person' | 'enterprise' | 'organisation',
    companyName: c.companyName ?? null,
    creditCode: c.creditCode ?? null,
    nameMasked: c.name ? maskName(c.name) : anonymous ? '匿名' : null,
    phoneMasked: c.phone ? maskPhone(c.phone) : null,
    idMasked: c.idNumber ? maskIdNumber(c.idNumber) : null,
    nameEnc: c.name ? encryptField(c.name, key) : null,
    phoneEnc: c.phone ? encryptField(c.phone, key) : null,
    idEnc: c.idNumber ? encryptField(c.idNumber, key) : null,
    phoneHash: c.phone ? keyedHash(c.phone, key) : null,
    anonymous,
    confidential: Boolean(c.confidential),
    noReply: Boolean(c.noReply),
  }
}

/** Reveals the claimant to those who need it, with a reason; the reveal and its log record are one write. */
export async function unmaskClaimant(payload: Payload, number: string, reason: string | undefined, actor: Actor) {
  return inTransaction(payload, async (req) => {
    const order = await loadOrder(payload, number, actor, req)
    if (!reason?.trim()) throw new ServiceError(400, '查看诉求人完整信息须说明事由 reason')
    const may = mayUnmask(actor, { ...audienceOf(order), state: order.state })
    if (!may.allowed) throw new ServiceError(403, may.message)
    const key = env().personalDataKey
    const c = order.claimant ?? {}
    const reveal = (v?: string | null) => (v ? decryptField(v, key) : null)
    const result = { name: reveal(c.nameEnc), phone: reveal(c.phoneEnc), idNumber: reveal(c.idEnc) }
    await payload.create({
      collection: 'personal-data-log',
      overrideAccess: true,
      req,
      data: {
        order: order.id,
        orderNumber: order.number,
        actor: actor.id as number,
        actorName: actor.name ?? String(actor.id),
        roles: (actor.roles ?? []).join(','),
        fields: Object.entries(result)
          .filter(([, v]) => v)
          .map(([k]) => k)
          .join(','),
        reason: reason.trim(),
      },
    })
    return result
  })
}
