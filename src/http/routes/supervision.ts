/** /api/v1/supervision: 督办 of work orders and units by hand, the units' rectification and its review. */
import { Router } from 'express'
import type { Payload } from 'payload'
import { z } from 'zod'

import { rateLimitPerCaller, requireCaller } from '../../auth/callers'
import type { Role } from '../../domain/roles'
import { openManualSupervision, reviewRectification, submitRectification } from '../../services/orderSupervision'
import { escalateSupervision, listSupervision } from '../../services/supervisionDesk'
import { text } from '../../services/workOrderInput'
import { actorOf } from '../../services/workOrders'
import { parseParams } from '../searchParams'

const ROLES: readonly Role[] = ['admin', 'supervisor', 'unit-handler', 'unit-editor', 'unit-reviewer']

const manual = z.object({
  workOrder: z
    .string()
    .regex(/^GD\d{14}$/, 'workOrder 须为工单编号，如 GD20261125000123')
    .optional(),
  unit: z.string().max(100).optional(),
  reason: z.enum(['poor_handling', 'other'], {
    error: 'reason 只能是 poor_handling（办理不力造成不良影响）或 other（其他）',
  }),
  description: text(2000, '请填写督办事由 description'),
})
const id = z.object({ id: z.coerce.number({ error: '督办事项编号须为数字' }).int().positive('督办事项编号须为数字') })

export function supervisionRouter(payload: Payload): Router {
  const router = Router()
  router.use(requireCaller(payload, { roles: ROLES, scope: 'work-orders' }))
  router.use(rateLimitPerCaller(payload, 'supervision', 120))

  router.get('/', async (req, res) => {
    const filter = parseParams(
      z.object({
        reason: z.string().max(40).optional(),
        unit: z.string().max(20).optional(),
        status: z.enum(['open', 'all']).optional(),
      }),
      req.query,
    )
    res.json(await listSupervision(payload, actorOf(res.locals.caller), filter))
  })

  router.post('/', async (req, res) => {
    const input = parseParams(manual, req.body ?? {})
    res.status(201).json(await openManualSupervision(payload, input, actorOf(res.locals.caller)))
  })

  router.post('/:id/rectification', async (req, res) => {
    const { id: itemId } = parseParams(id, req.params)
    const body = parseParams(z.object({ text: text(5000, '请填写整改反馈 text') }), req.body ?? {})
    res.json(await submitRectification(payload, itemId, body.text, actorOf(res.locals.caller)))
  })

  router.post('/:id/review', async (req, res) => {
    const { id: itemId } = parseParams(id, req.params)
    const body = parseParams(
      z.object({
        accept: z.boolean({ error: '请用 accept: true/false 认可或退回整改' }),
        note: z.string().trim().max(2000).optional(),
      }),
      req.body ?? {},
    )
    res.json(await reviewRectification(payload, itemId, body, actorOf(res.locals.caller)))
  })

  router.post('/:id/escalate', async (req, res) => {
    const { id: itemId } = parseParams(id, req.params)
    const body = parseParams(z.object({ note: text(2000, '请说明升级理由 note') }), req.body ?? {})
    res.json(await escalateSupervision(payload, itemId, body.note, actorOf(res.locals.caller)))
  })

  return router
}
