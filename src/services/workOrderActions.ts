/**
 * The actions of the flow: read the facts once (the order, the units and entries the input names,
 * the rules and calendar), let the pure plan decide, and write the plan — the order, its child orders,
 * a knowledge gap, notices — in one transaction.
 */
import type { Payload, PayloadRequest } from 'payload'

import { now } from '../domain/clock'
import { relationId, type Role } from '../domain/roles'
import {
  allowedOrderActions,
  type OrderAction,
  orderActionLabel,
  OrderFlowError,
  orderStateLabel,
} from '../domain/workOrders/orderFlow'
import {
  type ActionInput,
  type OrderPlan,
  planOrderAction,
  type PlanNotice,
  type TimelineItem,
} from '../domain/workOrders/orderPlan'
import type { WorkOrder } from '../payload-types'
import { ServiceError } from './errors'
import { notify, type Recipient, unitStaff, usersWithRole } from './notify'
import { recordQuestionCandidate } from './questionCandidates'
import { inTransaction } from './transaction'
import { nextNumbers } from './workOrderIntake'
import { type Actor, citations, loadOrder, ORDER, readLimits, snapshotOf, unitByCode } from './workOrders'

type Req = Partial<PayloadRequest>

async function recipients(payload: Payload, notice: PlanNotice): Promise<Recipient[]> {
  return 'unit' in notice.to
    ? unitStaff(payload, notice.to.unit, ['unit-handler'])
    : usersWithRole(payload, notice.to.role as Role)
}

/** What the caller may do with an order now: the same rules the actions are decided by. */
export async function orderActions(payload: Payload, number: string, actor: Actor) {
  const order = await loadOrder(payload, number, actor)
  const facts = snapshotOf(order)
  return {
    number: order.number,
    state: facts.state,
    stateLabel: orderStateLabel(facts.state),
    actions: allowedOrderActions(facts, actor, now()).map((action) => ({ action, label: orderActionLabel(action) })),
  }
}

export async function actOnOrder(
  payload: Payload,
  number: string,
  action: OrderAction,
  input: ActionInput,
  actor: Actor,
  outer?: Req,
): Promise<WorkOrder> {
  return inTransaction(
    payload,
    async (req) => {
      const order = await loadOrder(payload, number, actor, req, 0)
      const at = now()
      const unitCodes = input.units ?? (input.unit ? [input.unit] : [])
      const [limits, units, cited, duplicate, childNumbers] = await Promise.all([
        readLimits(payload),
        Promise.all(unitCodes.map((code) => unitByCode(payload, code))),
        action === 'answer' ? citations(payload, input.citedEntries ?? [], req) : [],
        action === 'not-accept' && input.duplicateOf
          ? loadOrder(payload, input.duplicateOf, actor, req, 0).then((o) => ({
              id: o.id,
              number: o.number,
              state: o.state ?? 'intake',
            }))
          : undefined,
        action === 'split' ? nextNumbers(payload, at, unitCodes.length, req) : [],
      ])
      let plan: OrderPlan
      try {
        plan = planOrderAction(
          { order: snapshotOf(order), actor, units, cited, duplicate, childNumbers },
          action,
          input,
          limits,
          at,
        )
      } catch (err) {
        if (err instanceof OrderFlowError) throw new ServiceError(err.status, err.message)
        throw err
      }
      const updated = await writePlan(payload, order, plan, req)
      // The learning loop: the caller's question becomes a candidate similar question of the one entry cited.
      if (action === 'answer' && !input.noKnowledge && input.citedEntries?.length === 1)
        await recordQuestionCandidate(payload, input.citedEntries[0]!, order.content, req)
      return updated
    },
    outer,
  )
}

async function writePlan(payload: Payload, order: WorkOrder, plan: OrderPlan, req: Req): Promise<WorkOrder> {
  for (const child of plan.children) {
    await payload.create({
      collection: ORDER,
      overrideAccess: true,
      req,
      data: {
        number: child.number,
        createdAt: plan.entry.at,
        channel: order.channel,
        type: order.type,
        urgency: order.urgency,
        complex: order.complex,
        content: order.content,
        category: relationId(order.category),
        district: order.district,
        address: order.address,
        respondent: order.respondent,
        claimant: order.claimant,
        ...child.changes,
        timeline: child.timeline,
      } as never,
    })
  }
  if (plan.knowledgeGap)
    await payload.create({
      collection: 'knowledge-gaps',
      overrideAccess: true,
      req,
      data: {
        question: plan.knowledgeGap.question,
        category: (plan.knowledgeGap.category ?? undefined) as number | undefined,
        order: order.id,
        orderNumber: order.number,
      },
    })
  for (const notice of plan.notices)
    await notify(payload, await recipients(payload, notice), { kind: 'work_order', ...notice }, req)
  return payload.update({
    collection: ORDER,
    id: order.id,
    data: { ...plan.changes, timeline: [...((order.timeline as TimelineItem[] | null) ?? []), plan.entry] } as never,
    overrideAccess: true,
    depth: 1,
    req,
  })
}
