/**
 * Claimants' personal data over time (个人信息保护法): the retention job anonymises orders that ended
 * more than the retention period ago, and an admin exports or erases one claimant's data on request,
 * found by the keyed hash of their phone. Every run and request is written to `personal-data-log`.
 */
import type { Payload } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { type AccessUser, hasRole, relationId } from '../domain/roles'
import { decryptField, keyedHash } from '../domain/workOrders/personalData'
import {
  anonymisation,
  BLANKED_FIELDS,
  erasableOnRequest,
  FINAL_STATES,
  isDueForAnonymisation,
  retentionCutoff,
} from '../domain/workOrders/retention'
import type { WorkOrder } from '../payload-types'
import { ServiceError } from './errors'
import { inTransaction } from './transaction'

const ORDER = 'work-orders' as const
type Requester = AccessUser & { name?: string | null }

/** Blanks one order, the copy of its claim in a knowledge gap, and the attachments no other order uses. */
async function anonymiseOrder(payload: Payload, order: WorkOrder, reason: 'retention' | 'request'): Promise<void> {
  await inTransaction(payload, async (req) => {
    await payload.update({
      collection: ORDER,
      id: order.id,
      data: anonymisation(order, now(), reason) as never,
      overrideAccess: true,
      req,
    })
    await payload.update({
      collection: 'knowledge-gaps',
      where: { order: { equals: order.id } },
      data: { question: order.title },
      overrideAccess: true,
      req,
    })
    for (const media of order.attachments ?? []) {
      const id = relationId(media)
      const shared = await payload.count({
        collection: ORDER,
        where: { and: [{ attachments: { in: [id] } }, { id: { not_equals: order.id } }] },
        overrideAccess: true,
        req,
      })
      if (shared.totalDocs === 0)
        await payload.delete({ collection: 'media', id: id as number, overrideAccess: true, req })
    }
    // The files of a 确已尽责 explanation may show the claimant too.
    await payload.delete({
      collection: 'order-attachments',
      where: { order: { equals: order.id } },
      overrideAccess: true,
      req,
    })
  })
}

async function log(
  payload: Payload,
  entry: { action: 'export' | 'erase' | 'retention'; reason: string; orders: string[]; actor?: Requester },
): Promise<void> {
  await payload.create({
    collection: 'personal-data-log',
    overrideAccess: true,
    data: {
      action: entry.action,
      actor: entry.actor ? (entry.actor.id as number) : undefined,
      actorName: entry.actor ? (entry.actor.name ?? String(entry.actor.id)) : '系统（定时任务）',
      roles: entry.actor ? (entry.actor.roles ?? []).join(',') : undefined,
      fields: entry.action === 'export' ? 'claimant,content,address,reply.text' : BLANKED_FIELDS.join(','),
      reason: entry.reason,
      count: entry.orders.length,
      orderNumbers: entry.orders.join(','),
    },
  })
}

export type RetentionReport = { cutoff: string; anonymised: string[] }

/** The retention round: anonymises every order that ended more than `days` ago. Idempotent. */
export async function anonymiseExpired(
  payload: Payload,
  days = env().personalDataRetentionDays,
): Promise<RetentionReport> {
  const at = now()
  const cutoff = retentionCutoff(at, days)
  const anonymised: string[] = []
  // An order that ended before the cutoff was created before it too: the index narrows, the timeline
  // decides. Walked by id, since anonymised orders leave the result set as the loop goes.
  for (let after: number | string | undefined; ;) {
    const { docs } = await payload.find({
      collection: ORDER,
      where: {
        and: [
          { state: { in: [...FINAL_STATES] } },
          { anonymisedAt: { exists: false } },
          { createdAt: { less_than_equal: cutoff.toISOString() } },
          ...(after === undefined ? [] : [{ id: { greater_than: after } }]),
        ],
      },
      sort: 'id',
      limit: 200,
      depth: 0,
      overrideAccess: true,
    })
    if (!docs.length) break
    for (const order of docs.filter((o) => isDueForAnonymisation(o, at, days))) {
      await anonymiseOrder(payload, order, 'retention')
      anonymised.push(order.number)
    }
    after = docs.at(-1)!.id
  }
  await log(payload, {
    action: 'retention',
    reason: `保留期满（${days} 天，结束早于 ${cutoff.toISOString()}）`,
    orders: anonymised,
  })
  return { cutoff: cutoff.toISOString(), anonymised }
}

function requireAdmin(actor: Requester, reason: string): string {
  if (!hasRole(actor, 'admin')) throw new ServiceError(403, '只有系统管理员可以导出或删除诉求人的个人信息')
  if (!reason.trim()) throw new ServiceError(400, '请说明事由 reason，例如本人申请的受理编号')
  return reason.trim()
}

/** The claimant's orders, found by the keyed hash of the phone (the number itself is stored encrypted only). */
async function claimantOrders(payload: Payload, phone: string): Promise<WorkOrder[]> {
  const digits = phone.replace(/[\s-]/g, '')
  if (!/^\d{5,20}$/.test(digits)) throw new ServiceError(400, '请填写诉求人的电话号码 phone')
  const { docs } = await payload.find({
    collection: ORDER,
    where: { 'claimant.phoneHash': { equals: keyedHash(digits, env().personalDataKey) } },
    sort: 'createdAt',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    showHiddenFields: true,
  })
  return docs
}

/** Everything the hotline holds about a claimant, in clear, for a request under 个人信息保护法 art. 45. */
export async function exportClaimantData(payload: Payload, phone: string, reason: string, actor: Requester) {
  const why = requireAdmin(actor, reason)
  const orders = await claimantOrders(payload, phone)
  const key = env().personalDataKey
  const reveal = (v?: string | null) => (v ? decryptField(v, key) : null)
  await log(payload, { action: 'export', reason: why, orders: orders.map((o) => o.number), actor })
  return {
    exportedAt: now().toISOString(),
    orders: orders.map((o) => ({
      number: o.number,
      createdAt: o.createdAt,
      state: o.state,
      type: o.type,
      channel: o.channel,
      title: o.title,
      content: o.content,
      district: o.district ?? null,
      address: o.address ?? null,
      claimant: {
        name: reveal(o.claimant?.nameEnc),
        phone: reveal(o.claimant?.phoneEnc),
        idNumber: reveal(o.claimant?.idEnc),
      },
      reply: o.reply?.text ?? null,
      timeline: o.timeline ?? [],
    })),
  }
}

/** Erases a claimant's data from every order that is over; open orders keep it until they end. */
export async function eraseClaimantData(payload: Payload, phone: string, reason: string, actor: Requester) {
  const why = requireAdmin(actor, reason)
  const orders = await claimantOrders(payload, phone)
  const erased: string[] = []
  const open: string[] = []
  for (const order of orders) {
    if (erasableOnRequest(order)) {
      await anonymiseOrder(payload, order, 'request')
      erased.push(order.number)
    } else open.push(order.number)
  }
  await log(payload, { action: 'erase', reason: why, orders: erased, actor })
  return { erased, stillOpen: open }
}
