/** /api/v1/work-orders: intake from a call, the order, and the actions of its flow. */
import { Router } from 'express'
import type { Payload } from 'payload'
import { z } from 'zod'

import type { Role } from '../../domain/roles'
import { isOrderAction, ORDER_ACTIONS } from '../../domain/workOrders/orderFlow'
import { CHANNELS, NOT_ACCEPTED_REASONS, ORDER_TYPES, SATISFACTION, URGENCIES } from '../../domain/workOrders/orderTypes'
import { type Actor, actOnOrder, createOrder, loadOrder, presentOrder, unmaskClaimant } from '../../services/workOrders'
import { type Caller, rateLimitPerCaller, requireCaller } from '../auth'
import { HttpError } from '../errors'
import { parseParams } from '../searchParams'

const ORDER_ROLES: readonly Role[] = ['admin', 'dispatcher', 'agent', 'supervisor', 'unit-handler']
const values = (list: readonly { value: string }[]) => list.map((v) => v.value) as [string, ...string[]]
const text = (max: number, message: string) => z.string({ error: message }).trim().min(1, message).max(max, `${message}（不超过 ${max} 字）`)
const codes = z.array(z.string().regex(/^[A-Za-z0-9-]{1,40}$/, '知识编号格式不对')).max(10)

const newOrder = z.object({
  channel: z.enum(values(CHANNELS), { error: `channel 只能是 ${values(CHANNELS).join('、')}` }).optional(),
  type: z.enum(values(ORDER_TYPES), { error: `type 只能是 ${values(ORDER_TYPES).join('、')}` }),
  urgency: z.enum(values(URGENCIES), { error: 'urgency 只能是 normal 或 urgent' }).optional(),
  complex: z.boolean().optional(),
  title: text(200, '请填写标题 title'),
  content: text(5000, '请填写诉求内容 content'),
  district: z.string().max(50).optional(),
  address: z.string().max(200).optional(),
  claimant: z
    .object({
      name: z.string().trim().max(50).optional(),
      phone: z.string().regex(/^[0-9+\- ]{5,20}$/, '诉求人电话格式不对').optional(),
      idNumber: z.string().regex(/^[0-9Xx]{15,18}$/, '证件号码格式不对').optional(),
      anonymous: z.boolean().optional(),
      confidential: z.boolean().optional(),
      noReply: z.boolean().optional(),
    })
    .default({}),
  citedEntries: codes.optional(),
})

const actionBody = z.object({
  unit: z.string().max(100).optional(),
  units: z.array(z.string().max(100)).max(10).optional(),
  designated: z.boolean().optional(),
  reason: z.string().trim().max(2000).optional(),
  basis: z.string().trim().max(2000).optional(),
  note: z.string().trim().max(2000).optional(),
  days: z.number({ error: 'days 须为数字' }).int().optional(),
  citedEntries: codes.optional(),
  noKnowledge: z.boolean().optional(),
  answer: z.string().max(5000).optional(),
  result: z.string().trim().max(5000).optional(),
  text: z.string().trim().max(5000).optional(),
  contacted: z.boolean().optional(),
  satisfaction: z.enum(values(SATISFACTION), { error: `satisfaction 只能是 ${values(SATISFACTION).join('、')}` }).optional(),
  solved: z.boolean().optional(),
})

const notAcceptReason = z.enum(values(NOT_ACCEPTED_REASONS), { error: `不予受理类别 reason 只能是 ${values(NOT_ACCEPTED_REASONS).join('、')}` })

/** A tool with a work-orders key acts as an intake agent. */
const actorOf = (caller: Caller): Actor =>
  caller.kind === 'user' ? { id: caller.id, roles: caller.roles, unit: caller.unit, name: caller.name } : { id: `key:${caller.id}`, roles: ['agent'], name: `API：${caller.name}` }

export function workOrdersRouter(payload: Payload): Router {
  const router = Router()
  router.use(requireCaller(payload, { roles: ORDER_ROLES, scope: 'work-orders' }))
  router.use(rateLimitPerCaller(600))

  router.post('/', async (req, res) => {
    const input = parseParams(newOrder, req.body ?? {})
    const actor = actorOf(res.locals.caller)
    res.status(201).json(presentOrder(await createOrder(payload, input, actor), actor))
  })

  router.get('/:number', async (req, res) => {
    const actor = actorOf(res.locals.caller)
    res.json(presentOrder(await loadOrder(payload, req.params.number, actor), actor))
  })

  router.post('/:number/actions/:action', async (req, res) => {
    const { action } = req.params
    if (!isOrderAction(action)) throw new HttpError(400, `未知的操作 ${action}；可用：${ORDER_ACTIONS.map((a) => a.value).join('、')}`)
    const body = parseParams(actionBody, req.body ?? {})
    if (action === 'not-accept') parseParams(z.object({ reason: notAcceptReason }), body)
    const actor = actorOf(res.locals.caller)
    res.json(presentOrder(await actOnOrder(payload, req.params.number, action, body, actor), actor))
  })

  router.post('/:number/unmask', async (req, res) => {
    const { reason } = parseParams(z.object({ reason: text(500, '请说明查看事由 reason') }), req.body ?? {})
    res.json(await unmaskClaimant(payload, req.params.number, reason, actorOf(res.locals.caller)))
  })

  return router
}
