/** /api/v1/reports: work-order statistics (JSON, CSV, XLSX), knowledge gaps and answer provenance. */
import fs from 'node:fs'

import { type Request, type Response, Router } from 'express'
import type { Payload } from 'payload'
import { z } from 'zod'

import { type Caller, rateLimitPerCaller, requireCaller } from '../../auth/callers'
import { now } from '../../domain/clock'
import { searchLogLists, searchLogTables } from '../../domain/knowledge/searchLog'
import { relationId, type Role, STAFF_ROLES, UNIT_ROLES } from '../../domain/roles'
import { parseHotlineDate, shanghaiDateString } from '../../domain/shanghaiTime'
import { ORDER_TYPES } from '../../domain/workOrders/orderTypes'
import { MONTH_PATTERN } from '../../domain/workOrders/reportMonth'
import { summaryTables, type Table, trendTable } from '../../domain/workOrders/reportTables'
import { intakeAccuracy } from '../../services/intakeAccuracy'
import { feedbackCounts } from '../../services/knowledgeQueries'
import { monthlyReportFile } from '../../services/monthlyReport'
import { searchLogRows } from '../../services/searchLog'
import { tablesToCsv, tablesToXlsx } from '../../services/spreadsheets'
import { answeredWithOtherVersions, knowledgeGaps, reportSummary, reportTrend } from '../../services/workOrderReports'
import { HttpError } from '../errors'
import { parseParams } from '../searchParams'

const HOTLINE_ROLES: readonly Role[] = ['admin', 'kb-admin', 'dispatcher', 'supervisor']
const DAY_MS = 86_400_000
const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && parseHotlineDate(v) !== undefined

const day = (name: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || parseHotlineDate(v) !== undefined, `${name} 须为日期，如 2026-11-01`)
    .transform((v) => (v ? parseHotlineDate(v)! : undefined))

const filters = z.object({
  from: day('from'),
  to: day('to'),
  unit: z.string().max(100).optional(),
  type: z
    .enum(ORDER_TYPES.map((t) => t.value) as [string, ...string[]], { error: 'type 不是有效的诉求类型' })
    .optional(),
  category: z.string().max(200).optional(),
  district: z.string().max(50).optional(),
  interval: z.enum(['day', 'week', 'month'], { error: 'interval 只能是 day、week、month' }).default('day'),
  format: z.enum(['json', 'csv', 'xlsx'], { error: 'format 只能是 json、csv、xlsx' }).default('json'),
})

/** The file's Chinese name for browsers (RFC 6266 `filename*`), an ASCII one for the rest. */
const attachment = (ascii: string, chinese: string, ext: string) =>
  `attachment; filename="${ascii}.${ext}"; filename*=UTF-8''${encodeURIComponent(`${chinese}.${ext}`)}`

/** The JSON document, or its tables as CSV or XLSX. */
async function send(res: Response, format: string, name: [string, string], json: unknown, tables: Table[]) {
  if (format === 'json') return res.json(json)
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8')
    res.setHeader('Content-Disposition', attachment(...name, 'csv'))
    return res.send(tablesToCsv(tables))
  }
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  res.setHeader('Content-Disposition', attachment(...name, 'xlsx'))
  res.send(await tablesToXlsx(tables))
}

/** A unit's staff see their own unit's figures only; hotline staff and API keys see every unit. */
function ownUnit(res: Response): string | number | undefined {
  const caller = res.locals.caller as Caller
  if (caller.kind !== 'user' || caller.roles.some((r) => HOTLINE_ROLES.includes(r))) return undefined
  const unit = relationId(caller.unit)
  if (unit === undefined) throw new HttpError(403, '当前账号未关联承办单位，无法查看统计')
  return unit
}

const kbAdminOnly = (_req: Request, res: Response, next: () => void) => {
  const caller = res.locals.caller as Caller
  if (caller.kind !== 'user' || !caller.roles.some((r) => STAFF_ROLES.includes(r)))
    throw new HttpError(403, '仅知识库管理员可查看检索分析')
  next()
}

const searchLogFilters = z.object({
  from: z.string().refine(isDay, 'from 须为日期，如 2026-11-01').optional(),
  to: z.string().refine(isDay, 'to 须为日期，如 2026-11-30').optional(),
  audience: z.enum(['agent', 'public'], { error: 'audience 只能是 agent 或 public' }).optional(),
  category: z.string().max(100).optional(),
  format: z.enum(['json', 'csv', 'xlsx'], { error: 'format 只能是 json、csv、xlsx' }).default('json'),
})

