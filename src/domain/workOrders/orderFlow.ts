/**
 * The life of a work order as a pure state machine: which role may take which action in which
 * state, and where it leads. `planOrderAction` (orderPlan.ts) adds the effects.
 */
import { labelOf } from '../labels'
import { type AccessUser, actingUnitId, hasRole } from '../roles'

export const ORDER_STATES = [
  { value: 'intake', label: '待处理' },
  { value: 'consulting', label: '会商中' },
  { value: 'dispatched', label: '已派发' },
  { value: 'accepted', label: '办理中' },
  { value: 'return_requested', label: '退回审核中' },
  { value: 'extension_requested', label: '延期审核中' },
  { value: 'awaiting_info', label: '待补充（暂停计时）' },
  { value: 'replied', label: '已答复待回访' },
  { value: 'called_back', label: '已回访' },
  { value: 'split', label: '已拆分' },
  { value: 'closed', label: '已办结' },
] as const
export type OrderState = (typeof ORDER_STATES)[number]['value']

export const ORDER_ACTIONS = [
  { value: 'answer', label: '直接答复' },
  { value: 'not-accept', label: '不予受理' },
  { value: 'consult', label: '发起会商' },
  { value: 'consult-reply', label: '会商意见' },
  { value: 'dispatch', label: '派发' },
  { value: 'split', label: '拆分派发' },
  { value: 'accept', label: '签收' },
  { value: 'subdispatch', label: '二级派发' },
  { value: 'request-return', label: '申请退回' },
  { value: 'approve-return', label: '同意退回并改派' },
  { value: 'reject-return', label: '不同意退回' },
  { value: 'request-extension', label: '申请延期' },
  { value: 'approve-extension', label: '同意延期' },
  { value: 'reject-extension', label: '不同意延期' },
  { value: 'request-info', label: '请诉求人补充材料' },
  { value: 'resume', label: '材料已补充，恢复计时' },
  { value: 'reply', label: '办结答复' },
  { value: 'callback', label: '回访' },
  { value: 'answer-callback', label: '直接答复回访评价' },
  { value: 'reopen', label: '重办' },
  { value: 'explain', label: '确已尽责说明' },
  { value: 'accept-explanation', label: '认可尽责说明' },
  { value: 'reject-explanation', label: '不认可尽责说明' },
  { value: 'close', label: '办结归档' },
] as const
export type OrderAction = (typeof ORDER_ACTIONS)[number]['value']

export const isOrderAction = (v: unknown): v is OrderAction => ORDER_ACTIONS.some((a) => a.value === v)
export const orderStateLabel = (s: string) => labelOf(ORDER_STATES, s)
export const orderActionLabel = (a: string) => labelOf(ORDER_ACTIONS, a)

export class OrderFlowError extends Error {
  constructor(
    readonly status: 400 | 403,
    message: string,
  ) {
    super(message)
  }
}

/** What the flow needs to know about an order. */
export type OrderFacts = {
  state: OrderState
  unit?: string | number | null
  /** The child unit the order was dispatched on to (二级派发); it handles for the unit. */
  subUnit?: string | number | null
  /** Units asked for their opinion in a 会商. */
  consultUnits?: readonly (string | number)[] | null
  resolution?: string | null
  answerRating?: string | null
  /** The state a return or extension request interrupted. */
  resumeState?: OrderState | null
  returnDueAt?: string | null
  designated?: boolean | null
  extensions?: number | null
  reopens?: number | null
  returns?: number | null
  lastSatisfaction?: string | null
  explanation?: string | null
  explanationAccepted?: boolean | null
}

type Who = 'intake' | 'dispatcher' | 'handler' | 'unit' | 'consulted'
type Rule = { from: readonly OrderState[]; who: Who; to: OrderState | ((o: OrderFacts) => OrderState) }

