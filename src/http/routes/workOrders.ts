/** /api/v1/work-orders: intake from a call, the order, and the actions of its flow. */
import express, { type NextFunction, type Request, type Response, Router } from 'express'
import type { Payload } from 'payload'
import { z } from 'zod'

import { rateLimitPerCaller, requireCaller } from '../../auth/callers'
import type { Role } from '../../domain/roles'
import { type IncomingFile, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../../domain/workOrders/orderAttachments'
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

/** A multipart body (the explanation with its files) as raw bytes, with a Chinese answer when too large. */
function multipartBody(req: Request, res: Response, next: NextFunction) {
  const limit = MAX_ATTACHMENTS * MAX_ATTACHMENT_BYTES + 1024 * 1024
  express.raw({ type: 'multipart/form-data', limit })(req, res, (err?: unknown) => {
    if ((err as { type?: string } | undefined)?.type === 'entity.too.large')
      return next(new HttpError(413, `附件合计超过 ${limit / 1024 / 1024} MB`))
    next(err)
  })
}

/** The form's text fields as the action's input, and its files. */
async function readMultipart(req: Request): Promise<{ fields: Record<string, string>; files: IncomingFile[] }> {
  const form = await new globalThis.Response(new Uint8Array(req.body as Buffer), {
    headers: { 'content-type': req.headers['content-type'] ?? '' },
  })
    .formData()
    .catch(() => {
      throw new HttpError(400, '无法读取上传的表单')
    })
  const fields: Record<string, string> = {}
  const files: IncomingFile[] = []
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') fields[name] = value
    else if (value.size > 0 || value.name)
      files.push({ name: value.name, size: value.size, data: new Uint8Array(await value.arrayBuffer()) })
  }
  return { fields, files }
}

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

  // JSON, or multipart/form-data for an explanation with its files (field `attachments`).
  router.post('/:number/actions/:action', multipartBody, async (req, res) => {
    const { action, number } = req.params as { action: string; number: string }
    if (!isOrderAction(action))
      throw new HttpError(400, `未知的操作 ${action}；可用：${ORDER_ACTIONS.map((a) => a.value).join('、')}`)
    const { fields, files } = req.is('multipart/form-data')
      ? await readMultipart(req)
      : { fields: req.body ?? {}, files: [] }
    const body = parseParams(actionInputFor(action), fields)
    const actor = actorOf(res.locals.caller)
    res.json(presentOrder(await actOnOrder(payload, number, action, body, actor, undefined, files), actor))
  })

  router.post('/:number/unmask', async (req, res) => {
    const { reason } = parseParams(z.object({ reason: text(500, '请说明查看事由 reason') }), req.body ?? {})
    res.json(await unmaskClaimant(payload, req.params.number, reason, actorOf(res.locals.caller)))
  })

  return router
}