const hotlineOnly = (_req: Request, res: Response, next: () => void) => {
  if (ownUnit(res) !== undefined) throw new HttpError(403, '仅热线工作人员可查看')
  next()
}

export function reportsRouter(payload: Payload): Router {
  const router = Router()
  router.use(requireCaller(payload, { roles: [...HOTLINE_ROLES, ...UNIT_ROLES], scope: 'work-orders' }))
  router.use(rateLimitPerCaller(payload, 'reports', 120))

  const period = (req: Request, res: Response) => {
    const p = parseParams(filters, req.query)
    const to = p.to ? new Date(p.to.getTime() + DAY_MS) : now()
    const from = p.from ?? new Date(to.getTime() - 30 * DAY_MS)
    if (from >= to) throw new HttpError(400, 'from 须早于 to')
    const unit = ownUnit(res)
    if (unit !== undefined && p.unit) throw new HttpError(403, '只能查看本单位的统计')
    return { ...p, from, to, unitId: unit }
  }

  router.get('/summary', async (req, res) => {
    const p = period(req, res)
    const { summary, ranking } = await reportSummary(payload, p, now())
    await send(
      res,
      p.format,
      ['summary', '工单统计'],
      { from: p.from, to: p.to, ...summary, ranking },
      summaryTables(summary, ranking),
    )
  })

  router.get('/trend', async (req, res) => {
    const p = period(req, res)
    const rows = await reportTrend(payload, p, p.interval)
    await send(res, p.format, ['trend', '工单趋势'], { interval: p.interval, rows }, [trendTable(rows)])
  })

  /** The monthly 数据分析报告 (written by the monthlyReport job), for the hotline staff. */
  router.get('/monthly/:month', hotlineOnly, (req, res) => {
    const month = String(req.params.month)
    if (!MONTH_PATTERN.test(month)) throw new HttpError(400, '月份格式应为 YYYY-MM，如 2026-11')
    const file = monthlyReportFile(month)
    if (!fs.existsSync(file)) throw new HttpError(404, `${month} 的数据分析报告尚未生成`)
    res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    res.setHeader('Content-Disposition', attachment(`report-${month}`, `数据分析报告-${month}`, 'xlsx'))
    res.sendFile(file)
  })

  router.get('/feedback', hotlineOnly, async (_req, res) => res.json({ entries: await feedbackCounts(payload) }))

  // Open gaps from orders, and what searches found nothing for (the analytics of the last 30 days).
  router.get('/knowledge-gaps', hotlineOnly, async (_req, res) => {
    const to = shanghaiDateString(now())
    const from = shanghaiDateString(new Date(now().getTime() - 29 * DAY_MS))
    const { noHit } = searchLogLists(await searchLogRows(payload, { from, to }), 50)
    res.json({
      groups: await knowledgeGaps(payload),
      searchesWithoutHits: noHit.map((q) => ({ query: q.query, audience: q.audience, times: q.noHit })),
    })
  })

  /** 检索分析: the search analytics for kb-admins (JSON, CSV, XLSX). */
  router.get('/search-log', kbAdminOnly, async (req, res) => {
    const p = parseParams(searchLogFilters, req.query)
    const to = p.to ?? shanghaiDateString(now())
    const from = p.from ?? shanghaiDateString(new Date(parseHotlineDate(to)!.getTime() - 29 * DAY_MS))
    if (from > to) throw new HttpError(400, 'from 不能晚于 to')
    const rows = await searchLogRows(payload, { from, to, audience: p.audience, category: p.category })
    await send(res, p.format, ['search-log', '检索分析'], { from, to, ...searchLogLists(rows) }, searchLogTables(rows))
  })

  /** Intake suggestions against what people chose, per month and category (hotline staff only). */
  router.get('/intake-accuracy', hotlineOnly, async (req, res) => {
    const { months } = parseParams(
      z.object({
        months: z.coerce
          .number({ error: 'months 须为 1–24 的整数' })
          .int('months 须为 1–24 的整数')
          .min(1, 'months 须为 1–24 的整数')
          .max(24, 'months 须为 1–24 的整数')
          .default(6),
      }),
      req.query,
    )
    res.json(await intakeAccuracy(payload, months))
  })

  router.get('/answer-provenance', hotlineOnly, async (req, res) => {
    const { code } = parseParams(
      z.object({ code: z.string({ error: '请提供知识编号 code' }).regex(/^[A-Za-z0-9-]{1,40}$/, '知识编号格式不对') }),
      req.query,
    )
    const result = await answeredWithOtherVersions(payload, code)
    if (!result) throw new HttpError(404, `没有知识条目 ${code}`)
    res.json(result)
  })

  return router
}
