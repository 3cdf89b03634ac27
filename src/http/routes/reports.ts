/** /api/v1/reports: work-order statistics (JSON, CSV, XLSX), knowledge gaps and answer provenance. */
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { type Response, Router } from 'express'
import type { Payload } from 'payload'
import { z } from 'zod'

import { rateLimitPerCaller, requireCaller } from '../../auth/callers'
import { now } from '../../domain/clock'
import { spreadsheetSafeRow } from '../../domain/exchange/spreadsheetSafe'
import type { Role } from '../../domain/roles'
import { parseHotlineDate } from '../../domain/shanghaiTime'
import { ORDER_TYPES } from '../../domain/workOrders/orderTypes'
import { summarize, trend, unitRanking } from '../../domain/workOrders/reports'
import { feedbackCounts } from '../../services/knowledgeQueries'
import {
  answeredWithOtherVersions,
  knowledgeGaps,
  reportOrders,
  supervisionCount,
} from '../../services/workOrderReports'
import { HttpError } from '../errors'
import { parseParams } from '../searchParams'

const REPORT_ROLES: readonly Role[] = ['admin', 'kb-admin', 'dispatcher', 'supervisor']
const DAY_MS = 86_400_000

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

/** Rows as CSV or XLSX, or the JSON document itself. */
async function send(res: Response, format: string, name: string, json: unknown, data: Record<string, unknown>[]) {
  if (format === 'json') return res.json(json)
  const rows = data.map(spreadsheetSafeRow)
  if (format === 'csv') {
    res.setHeader('Content-Type', 'text/csv; charset=utf-8')
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`)
    // The byte-order mark makes Excel read UTF-8 Chinese correctly.
    return res.send(`\uFEFF${stringify(rows, { header: true })}`)
  }
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(name)
  sheet.columns = Object.keys(rows[0] ?? { empty: '' }).map((key) => ({ header: key, key, width: 18 }))
  sheet.addRows(rows)
  res.setHeader('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  res.setHeader('Content-Disposition', `attachment; filename="${name}.xlsx"`)
  res.send(Buffer.from(await book.xlsx.writeBuffer()))
}

export function reportsRouter(payload: Payload): Router {
  const router = Router()
  router.use(requireCaller(payload, { roles: REPORT_ROLES, scope: 'work-orders' }))
  router.use(rateLimitPerCaller(payload, 'reports', 120))

  const period = (query: unknown) => {
    const p = parseParams(filters, query)
    const to = p.to ? new Date(p.to.getTime() + DAY_MS) : now()
    const from = p.from ?? new Date(to.getTime() - 30 * DAY_MS)
    if (from >= to) throw new HttpError(400, 'from 须早于 to')
    return { ...p, from, to }
  }

  router.get('/summary', async (req, res) => {
    const p = period(req.query)
    const orders = await reportOrders(payload, p)
    const summary = summarize(orders, now(), await supervisionCount(payload, p))
    const ranking = unitRanking(orders, now())
    const { topCategories, topAddresses, ...figures } = summary
    await send(res, p.format, 'summary', { from: p.from, to: p.to, ...summary, ranking }, [
      ...Object.entries(figures).map(([metric, value]) => ({ section: '指标', name: metric, value })),
      ...topCategories.map((c) => ({ section: '热点分类', name: c.name, value: c.count })),
      ...topAddresses.map((a) => ({ section: '热点地址', name: a.name, value: a.count })),
      ...ranking.map((u) => ({
        section: '单位排名',
        name: u.unit,
        value: `准时率 ${u.onTimeRate ?? '—'}；满意率 ${u.satisfactionRate ?? '—'}；件数 ${u.orders}`,
      })),
    ])
  })

  router.get('/trend', async (req, res) => {
    const p = period(req.query)
    const rows = trend(await reportOrders(payload, p), p.interval)
    await send(res, p.format, 'trend', { interval: p.interval, rows }, rows)
  })

  router.get('/feedback', async (_req, res) => res.json({ entries: await feedbackCounts(payload) }))

  router.get('/knowledge-gaps', async (_req, res) => res.json({ groups: await knowledgeGaps(payload) }))

  router.get('/answer-provenance', async (req, res) => {
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
