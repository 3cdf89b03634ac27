/**
 * One pure plan per action: from the facts the service read once (the order, the actor, the units and
 * entries the input names, numbers for child orders), the time-limit rules and calendar, and now, it
 * decides the new state, the field changes, the timeline entry and the follow-ups (child orders, a
 * knowledge gap, notices). The service writes the plan in one transaction.
 */
import { workingTimeBetween } from '../calendar/workCalendar'
import { labelOf } from '../labels'
import type { AccessUser, Role } from '../roles'
import { clockDue, handlingDue, type Limits, MissingRuleError, ruleFor } from './clocks'
import type { OrderAttachmentRef } from './orderAttachments'
import {
  decideOrderAction,
  type OrderAction,
  type OrderFacts,
  OrderFlowError,
  orderActionLabel,
  type OrderState,
  orderStateLabel,
} from './orderFlow'
import { NOT_ACCEPTED_REASONS, SATISFACTION } from './orderTypes'

export type Actor = AccessUser & { name?: string | null }

export type TimelineItem = {
  at: string
  action: string
  label: string
  actor: string
  roles: string
  from?: string
  to?: string
  note?: string
  /** The unit an order was dispatched or reassigned to (its id), for the unit suggestion to learn from. */
  unit?: string | number
  /** The files a unit attached to its 确已尽责 explanation. */
  attachments?: OrderAttachmentRef[]
}

export type ActionInput = {
  unit?: string
  units?: string[]
  designated?: boolean
  reason?: string
  basis?: string
  note?: string
  days?: number
  citedEntries?: string[]
  noKnowledge?: boolean
  answer?: string
  result?: string
  text?: string
  contacted?: boolean
  satisfaction?: string
  solved?: boolean
  duplicateOf?: string
}

export type OrderSnapshot = OrderFacts & {
  id: string | number
  number: string
  type: string
  urgency?: string | null
  complex?: boolean | null
  title: string
  content: string
  category?: string | number | null
  createdAt: string
  dispatchedAt?: string | null
  dueAt?: string | null
  pausedAt?: string | null
  pausedMs?: number | null
  extensionDays?: number | null
  requestedExtensionDays?: number | null
  noReply?: boolean | null
  related?: readonly (string | number)[]
  consultAnswers?: readonly { unit: string; text: string; at: string }[] | null
}

export type UnitRef = { id: string | number; code: string; name: string; parent?: string | number | null }
export type CitedEntry = { code: string; version: string; title: string }

export type PlanFacts = {
  order: OrderSnapshot
  actor: Actor
  /** The units the input names (unit, or units), resolved, in the input's order. */
  units: readonly UnitRef[]
  /** The input's cited entries, resolved to their published versions. */
  cited: readonly CitedEntry[]
  /** The original order of a duplicate, when the input names one the actor may see. */
  duplicate?: { id: string | number; number: string; state: string }
  /** Numbers reserved for the child orders of a split. */
  childNumbers?: readonly string[]
}

export type PlanNotice = { to: { unit: string | number } | { role: Role }; title: string; message?: string }

export type ChildOrder = { number: string; unit: UnitRef; changes: Record<string, unknown>; timeline: TimelineItem[] }

export type OrderPlan = {
  from: OrderState
  to: OrderState
  changes: Record<string, unknown>
  entry: TimelineItem
  children: ChildOrder[]
  knowledgeGap?: { question: string; category?: string | number | null }
  notices: PlanNotice[]
}

export const stamp = (
  actor: Actor | 'system',
  action: string,
  at: Date,
  extra: Partial<TimelineItem> = {},
): TimelineItem => ({
  at: at.toISOString(),
  action,
  label: action === 'create' ? '登记' : orderActionLabel(action),
  actor: actor === 'system' ? '系统' : (actor.name ?? String(actor.id)),
  roles: actor === 'system' ? 'system' : (actor.roles ?? []).join(','),
  ...extra,
})

const need = (value: unknown, message: string) => {
  if (value === undefined || value === null || value === '') throw new OrderFlowError(400, message)
}
const satisfactionLabel = (v: string) => labelOf(SATISFACTION, v)

/** The clocks a dispatch to `unit` at `now` starts: sign-for, return window and handling. */
function dispatchChanges(limits: Limits, order: OrderSnapshot, unit: UnitRef, now: Date) {
  const at = now.toISOString()
  const handling = handlingDue(limits, { ...order, dispatchedAt: at, extensionDays: 0, pausedMs: 0 })!
  const sign = clockDue(limits, 'sign-for', now, order)
  const returnWindow = clockDue(limits, 'return-window', now, order)!
  return {
    unit: unit.id,
    subUnit: null,
    dispatchedAt: at,
    extensionDays: 0,
    pausedMs: 0,
    dueAt: handling.due,
    signDueAt: sign?.due ?? null,
    returnDueAt: returnWindow.due,
    deadlineStatus: null,
    deadlineWarning: handling.warning ?? sign?.warning ?? null,
  }
}