const RULES: Record<OrderAction, Rule> = {
  answer: { from: ['intake'], who: 'intake', to: 'closed' },
  'not-accept': { from: ['intake'], who: 'intake', to: 'closed' },
  consult: { from: ['intake'], who: 'dispatcher', to: 'consulting' },
  'consult-reply': { from: ['consulting'], who: 'consulted', to: 'consulting' },
  dispatch: { from: ['intake', 'consulting'], who: 'dispatcher', to: 'dispatched' },
  split: { from: ['intake', 'consulting'], who: 'dispatcher', to: 'split' },
  accept: { from: ['dispatched'], who: 'handler', to: 'accepted' },
  subdispatch: { from: ['accepted'], who: 'unit', to: 'accepted' },
  'request-return': { from: ['dispatched', 'accepted'], who: 'handler', to: 'return_requested' },
  'approve-return': { from: ['return_requested'], who: 'dispatcher', to: 'dispatched' },
  'reject-return': { from: ['return_requested'], who: 'dispatcher', to: (o) => o.resumeState ?? 'accepted' },
  'request-extension': { from: ['accepted'], who: 'handler', to: 'extension_requested' },
  'approve-extension': { from: ['extension_requested'], who: 'dispatcher', to: 'accepted' },
  'reject-extension': { from: ['extension_requested'], who: 'dispatcher', to: 'accepted' },
  'request-info': { from: ['accepted'], who: 'handler', to: 'awaiting_info' },
  resume: { from: ['awaiting_info'], who: 'handler', to: 'accepted' },
  reply: { from: ['accepted'], who: 'handler', to: 'replied' },
  callback: { from: ['replied'], who: 'dispatcher', to: 'called_back' },
  'answer-callback': { from: ['closed'], who: 'dispatcher', to: 'closed' },
  reopen: { from: ['called_back'], who: 'dispatcher', to: 'accepted' },
  explain: { from: ['called_back', 'closed'], who: 'handler', to: (o) => o.state },
  'accept-explanation': { from: ['called_back', 'closed'], who: 'dispatcher', to: (o) => o.state },
  'reject-explanation': { from: ['called_back', 'closed'], who: 'dispatcher', to: (o) => o.state },
  close: { from: ['called_back'], who: 'dispatcher', to: 'closed' },
}

export const MAX_EXTENSIONS = 1
export const MAX_REOPENS = 1

function mayAct(who: Who, actor: AccessUser, order: OrderFacts): boolean {
  if (hasRole(actor, 'admin')) return true
  switch (who) {
    case 'intake':
      return hasRole(actor, 'agent', 'dispatcher')
    case 'dispatcher':
      return hasRole(actor, 'dispatcher')
    case 'unit':
      return hasRole(actor, 'unit-handler') && order.unit != null && String(actingUnitId(actor)) === String(order.unit)
    case 'handler':
      return (
        hasRole(actor, 'unit-handler') &&
        [order.unit, order.subUnit].some((u) => u != null && String(actingUnitId(actor)) === String(u))
      )
    case 'consulted':
      return (
        hasRole(actor, 'unit-handler') &&
        (order.consultUnits ?? []).some((u) => String(u) === String(actingUnitId(actor)))
      )
  }
}

/** Decides an action or throws an OrderFlowError (400: not now; 403: not yours). */
export function decideOrderAction(
  order: OrderFacts,
  action: OrderAction,
  actor: AccessUser,
  now: Date,
): { from: OrderState; to: OrderState } {
  const rule = RULES[action]
  if (!rule.from.includes(order.state))
    throw new OrderFlowError(400, `工单当前为「${orderStateLabel(order.state)}」，不能${orderActionLabel(action)}`)
  if (!mayAct(rule.who, actor, order))
    throw new OrderFlowError(403, `您没有权限对该工单执行「${orderActionLabel(action)}」`)
  if (action === 'request-return') {
    if (order.designated) throw new OrderFlowError(400, '该工单是争议后指定承办的，不能再申请退回')
    if (order.returnDueAt && now.getTime() > Date.parse(order.returnDueAt))
      throw new OrderFlowError(400, '已超过退回申请时限，请继续办理')
  }
  if (action === 'request-extension' && (order.extensions ?? 0) >= MAX_EXTENSIONS)
    throw new OrderFlowError(400, `每张工单最多延期 ${MAX_EXTENSIONS} 次`)
  if (action === 'reopen') {
    if (order.lastSatisfaction !== 'dissatisfied') throw new OrderFlowError(400, '只有回访不满意的工单可以重办')
    if ((order.reopens ?? 0) >= MAX_REOPENS) throw new OrderFlowError(400, `每张工单最多重办 ${MAX_REOPENS} 次`)
  }
  if ((action === 'accept-explanation' || action === 'reject-explanation') && !order.explanation)
    throw new OrderFlowError(400, '承办单位尚未提交尽责说明')
  if (action === 'reject-explanation' && order.explanationAccepted) throw new OrderFlowError(400, '该尽责说明已认可')
  if (action === 'answer-callback') {
    if (order.resolution !== 'answered') throw new OrderFlowError(400, '只有直接答复的工单可以做直接答复回访评价')
    if (order.answerRating) throw new OrderFlowError(400, '该工单的直接答复已评价')
  }
  if (action === 'subdispatch' && order.subUnit) throw new OrderFlowError(400, '该工单已二级派发')
  return { from: order.state, to: typeof rule.to === 'function' ? rule.to(order) : rule.to }
}

/** The actions an actor may take on an order now, by the same rules that decide them. */
export function allowedOrderActions(order: OrderFacts, actor: AccessUser, now: Date): OrderAction[] {
  return ORDER_ACTIONS.map((a) => a.value).filter((action) => {
    try {
      decideOrderAction(order, action, actor, now)
      return true
    } catch (err) {
      if (err instanceof OrderFlowError) return false
      throw err
    }
  })
}
