/**
 * Work orders, the facts every service reads: who acts, the order as the caller may see it, the
 * time-limit rules and the calendar, the units and entries an input names. Intake, actions,
 * presentation and claimant data live in workOrderIntake.ts, workOrderActions.ts,
 * workOrderPresentation.ts and workOrderClaimant.ts.
 */
import type { Payload, PayloadRequest } from 'payload'

import { entryVersion } from '../domain/knowledge/entryVersion'
import { type AccessUser, type RelationValue, relationId, type Role } from '../domain/roles'
import type { Limits } from '../domain/workOrders/clocks'
import type { OrderState } from '../domain/workOrders/orderFlow'
import type { Actor, CitedEntry, OrderSnapshot, UnitRef } from '../domain/workOrders/orderPlan'
import { canSeeOrder } from '../domain/workOrders/visibility'
import type { WorkOrder } from '../payload-types'
import { ServiceError } from './errors'
import { referenceLimits, referenceUnits } from './referenceData'

export type { Actor } from '../domain/workOrders/orderPlan'
export const ORDER = 'work-orders' as const
type Req = Partial<PayloadRequest> | undefined

/** The caller of an API or tool as the flow sees it: a tool with a work-orders key acts as an intake agent. */
export const actorOf = (
  caller:
    | { kind: 'user'; id: string | number; roles: Role[]; unit?: AccessUser['unit']; name?: string | null }
    | { kind: 'api-key'; id: string | number; name: string },
): Actor =>
  caller.kind === 'user'
    ? { id: caller.id, roles: caller.roles, unit: caller.unit, name: caller.name }
    : { id: `key:${caller.id}`, roles: ['agent'], name: `API：${caller.name}` }

/**
 * The time-limit rules and the work calendar: what every deadline is computed from (kept in memory,
 * see referenceData.ts).
 */
export const readLimits = (payload: Payload): Promise<Limits> => referenceLimits(payload)

/** Whether admins stop the deadline clock while the order waits for the claimant (待补充). */
export const clockPauses = (limits: Limits) => limits.rules.some((r) => r.kind === 'pause-clock')

/** A unit by its code or its name (the first in the collection's order, as a query with limit 1 gives). */
export async function unitByCode(payload: Payload, code: string): Promise<UnitRef> {
  const unit = (await referenceUnits(payload)).find((u) => u.code === code || u.name === code)
  if (!unit) throw new ServiceError(400, `没有这个承办单位：${code}`)
  return { id: unit.id, code: unit.code, name: unit.name, parent: relationId(unit.parent) ?? null }
}

export async function citations(payload: Payload, codes: readonly string[], req?: Req): Promise<CitedEntry[]> {
  const out: CitedEntry[] = []
  for (const code of codes) {
    const { docs } = await payload.find({
      collection: 'knowledge-entries',
      where: { and: [{ code: { equals: code } }, { _status: { equals: 'published' } }] },
      limit: 1,
      depth: 0,
      // Not the entry's body: what a citation records.
      select: { title: true, publishedAt: true, updatedAt: true },
      overrideAccess: true,
      req,
    })
    if (!docs[0]) throw new ServiceError(400, `引用的知识条目 ${code} 不存在或未发布`)
    out.push({ code, version: entryVersion(docs[0]), title: docs[0].title })
  }
  return out
}

/**
 * The order as the caller may see it, or 404 (a unit never learns of other units' orders); depth 1 for
 * a presentation, 0 where only its own fields count (the plan of an action).
 */
export async function loadOrder(
  payload: Payload,
  number: string,
  actor: AccessUser,
  req?: Req,
  depth: 0 | 1 = 1,
): Promise<WorkOrder> {
  const { docs } = await payload.find({
    collection: ORDER,
    where: { number: { equals: number } },
    limit: 1,
    depth,
    overrideAccess: true,
    showHiddenFields: true,
    req,
  })
  const order = docs[0]
  if (!order || !canSeeOrder(actor, audienceOf(order))) throw new ServiceError(404, `没有这张工单或无权查看：${number}`)
  return order
}

const ids = (values: readonly RelationValue[] | null | undefined): (string | number)[] =>
  (values ?? []).flatMap((v) => {
    const id = relationId(v)
    return id === undefined ? [] : [id]
  })

/** What the visibility rule needs to know of an order. */
export const audienceOf = (o: WorkOrder) => ({
  unit: relationId(o.unit),
  subUnit: relationId(o.subUnit),
  consultUnits: ids(o.consultUnits),
  confidential: o.claimant?.confidential,
})

/** The order as the pure plan takes it. */
export const snapshotOf = (o: WorkOrder): OrderSnapshot => ({
  ...audienceOf(o),
  id: o.id,
  number: o.number,
  state: (o.state ?? 'intake') as OrderState,
  type: o.type,
  urgency: o.urgency,
  complex: o.complex,
  title: o.title,
  content: o.content,
  category: relationId(o.category),
  createdAt: o.createdAt,
  resumeState: o.resumeState as OrderState | null,
  returnDueAt: o.returnDueAt,
  designated: o.designated,
  extensions: o.extensions,
  reopens: o.reopens,
  returns: o.returns,
  lastSatisfaction: o.lastSatisfaction,
  explanation: o.explanation,
  explanationAccepted: o.explanationAccepted,
  resolution: o.resolution,
  answerRating: o.answerRating,
  dispatchedAt: o.dispatchedAt,
  dueAt: o.dueAt,
  pausedAt: o.pausedAt,
  pausedMs: o.pausedMs,
  extensionDays: o.extensionDays,
  requestedExtensionDays: o.requestedExtensionDays,
  noReply: o.claimant?.noReply,
  related: ids(o.related),
  consultAnswers: (o.consultAnswers as OrderSnapshot['consultAnswers']) ?? [],
})