const assigned = (unit: UnitRef, order: { number: string; title: string }, what = '新派工单'): PlanNotice => ({
  to: { unit: unit.id },
  title: `${what}：${order.number} ${order.title}`,
})

export function planOrderAction(
  facts: PlanFacts,
  action: OrderAction,
  input: ActionInput,
  limits: Limits,
  now: Date,
): OrderPlan {
  try {
    return plan(facts, action, input, limits, now)
  } catch (err) {
    if (err instanceof MissingRuleError) throw new OrderFlowError(400, err.message)
    throw err
  }
}

function plan(facts: PlanFacts, action: OrderAction, input: ActionInput, limits: Limits, now: Date): OrderPlan {
  const { order, actor } = facts
  const { from, to } = decideOrderAction(order, action, actor, now)
  const changes: Record<string, unknown> = { state: to }
  const children: ChildOrder[] = []
  const notices: PlanNotice[] = []
  let knowledgeGap: OrderPlan['knowledgeGap']
  let note = input.note ?? input.reason
  /** The unit a dispatch or reassignment sends the order to, recorded on its timeline step. */
  let dispatchedTo: string | number | undefined
  const unit = facts.units[0]
  const needUnit = (message: string) => {
    need(input.unit, message)
    if (!unit) throw new OrderFlowError(400, `没有这个承办单位：${input.unit}`)
    return unit
  }

  switch (action) {
    case 'answer': {
      if (!facts.cited.length && !input.noKnowledge)
        throw new OrderFlowError(400, '直接答复须引用知识条目（citedEntries），或标记“知识库无此内容”（noKnowledge）')
      Object.assign(changes, {
        resolution: 'answered',
        citedEntries: facts.cited,
        noKnowledge: Boolean(input.noKnowledge),
        answer: input.answer ?? null,
      })
      note = facts.cited.length ? `引用 ${facts.cited.map((c) => c.code).join('、')}` : '知识库无此内容'
      // The knowledge loop: a question the knowledge base could not answer becomes a gap for the kb-admins.
      if (input.noKnowledge)
        knowledgeGap = { question: `${order.title}：${order.content}`.slice(0, 2000), category: order.category }
      break
    }
    case 'not-accept': {
      need(input.reason, '不予受理须选择类别 reason')
      Object.assign(changes, {
        resolution: 'not_accepted',
        notAccepted: { reason: input.reason, note: input.note ?? null },
      })
      note = labelOf(NOT_ACCEPTED_REASONS, input.reason!)
      if (input.reason === 'duplicate') {
        need(input.duplicateOf, '重复诉求须指明原工单编号 duplicateOf')
        const original = facts.duplicate
        if (!original) throw new OrderFlowError(400, `没有这张工单或无权查看：${input.duplicateOf}`)
        changes.related = [...new Set([...(order.related ?? []), original.id])]
        note = `与 ${original.number} 重复，已告知办理进度（${orderStateLabel(original.state)}）`
      }
      break
    }
    case 'consult': {
      if (!facts.units.length) throw new OrderFlowError(400, '会商须指定参加的承办单位 units')
      need(input.reason, '会商须说明需要研究的问题 reason')
      const due = clockDue(limits, 'consultation', now, order)
      Object.assign(changes, {
        consultUnits: facts.units.map((u) => u.id),
        consultDueAt: due?.due ?? null,
        consultAnswers: [],
        consultQuestion: input.reason,
      })
      note = `会商单位：${facts.units.map((u) => u.name).join('、')}；${input.reason}`
      for (const u of facts.units) notices.push(assigned(u, order, '会商邀请'))
      break
    }
    case 'consult-reply': {
      need(input.text, '会商意见须填写内容 text')
      const own = String(actor.unit && typeof actor.unit === 'object' ? actor.unit.id : actor.unit)
      changes.consultAnswers = [
        ...(order.consultAnswers ?? []).filter((a) => a.unit !== own),
        { unit: own, text: input.text!, at: now.toISOString() },
      ]
      note = input.text
      notices.push({ to: { role: 'dispatcher' }, title: `会商意见：${order.number} ${order.title}` })
      break
    }
    case 'dispatch': {
      const target = needUnit('派发须指定承办单位 unit（单位编码或名称）')
      Object.assign(changes, dispatchChanges(limits, order, target, now), { designated: Boolean(input.designated) })
      note = `派发至 ${target.name}${input.designated ? '（会商后指定承办）' : ''}`
      dispatchedTo = target.id
      notices.push(assigned(target, order))
      break
    }
    case 'split': {
      if (!input.units || facts.units.length < 2) throw new OrderFlowError(400, '拆分派发须指定至少两个承办单位 units')
      const numbers = facts.childNumbers ?? []
      facts.units.forEach((u, i) => {
        const child = { ...order, number: numbers[i], title: `${order.title}（${u.name}）` }
        children.push({
          number: numbers[i],
          unit: u,
          changes: {
            state: 'dispatched',
            title: child.title,
            parent: order.id,
            related: [],
            ...dispatchChanges(limits, child, u, now),
          },
          timeline: [
            stamp(actor, 'create', now, { to: 'intake', note: `由 ${order.number} 拆分` }),
            stamp(actor, 'dispatch', now, { from: 'intake', to: 'dispatched', note: `派发至 ${u.name}`, unit: u.id }),
          ],
        })
        notices.push(assigned(u, child))
      })
      note = `拆分为 ${numbers.join('、')}`
      break
    }
    case 'accept':
      changes.signedAt = now.toISOString()
      break
    case 'subdispatch': {
      const target = needUnit('二级派发须指定下级单位 unit')
      if (String(target.parent ?? '') !== String(order.unit))
        throw new OrderFlowError(400, `${target.name} 不是本单位的下级单位，不能二级派发`)
      changes.subUnit = target.id
      note = `二级派发至 ${target.name}，办理期限不变`
      notices.push(assigned(target, order, '二级派发工单'))
      break
    }
    case 'request-return':
      need(input.reason, '申请退回须说明理由 reason')
      need(input.basis, '申请退回须说明依据 basis')
      Object.assign(changes, { resumeState: from, returns: (order.returns ?? 0) + 1 })
      note = `${input.reason}（依据：${input.basis}）`
      notices.push({ to: { role: 'dispatcher' }, title: `退回申请：${order.number} ${order.title}` })
      break
    case 'approve-return': {
      const target = needUnit('同意退回须指定改派的承办单位 unit')
      Object.assign(changes, dispatchChanges(limits, order, target, now), {
        designated: Boolean(input.designated),
        resumeState: null,
        returnRejected: false,
      })
      note = `改派至 ${target.name}${input.designated ? '（争议后指定承办）' : ''}`
      dispatchedTo = target.id
      notices.push(assigned(target, order))
      break
    }
    case 'reject-return':
      need(input.reason, '不同意退回须说明理由 reason')
      Object.assign(changes, { resumeState: null, returnRejected: true })
      break
    case 'request-extension': {
      const max = ruleFor(limits, 'max-extension', order)!.workingDays ?? 10
      if (!input.days || !Number.isInteger(input.days) || input.days < 1 || input.days > max)
        throw new OrderFlowError(400, `延期天数 days 须为 1–${max} 个工作日`)
      need(input.reason, '申请延期须说明理由 reason')
      changes.requestedExtensionDays = input.days
      note = `申请延期 ${input.days} 个工作日：${input.reason}`
      notices.push({ to: { role: 'dispatcher' }, title: `延期申请：${order.number} ${order.title}` })
      break
    }
    case 'approve-extension': {
      const days = input.days ?? order.requestedExtensionDays ?? 0
      const max = ruleFor(limits, 'max-extension', order)!.workingDays ?? 10
      if (days < 1 || days > max) throw new OrderFlowError(400, `延期天数 days 须为 1–${max} 个工作日`)
      const extensionDays = (order.extensionDays ?? 0) + days
      const handling = handlingDue(limits, { ...order, extensionDays })
      Object.assign(changes, {
        extensionDays,
        dueAt: handling?.due ?? null,
        deadlineWarning: handling?.warning ?? null,
        extensions: (order.extensions ?? 0) + 1,
        requestedExtensionDays: null,
      })
      note = `同意延期 ${days} 个工作日`
      break
    }
    case 'reject-extension':
      changes.requestedExtensionDays = null
      break
    case 'request-info':
      need(input.reason, '请说明需要诉求人补充的内容 reason')
      changes.pausedAt = now.toISOString()
      break
    case 'resume': {
      // The clock stood still while the claimant supplied information: the paused time counts as the
      // calendar counts time (working time for working-day limits, natural time for urgent hours).
      const pauses = limits.rules.some((r) => r.kind === 'pause-clock') && order.pausedAt
      const urgentHours = Boolean(ruleFor(limits, 'handling', order)!.hours)
      const paused = !pauses
        ? 0
        : urgentHours
          ? now.getTime() - Date.parse(order.pausedAt!)
          : workingTimeBetween(new Date(order.pausedAt!), now, limits.calendar)
      const pausedMs = (order.pausedMs ?? 0) + paused
      const handling = handlingDue(limits, { ...order, pausedMs })
      Object.assign(changes, {
        pausedAt: null,
        pausedMs,
        dueAt: handling?.due ?? order.dueAt ?? null,
        deadlineWarning: handling?.warning ?? null,
      })
      note = `暂停计时 ${Math.floor(paused / 3_600_000)} 小时 ${Math.round((paused % 3_600_000) / 60_000)} 分${urgentHours ? '' : '（按工作时间计）'}`
      break
    }
    case 'reply': {
      need(input.result, '办结答复须填写办理结果 result')
      if (!order.noReply) need(input.text, '须填写对诉求人的答复 text（诉求人要求不需回复的除外）')
      const callback = clockDue(limits, 'callback', now, order)!
      Object.assign(changes, {
        reply: { result: input.result, text: input.text ?? null, contacted: Boolean(input.contacted) },
        repliedAt: now.toISOString(),
        callbackDueAt: callback.due,
        deadlineStatus: null,
      })
      if (callback.warning) changes.deadlineWarning = callback.warning
      break
    }
    case 'callback':
      need(input.satisfaction, '回访须记录满意度 satisfaction')
      Object.assign(changes, {
        lastSatisfaction: input.satisfaction,
        solved: input.solved ?? null,
        deadlineStatus: null,
      })
      note = `${satisfactionLabel(input.satisfaction!)}${input.solved === undefined ? '' : input.solved ? '，问题已解决' : '，问题未解决'}`
      break
    case 'answer-callback':
      need(input.satisfaction, '评价须记录满意度 satisfaction')
      Object.assign(changes, { answerRating: input.satisfaction, solved: input.solved ?? null })
      note = `抽样回访，直接答复评价：${satisfactionLabel(input.satisfaction!)}`
      break
    case 'reopen': {
      const handling = handlingDue(limits, {
        ...order,
        dispatchedAt: now.toISOString(),
        extensionDays: 0,
        pausedMs: 0,
      })!
      Object.assign(changes, {
        reopens: (order.reopens ?? 0) + 1,
        dispatchedAt: now.toISOString(),
        extensionDays: 0,
        pausedMs: 0,
        dueAt: handling.due,
        deadlineWarning: handling.warning,
        deadlineStatus: null,
      })
      notices.push(assigned({ id: order.unit!, code: '', name: '' }, order, '重办工单'))
      break
    }
    case 'explain':
      need(input.text, '尽责说明须填写内容 text')
      changes.explanation = input.text
      break
    case 'accept-explanation':
      changes.explanationAccepted = true
      break
    case 'reject-explanation':
      // The unit may explain again; the refused explanation and its files stay in the timeline.
      need(input.reason, '不认可尽责说明须说明理由 reason')
      Object.assign(changes, { explanation: null, explanationAccepted: false })
      notices.push(assigned({ id: order.unit!, code: '', name: '' }, order, '尽责说明未获认可'))
      break
    case 'close':
      changes.resolution = 'handled'
      break
  }
  return {
    from,
    to,
    changes,
    entry: stamp(actor, action, now, {
      from,
      to,
      note: note ?? undefined,
      ...(dispatchedTo === undefined ? {} : { unit: dispatchedTo }),
    }),
    children,
    knowledgeGap,
    notices,
  }
}

