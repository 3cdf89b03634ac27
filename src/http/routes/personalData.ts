/**
 * /api/v1/personal-data: a claimant's request under 个人信息保护法 — export everything held about them,
 * or erase it from orders that are over. Admins signed in only (no API keys); each call is logged.
 */
import { Router } from 'express'
import type { Payload } from 'payload'
import { z } from 'zod'

import { type Caller, requireCaller } from '../../auth/callers'
import { eraseClaimantData, exportClaimantData } from '../../services/personalDataRetention'
import { text } from '../../services/workOrderInput'
import { HttpError } from '../errors'
import { parseParams } from '../searchParams'

const request = z.object({
  phone: text(30, '请填写诉求人的电话号码 phone'),
  reason: text(500, '请说明事由 reason，例如本人申请的受理编号'),
})

const requester = (caller: Caller & { kind: 'user' }) => ({ id: caller.id, roles: caller.roles, name: caller.name })

export function personalDataRouter(payload: Payload): Router {
  const router = Router()
  router.use(requireCaller(payload, { roles: ['admin'], scope: 'work-orders' }), (_req, res, next) => {
    if (res.locals.caller.kind !== 'user') throw new HttpError(403, '个人信息的导出和删除须由系统管理员登录操作')
    next()
  })

  router.post('/export', async (req, res) => {
    const { phone, reason } = parseParams(request, req.body ?? {})
    res.json(await exportClaimantData(payload, phone, reason, requester(res.locals.caller)))
  })

  router.post('/erase', async (req, res) => {
    const { phone, reason } = parseParams(request, req.body ?? {})
    res.json(await eraseClaimantData(payload, phone, reason, requester(res.locals.caller)))
  })

  return router
}
