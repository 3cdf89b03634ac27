/**
 * Work orders: intake, the actions of the flow with their effects (deadlines on the work calendar,
 * units, counters, citations), a timeline entry for every step, masked presentation, and audited
 * unmasking of the claimant. The flow itself is decided by src/domain/workOrders/orderFlow.ts.
 */
import type { Payload } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { addWorkingDays, type WorkCalendar } from '../domain/calendar/workCalendar'
import { type AccessUser, actingUnitId, hasRole, relationId, type Role } from '../domain/roles'
import { calendarWarning, dueAt } from '../domain/workOrders/deadlines'
import {
  decideOrderAction,
  type OrderAction,
  type OrderFacts,
  OrderFlowError,
  orderActionLabel,
  type OrderState,
  orderStateLabel,
} from '../domain/workOrders/orderFlow'
import { formatOrderNumber, nextSequence, orderNumberPrefix } from '../domain/workOrders/orderNumber'
import { DEFAULT_SLA_RULES, pickRule, type SlaKind, type SlaRule } from '../domain/workOrders/orderTypes'
import {
  decryptField,
  encryptField,
  keyedHash,
  maskIdNumber,
  maskName,
  maskPhone,
} from '../domain/workOrders/personalData'
import type { WorkOrder } from '../payload-types'
import { ServiceError } from './errors'
import { recordQuestionCandidate } from './questionCandidates'
import { loadCalendar } from './supervision'

export type Actor = AccessUser & { name?: string | null }

/** The caller of an API or tool as the flow sees it: a tool with a work-orders key acts as an intake agent. */
export const actorOf = (
  caller:
    | { kind: 'user'; id: string | number; roles: Role[]; unit?: AccessUser['unit']; name?: string | null }
    | { kind: 'api-key'; id: string | number; name: string },
): Actor =>
  caller.kind === 'user'
    ? { id: caller.id, roles: caller.roles, unit: caller.unit, name: caller.name }
    : { id: `key:${caller.id}`, roles: ['agent'], name: `API：${caller.name}` }
export type TimelineItem = {
  at: string
  action: string
  label: string
  actor: string
  roles: string
  from?: string
  to?: string
  note?: string
}

