/**
 * The actions of the flow: read the facts once (the order, the units and entries the input names,
 * the rules and calendar), let the pure plan decide, and write the plan — the order, its child orders,
 * a knowledge gap, notices — in one transaction.
 */
import { type Payload, type PayloadRequest, ValidationError } from 'payload'

import { now } from '../domain/clock'
import { actingUnitId, relationId, type Role } from '../domain/roles'
import {
  AttachmentError,
  checkAttachments,
  type IncomingFile,
  type OrderAttachmentRef,
} from '../domain/workOrders/orderAttachments'
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
import { insertOrder, prepareOrder, updateOrder } from './workOrderWrite'

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
  /** Files of a 确已尽责 explanation (the only action that takes them), stored with it. */
  files: readonly IncomingFile[] = [],
): Promise<WorkOrder> {
  if (files.length > 0 && action !== 'explain') throw new ServiceError(400, '只有确已尽责说明可以附带文件')
  let checked: ReturnType<typeof checkAttachments>
  try {
    checked = checkAttachments(files)
  } catch (err) {
    if (err instanceof AttachmentError) throw new ServiceError(err.status, err.message)
    throw err
  }
  const id = await inTransaction(
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
      if (checked.length > 0) {
        const attachments = await storeAttachments(payload, order, actor, checked, req)
        plan = { ...plan, entry: { ...plan.entry, attachments } }
      }
      await writePlan(payload, order, plan, req)
      // The learning loop: the caller's question becomes a candidate similar question of the one entry cited.
      if (action === 'answer' && !input.noKnowledge && input.citedEntries?.length === 1)
        await recordQuestionCandidate(payload, input.citedEntries[0]!, order.content, req)
      return order.id
    },
    outer,
  )
  // The order as it now stands, with its relations, read after the commit (or in the caller's transaction).
  return payload.findByID({ collection: ORDER, id, depth: 1, overrideAccess: true, showHiddenFields: true, req: outer })
}

/** Stores the explanation's files, readable by the hotline desks and the explaining unit only. */
async function storeAttachments(
  payload: Payload,
  order: WorkOrder,
  actor: Actor,
  files: ReturnType<typeof checkAttachments>,
  req: Req,
): Promise<OrderAttachmentRef[]> {
  const unit = actingUnitId(actor) ?? relationId(order.unit)
  const refs: OrderAttachmentRef[] = []
  for (const file of files) {
    const doc = await payload
      .create({
        collection: 'order-attachments',
        data: { order: order.id, orderNumber: order.number, unit: unit as number },
        file: { data: Buffer.from(file.data), mimetype: file.mimeType, name: file.name, size: file.size },
        overrideAccess: true,
        req,
      })
      .catch((err: unknown) => {
        // Payload reads the file itself (type, image size): a damaged file is the caller's to fix.
        if (err instanceof ValidationError)
          throw new ServiceError(400, `附件“${file.name}”已损坏或无法识别，请上传完好的图片或 PDF 文件`)
        throw err
      })
    refs.push({ id: doc.id, name: file.name, filename: doc.filename!, mimeType: file.mimeType, size: file.size })
  }
  return refs
}

/** The plan's writes: child orders, a knowledge gap, notices and the order's changes with its new timeline entry. */
async function writePlan(payload: Payload, order: WorkOrder, plan: OrderPlan, req: Req): Promise<void> {
  for (const child of plan.children) {
    const prepared = await prepareOrder(
      payload,
      {
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
      },
      req,
    )
    await insertOrder(payload, prepared, child.number, req)
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
  await updateOrder(
    payload,
    order,
    { ...plan.changes, timeline: [...((order.timeline as TimelineItem[] | null) ?? []), plan.entry] },
    req,
  )
}