export type IntakeInput = {
  channel?: string
  type: string
  urgency?: string
  complex?: boolean
  title: string
  content: string
  district?: string
  address?: string
  respondent?: string
}

/** A new order's fields (besides its number and claimant): the dispatch clock starts at intake. */
export function planIntake(
  input: IntakeInput,
  facts: { actor: Actor; category?: string | number; cited: readonly CitedEntry[] },
  limits: Limits,
  now: Date,
): Record<string, unknown> {
  const kind = { type: input.type, urgency: input.urgency ?? 'normal', complex: Boolean(input.complex) }
  const dispatch = clockDue(limits, 'dispatch', now, kind)
  return {
    // The hotline's clock, not the write's: intake time is what deadlines and reports count from.
    createdAt: now.toISOString(),
    state: 'intake',
    channel: input.channel ?? 'phone',
    type: input.type,
    urgency: kind.urgency,
    complex: kind.complex,
    title: input.title,
    content: input.content,
    category: facts.category ?? null,
    district: input.district ?? null,
    address: input.address ?? null,
    respondent: input.respondent ?? null,
    citedEntries: facts.cited,
    dispatchDueAt: dispatch?.due ?? null,
    deadlineWarning: dispatch?.warning ?? null,
    timeline: [stamp(facts.actor, 'create', now, { to: 'intake' })],
  }
}