export type NewOrder = {
  channel?: string
  type: string
  urgency?: string
  complex?: boolean
  title: string
  content: string
  category?: number
  district?: string
  address?: string
  claimant: {
    name?: string
    phone?: string
    idNumber?: string
    anonymous?: boolean
    confidential?: boolean
    noReply?: boolean
  }
  citedEntries?: string[]
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

const ORDER = 'work-orders' as const

async function slaRules(payload: Payload): Promise<SlaRule[]> {
  const { docs } = await payload.find({ collection: 'sla-rules', pagination: false, depth: 0, overrideAccess: true })
  return docs.length ? (docs as SlaRule[]) : DEFAULT_SLA_RULES
}

const pausesClock = (rules: readonly SlaRule[]) => rules.some((r) => r.kind === 'pause-clock')

/** Whether admins stop the deadline clock while the order waits for the claimant (待补充). */
export async function clockPausesWhileAwaitingInfo(payload: Payload): Promise<boolean> {
  return pausesClock(await slaRules(payload))
}

/** The time-limit rules and the work calendar: what every deadline of an action is computed from. */
type Limits = { rules: SlaRule[]; calendar: WorkCalendar }
type OrderKind = { type: string; urgency?: string | null; complex?: boolean | null }

function limitOf(limits: Limits, kind: SlaKind, order: OrderKind) {
  const rule = pickRule(limits.rules, kind, order)
  if (!rule) throw new ServiceError(400, `没有适用的时限规则（${kind}），请管理员在“时限规则”中配置`)
  return rule
}

/** A deadline from `start` by the rule, with a warning when the calendar lacks a year it needs. */
function deadline(limits: Limits, start: Date, kind: SlaKind, order: OrderKind) {
  const due = dueAt(start, limitOf(limits, kind, order), limits.calendar)
  return { due: due.toISOString(), warning: calendarWarning(start, due, limits.calendar) ?? null }
}

async function unitByCode(payload: Payload, code: string) {
  const { docs } = await payload.find({
    collection: 'units',
    where: { or: [{ code: { equals: code } }, { name: { equals: code } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  if (!docs[0]) throw new ServiceError(400, `没有这个承办单位：${code}`)
  return docs[0]
}

async function citations(payload: Payload, codes: string[]) {
  const out: { code: string; version: string; title: string }[] = []
  for (const code of codes) {
    const { docs } = await payload.find({
      collection: 'knowledge-entries',
      where: { and: [{ code: { equals: code } }, { _status: { equals: 'published' } }] },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    if (!docs[0]) throw new ServiceError(400, `引用的知识条目 ${code} 不存在或未发布`)
    out.push({ code, version: docs[0].updatedAt, title: docs[0].title })
  }
  return out
}

const stamp = (actor: Actor | 'system', action: string, extra: Partial<TimelineItem> = {}): TimelineItem => ({
  at: now().toISOString(),
  action,
  label: action === 'create' ? '登记' : orderActionLabel(action),
  actor: actor === 'system' ? '系统' : (actor.name ?? String(actor.id)),
  roles: actor === 'system' ? 'system' : (actor.roles ?? []).join(','),
  ...extra,
})

async function nextNumber(payload: Payload, at: Date): Promise<string> {
  const { docs } = await payload.find({
    collection: ORDER,
    where: { number: { like: orderNumberPrefix(at) } },
    sort: '-number',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return formatOrderNumber(at, nextSequence(docs[0]?.number, at))
}

function claimantData(c: NewOrder['claimant']) {
  const key = env().personalDataKey
  const anonymous = Boolean(c.anonymous) || (!c.name && !c.phone)
  return {
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

export async function createOrder(payload: Payload, input: NewOrder, actor: Actor) {
  if (!hasRole(actor, 'agent', 'dispatcher', 'admin')) throw new ServiceError(403, '只有话务员、派单员可以登记工单')
  const at = now()
  const cited = input.citedEntries?.length ? await citations(payload, input.citedEntries) : []
  for (let attempt = 0; ; attempt++) {
    try {
      const order = await payload.create({
        collection: ORDER,
        overrideAccess: true,
        data: {
          number: await nextNumber(payload, at),
          // The hotline's clock, not the write's: intake time is what deadlines and reports count from.
          createdAt: at.toISOString(),
          state: 'intake',
          channel: (input.channel ?? 'phone') as never,
          type: input.type as never,
          urgency: (input.urgency ?? 'normal') as never,
          complex: Boolean(input.complex),
          title: input.title,
          content: input.content,
          category: input.category,
          district: input.district,
          address: input.address,
          claimant: claimantData(input.claimant),
          citedEntries: cited,
          timeline: [stamp(actor, 'create', { to: 'intake' })],
        },
      })
      return withDuplicates(payload, order)
    } catch (err) {
      // Two intakes in the same instant may pick the same number: the unique index refuses one; retry.
      if (attempt < 3 && /number|unique/i.test(String((err as Error).message))) continue
      throw err
    }
  }
}

/**
 * Links open orders from the same phone (matched by its keyed hash, never by the number itself) as
 * possible duplicates, so that the agent can tell the claimant their progress instead.
 */
async function withDuplicates(payload: Payload, order: WorkOrder): Promise<WorkOrder> {
  const hash = order.claimant?.phoneHash
  if (!hash) return order
  const { docs } = await payload.find({
    collection: ORDER,
    where: {
      and: [
        { 'claimant.phoneHash': { equals: hash } },
        { id: { not_equals: order.id } },
        { state: { not_in: ['closed'] } },
      ],
    },
    depth: 0,
    limit: 10,
    overrideAccess: true,
  })
  if (!docs.length) return order
  return payload.update({
    collection: ORDER,
    id: order.id,
    data: { related: docs.map((d) => d.id) },
    overrideAccess: true,
    showHiddenFields: true,
  })
}

/** The order as the caller may see it, or 404 (a unit never learns of other units' orders). */
export async function loadOrder(payload: Payload, number: string, actor: AccessUser): Promise<WorkOrder> {
  const { docs } = await payload.find({
    collection: ORDER,
    where: { number: { equals: number } },
    limit: 1,
    depth: 1,
    overrideAccess: true,
    showHiddenFields: true,
  })
  const order = docs[0]
  const visible =
    order &&
    (hasRole(actor, 'admin', 'dispatcher', 'agent', 'supervisor') ||
      (hasRole(actor, 'unit-handler') && String(relationId(order.unit as never)) === String(actingUnitId(actor))))
  if (!visible) throw new ServiceError(404, `没有这张工单或无权查看：${number}`)
  return order
}

const factsOf = (o: WorkOrder): OrderFacts => ({
  state: o.state as OrderState,
  unit: relationId(o.unit as never),
  resumeState: o.resumeState as OrderState | null,
  returnDueAt: o.returnDueAt,
  designated: o.designated,
  extensions: o.extensions,
  reopens: o.reopens,
  lastSatisfaction: o.lastSatisfaction,
  explanation: o.explanation,
})

const need = (value: unknown, message: string) => {
  if (value === undefined || value === null || value === '') throw new ServiceError(400, message)
}

export async function actOnOrder(
  payload: Payload,
  number: string,
  action: OrderAction,
  input: ActionInput,
  actor: Actor,
): Promise<WorkOrder> {
  const order = await loadOrder(payload, number, actor)
  const at = now()
  let decision: { from: OrderState; to: OrderState }
  try {
    decision = decideOrderAction(factsOf(order), action, actor, at)
  } catch (err) {
    if (err instanceof OrderFlowError) throw new ServiceError(err.status, err.message)
    throw err
  }
  const data: Record<string, unknown> = { state: decision.to }
  let note = input.note ?? input.reason
  // Rules and calendar are read once per action, and only by the actions that need them.
  let loaded: Promise<Limits> | undefined
  const limits = () =>
    (loaded ??= Promise.all([slaRules(payload), loadCalendar(payload)]).then(([rules, calendar]) => ({
      rules,
      calendar,
    })))
  const dispatchTo = async (unitCode: string) => {
    const unit = await unitByCode(payload, unitCode)
    const handling = deadline(await limits(), at, 'handling', order)
    const returnWindow = deadline(await limits(), at, 'return-window', order)
    Object.assign(data, {
      unit: unit.id,
      dueAt: handling.due,
      returnDueAt: returnWindow.due,
      deadlineWarning: handling.warning,
    })
    return unit
  }

  switch (action) {
    case 'answer': {
      const cited = await citations(payload, input.citedEntries ?? [])
      if (!cited.length && !input.noKnowledge)
        throw new ServiceError(400, '直接答复须引用知识条目（citedEntries），或标记“知识库无此内容”（noKnowledge）')
      Object.assign(data, {
        resolution: 'answered',
        citedEntries: cited,
        noKnowledge: Boolean(input.noKnowledge),
        answer: input.answer ?? null,
      })
      note = cited.length ? `引用 ${cited.map((c) => c.code).join('、')}` : '知识库无此内容'
      break
    }
    case 'not-accept': {
      need(input.reason, '不予受理须选择类别 reason')
      Object.assign(data, {
        resolution: 'not_accepted',
        notAccepted: { reason: input.reason, note: input.note ?? null },
      })
      if (input.reason === 'duplicate') {
        need(input.duplicateOf, '重复诉求须指明原工单编号 duplicateOf')
        const original = await loadOrder(payload, input.duplicateOf!, actor)
        data.related = [...new Set([...(order.related ?? []).map((r) => relationId(r as never)), original.id])]
        note = `与 ${original.number} 重复，已告知办理进度（${orderStateLabel(original.state ?? '')}）`
      }
      break
    }
    case 'dispatch': {
      need(input.unit, '派发须指定承办单位 unit（单位编码或名称）')
      note = `派发至 ${(await dispatchTo(input.unit!)).name}`
      break
    }
    case 'split': {
      if (!input.units || input.units.length < 2) throw new ServiceError(400, '拆分派发须指定至少两个承办单位 units')
      const children: string[] = []
      for (const code of input.units) {
        const unit = await unitByCode(payload, code)
        const child = await createOrder(
          payload,
          { ...orderAsInput(order), title: `${order.title}（${unit.name}）` },
          actor,
        )
        await payload.update({
          collection: ORDER,
          id: child.id,
          data: { parent: order.id, claimant: order.claimant },
          overrideAccess: true,
        })
        await actOnOrder(payload, child.number, 'dispatch', { unit: code }, actor)
        children.push(child.number)
      }
      note = `拆分为 ${children.join('、')}`
      break
    }
    case 'request-return':
      need(input.reason, '申请退回须说明理由 reason')
      need(input.basis, '申请退回须说明依据 basis')
      Object.assign(data, { resumeState: decision.from })
      note = `${input.reason}（依据：${input.basis}）`
      break
    case 'approve-return': {
      need(input.unit, '同意退回须指定改派的承办单位 unit')
      const unit = await dispatchTo(input.unit!)
      Object.assign(data, { designated: Boolean(input.designated), resumeState: null })
      note = `改派至 ${unit.name}${input.designated ? '（争议后指定承办）' : ''}`
      break
    }
    case 'reject-return':
      need(input.reason, '不同意退回须说明理由 reason')
      Object.assign(data, { resumeState: null, returnRejected: true })
      break
    case 'request-extension': {
      const max = limitOf(await limits(), 'max-extension', order).workingDays ?? 10
      if (!input.days || !Number.isInteger(input.days) || input.days < 1 || input.days > max)
        throw new ServiceError(400, `延期天数 days 须为 1–${max} 个工作日`)
      need(input.reason, '申请延期须说明理由 reason')
      data.requestedExtensionDays = input.days
      note = `申请延期 ${input.days} 个工作日：${input.reason}`
      break
    }
    case 'approve-extension': {
      const days = input.days ?? order.requestedExtensionDays ?? 0
      const rules = await limits()
      const { calendar } = rules
      const max = limitOf(rules, 'max-extension', order).workingDays ?? 10
      if (days < 1 || days > max) throw new ServiceError(400, `延期天数 days 须为 1–${max} 个工作日`)
      // The extension adds working days to the current deadline's day.
      const due = new Date(addWorkingDays(new Date(order.dueAt!), days, calendar).getTime() - 1)
      Object.assign(data, {
        dueAt: due.toISOString(),
        extensions: (order.extensions ?? 0) + 1,
        requestedExtensionDays: null,
        deadlineWarning: calendarWarning(at, due, calendar) ?? null,
      })
      note = `同意延期 ${days} 个工作日`
      break
    }
    case 'request-info':
      need(input.reason, '请说明需要诉求人补充的内容 reason')
      data.pausedAt = at.toISOString()
      break
    case 'resume': {
      // If the clock stood still while the claimant supplied information, the deadline moves by as long.
      const paused =
        order.pausedAt && pausesClock((await limits()).rules) ? at.getTime() - Date.parse(order.pausedAt) : 0
      Object.assign(data, {
        pausedAt: null,
        pausedMs: (order.pausedMs ?? 0) + paused,
        dueAt: order.dueAt ? new Date(Date.parse(order.dueAt) + paused).toISOString() : null,
      })
      note = `暂停计时 ${Math.floor(paused / 3_600_000)} 小时 ${Math.round((paused % 3_600_000) / 60_000)} 分`
      break
    }
    case 'reply': {
      need(input.result, '办结答复须填写办理结果 result')
      if (!order.claimant?.noReply) need(input.text, '须填写对诉求人的答复 text（诉求人要求不需回复的除外）')
      const callback = deadline(await limits(), at, 'callback', order)
      Object.assign(data, {
        reply: { result: input.result, text: input.text ?? null, contacted: Boolean(input.contacted) },
        callbackDueAt: callback.due,
      })
      break
    }
    case 'callback':
      need(input.satisfaction, '回访须记录满意度 satisfaction')
      Object.assign(data, { lastSatisfaction: input.satisfaction, solved: input.solved ?? null })
      note = `${input.satisfaction}${input.solved === undefined ? '' : input.solved ? '，问题已解决' : '，问题未解决'}`
      break
    case 'reopen': {
      const handling = deadline(await limits(), at, 'handling', order)
      Object.assign(data, { reopens: (order.reopens ?? 0) + 1, dueAt: handling.due, deadlineWarning: handling.warning })
      break
    }
    case 'explain':
      need(input.text, '尽责说明须填写内容 text')
      data.explanation = input.text
      break
    case 'accept-explanation':
      data.explanationAccepted = true
      break
    case 'close':
      data.resolution = 'handled'
      break
  }
  const timeline = [
    ...((order.timeline as TimelineItem[] | null) ?? []),
    stamp(actor, action, { from: decision.from, to: decision.to, note: note ?? undefined }),
  ]
  const updated = await payload.update({
    collection: ORDER,
    id: order.id,
    data: { ...data, timeline } as never,
    overrideAccess: true,
  })
  // The knowledge loop: a question the knowledge base could not answer becomes a gap for the kb-admins.
  if (action === 'answer' && input.noKnowledge) {
    await payload.create({
      collection: 'knowledge-gaps',
      overrideAccess: true,
      data: {
        question: `${order.title}：${order.content}`.slice(0, 2000),
        category: relationId(order.category as never) as number | undefined,
        order: order.id,
        orderNumber: order.number,
      },
    })
  }
  // The learning loop: the caller's question becomes a candidate similar question of the one entry cited.
  if (action === 'answer' && !input.noKnowledge && input.citedEntries?.length === 1)
    await recordQuestionCandidate(payload, input.citedEntries[0]!, order.content)
  return updated
}

function orderAsInput(order: WorkOrder): NewOrder {
  return {
    channel: order.channel ?? undefined,
    type: order.type,
    urgency: order.urgency ?? undefined,
    complex: order.complex ?? undefined,
    title: order.title,
    content: order.content,
    category: relationId(order.category as never) as number | undefined,
    district: order.district ?? undefined,
    address: order.address ?? undefined,
    claimant: {},
  }
}

/** The order as an API shows it: claimant masked, and hidden from the unit when confidential. */
export function presentOrder(order: WorkOrder, viewer: AccessUser) {
  const c = order.claimant ?? {}
  const hideFromUnit = c.confidential && hasRole(viewer, 'unit-handler') && !hasRole(viewer, 'admin', 'dispatcher')
  return {
    number: order.number,
    state: order.state,
    resolution: order.resolution ?? null,
    type: order.type,
    channel: order.channel,
    urgency: order.urgency,
    title: order.title,
    content: order.content,
    district: order.district ?? null,
    address: order.address ?? null,
    claimant: hideFromUnit
      ? { confidential: true, name: '（保密）', phone: '（保密）' }
      : {
          name: c.nameMasked ?? null,
          phone: c.phoneMasked ?? null,
          idNumber: c.idMasked ?? null,
          anonymous: c.anonymous,
          confidential: c.confidential,
          noReply: c.noReply,
        },
    unit:
      typeof order.unit === 'object' && order.unit
        ? { code: order.unit.code, name: order.unit.name }
        : (order.unit ?? null),
    dueAt: order.dueAt ?? null,
    returnDueAt: order.returnDueAt ?? null,
    callbackDueAt: order.callbackDueAt ?? null,
    deadlineWarning: order.deadlineWarning ?? null,
    extensions: order.extensions ?? 0,
    pausedMs: order.pausedMs ?? 0,
    reopens: order.reopens ?? 0,
    citedEntries: (order.citedEntries ?? []).map((c2) => ({ code: c2.code, version: c2.version, title: c2.title })),
    possibleDuplicates: (order.related ?? []).flatMap((r) =>
      typeof r === 'object' && r ? [{ number: r.number, state: r.state, title: r.title }] : [],
    ),
    noKnowledge: order.noKnowledge ?? false,
    reply: order.reply ?? null,
    lastSatisfaction: order.lastSatisfaction ?? null,
    explanation: order.explanation ?? null,
    explanationAccepted: order.explanationAccepted ?? false,
    timeline: (order.timeline as TimelineItem[] | null) ?? [],
    createdAt: order.createdAt,
  }
}

/** Reveals the claimant to those who need it, with a reason; every reveal is logged. */
export async function unmaskClaimant(payload: Payload, number: string, reason: string | undefined, actor: Actor) {
  const order = await loadOrder(payload, number, actor)
  if (!reason?.trim()) throw new ServiceError(400, '查看诉求人完整信息须说明事由 reason')
  const ownUnit =
    hasRole(actor, 'unit-handler') &&
    String(relationId(order.unit as never)) === String(actingUnitId(actor)) &&
    !['closed', 'called_back'].includes(order.state ?? '')
  const allowed = hasRole(actor, 'admin', 'dispatcher') || (ownUnit && !order.claimant?.confidential)
  if (!allowed)
    throw new ServiceError(
      403,
      order.claimant?.confidential ? '诉求人要求保密，承办单位不能查看其身份信息' : '您无权查看诉求人的完整信息',
    )
  const key = env().personalDataKey
  const c = order.claimant ?? {}
  const reveal = (v?: string | null) => (v ? decryptField(v, key) : null)
  const result = { name: reveal(c.nameEnc), phone: reveal(c.phoneEnc), idNumber: reveal(c.idEnc) }
  await payload.create({
    collection: 'personal-data-log',
    overrideAccess: true,
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
}
