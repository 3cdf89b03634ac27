/**
 * At intake, before an order exists: the caller's earlier orders (by the phone's keyed hash, never the
 * number itself) and recent open orders about the same problem at the same place, which the agent may
 * link as related (the same problem reported by many claimants).
 */
import type { Payload, Where } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { similarOrders } from '../domain/intake/similarOrders'
import { keyedHash } from '../domain/workOrders/personalData'
import { canSeeOrder } from '../domain/workOrders/visibility'
import type { WorkOrder } from '../payload-types'
import { type Actor, audienceOf, ORDER } from './workOrders'

export type SimilarQuery = { phone?: string; address?: string; district?: string; title?: string; content?: string }

const DAY_MS = 86_400_000
/** The most recent open orders compared at most (a day's intake of a large city, several times over). */
const MAX_CANDIDATES = 3000

export async function similarForIntake(payload: Payload, query: SimilarQuery, actor: Actor) {
  const since = new Date(now().getTime() - env().intakeSimilarDays * DAY_MS)
  const text = Boolean(query.title?.trim() || query.content?.trim())
  const place: Where[] = query.district?.trim()
    ? [{ or: [{ district: { equals: query.district.trim() } }, { district: { exists: false } }] }]
    : []
  const [byPhone, open] = await Promise.all([
    query.phone
      ? payload.find({
          collection: ORDER,
          where: { 'claimant.phoneHash': { equals: keyedHash(query.phone, env().personalDataKey) } },
          sort: '-createdAt',
          limit: 10,
          depth: 0,
          overrideAccess: true,
        })
      : undefined,
    text
      ? payload.find({
          collection: ORDER,
          where: { and: [{ state: { not_equals: 'closed' } }, { createdAt: { greater_than_equal: since } }, ...place] },
          sort: '-createdAt',
          limit: MAX_CANDIDATES,
          depth: 0,
          overrideAccess: true,
        })
      : undefined,
  ])
  const visible = (docs: WorkOrder[] = []) => docs.filter((o) => canSeeOrder(actor, audienceOf(o)))
  return {
    samePhone: visible(byPhone?.docs).map((o) => ({
      number: o.number,
      title: o.title,
      state: o.state,
      createdAt: o.createdAt,
    })),
    similarOpen: similarOrders(query, visible(open?.docs)).map((o) => ({
      number: o.number,
      title: o.title,
      address: o.address ?? null,
      state: o.state,
      createdAt: o.createdAt,
      similarity: o.similarity,
    })),
  }
}
