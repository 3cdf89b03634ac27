/** /api/v1/work-orders: intake from a call, the order, and the actions of its flow. */
import { type Request, type Response, Router } from 'express'
import type { Payload } from 'payload'
import { z } from 'zod'

import { rateLimitPerCaller, requireCaller } from '../../auth/callers'
import type { Role } from '../../domain/roles'
import { isOrderAction, ORDER_ACTIONS } from '../../domain/workOrders/orderFlow'
import { similarForIntake } from '../../services/intakeSimilar'
import { suggestForIntake } from '../../services/intakeSuggestions'
import { listQueue } from '../../services/orderQueues'
import { actOnOrder, orderActions } from '../../services/workOrderActions'
import { unmaskClaimant } from '../../services/workOrderClaimant'
import { actionInputFor, intakeQuery, newOrder, similarQuery, text } from '../../services/workOrderInput'
import { createOrder } from '../../services/workOrderIntake'
import { presentOrder } from '../../services/workOrderPresentation'
import { actorOf, loadOrder } from '../../services/workOrders'
import { HttpError } from '../errors'
import { parseParams } from '../searchParams'

const ORDER_ROLES: readonly Role[] = ['admin', 'dispatcher', 'agent', 'supervisor', 'unit-handler']
const SUGGESTION_ROLES: readonly Role[] = ['admin', 'dispatcher', 'agent', 'supervisor']

const queueQuery = z.object({
  queue: z.string({ error: '请指定队列 queue' }).min(1, '请指定队列 queue').max(40),
  page: z.coerce.number({ error: 'page 须为页码' }).int().min(1, 'page 须为页码').max(10_000).default(1),
})

export function workOrdersRouter(payload: Payload): Router {
  const router = Router()
  router.use(requireCaller(payload, { roles: ORDER_ROLES, scope: 'work-orders' }))
  router.use(rateLimitPerCaller(payload, 'work-orders', 600))

  router.post('/', async (req, res) => {
    const input = parseParams(newOrder, req.body ?? {})
    const actor = actorOf(res.locals.caller)
    res.status(201).json(presentOrder(await createOrder(payload, input, actor), actor))
  })

  // A desk's queue, one page at a time (the desk pages read the same service).
  router.get('/', async (req, res) => {
    const { queue, page } = parseParams(queueQuery, req.query)
    res.json(await listQueue(payload, actorOf(res.locals.caller), queue, page))
  })

  const deskOnly = (_req: Request, res: Response, next: () => void) => {
    const caller = res.locals.caller as { kind: string; roles?: Role[] }
    if (caller.kind === 'user' && !caller.roles?.some((r) => SUGGESTION_ROLES.includes(r)))
      throw new HttpError(403, '只有话务员、派单员和管理人员可以查看受理建议')
    next()
  }

  // Category and unit suggestions while an order is taken (before it has a number).
  router.get('/suggestions', deskOnly, async (req, res) => {
    res.json(await suggestForIntake(payload, parseParams(intakeQuery, req.query)))
  })

  // The caller's orders and similar open ones, while an order is taken. POST: a phone never goes in a URL.
  router.post('/similar', deskOnly, async (req, res) => {
    const query = parseParams(similarQuery, req.body ?? {})
    res.json(await similarForIntake(payload, query, actorOf(res.locals.caller)))
  })

  router.get('/:number', async (req, res) => {
    const actor = actorOf(res.locals.caller)
    res.json(presentOrder(await loadOrder(payload, req.params.number, actor), actor))
  })

  router.get('/:number/actions', async (req, res) => {
    res.json(await orderActions(payload, req.params.number, actorOf(res.locals.caller)))
  })

  router.post('/:number/actions/:action', async (req, res) => {
    const { action } = req.params
    if (!isOrderAction(action))
      throw new HttpError(400, `未知的操作 ${action}；可用：${ORDER_ACTIONS.map((a) => a.value).join('、')}`)
    const body = parseParams(actionInputFor(action), req.body ?? {})
    const actor = actorOf(res.locals.caller)
    res.json(presentOrder(await actOnOrder(payload, req.params.number, action, body, actor), actor))
  })

  router.post('/:number/unmask', async (req, res) => {
    const { reason } = parseParams(z.object({ reason: text(500, '请说明查看事由 reason') }), req.body ?? {})
    res.json(await unmaskClaimant(payload, req.params.number, reason, actorOf(res.locals.caller)))
  })

  return router
}
