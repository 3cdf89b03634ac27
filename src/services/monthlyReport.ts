/**
 * 数据分析报告: the monthly analysis of the hotline's claims (第二十八条) as an XLSX workbook — volumes,
 * breakdowns, hot topics and addresses, the unit ranking, satisfaction, daily volumes and the open
 * knowledge gaps — stored under DATA_DIR/reports and announced to the hotline staff.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { env } from '../config/env'
import { monthRange } from '../domain/workOrders/reportMonth'
import { summaryTables, type Table, trendTable } from '../domain/workOrders/reportTables'
import { mergeBatches, type Notice, notify, type Recipient, sendDigests, usersWithRole } from './notify'
import { tablesToXlsx } from './spreadsheets'
import { knowledgeGaps, reportSummary, reportTrend } from './workOrderReports'

/** Staff who receive the report: the hotline's own roles, not the units. */
const REPORT_READERS = ['admin', 'kb-admin', 'dispatcher', 'supervisor']

export const monthlyReportFile = (month: string) => path.join(env().dataDir, 'reports', `数据分析报告-${month}.xlsx`)
export const monthlyReportUrl = (month: string) => `/api/v1/reports/monthly/${month}`

export async function monthlyReportTables(payload: Payload, month: string, at: Date): Promise<Table[]> {
  const range = monthRange(month)
  const [{ summary, ranking }, days, gaps] = await Promise.all([
    reportSummary(payload, range, at),
    reportTrend(payload, range, 'day'),
    knowledgeGaps(payload),
  ])
  return [
    {
      name: '说明',
      columns: [
        { key: 'item', header: '项目', kind: 'text', width: 16 },
        { key: 'value', header: '内容', kind: 'text', width: 60 },
      ],
      rows: [
        { item: '报告', value: `12345 热线数据分析报告（${month}）` },
        { item: '统计范围', value: `${month} 月受理的工单（拆分工单按子工单计）` },
        { item: '生成时间', value: at.toISOString() },
        {
          item: '口径',
          value:
            '按时办结率 = 按期答复件数 / 已到期或已答复件数（未答复的超期工单计入分母）；满意率含直接答复的抽样回访评价；平均办理时长按工作日计',
        },
      ],
    },
    ...summaryTables(summary, ranking),
    { ...trendTable(days), name: '每日受理量' },
    {
      name: '知识缺口',
      columns: [
        { key: 'category', header: '分类', kind: 'text', width: 24 },
        { key: 'count', header: '件数', kind: 'number' },
        { key: 'questions', header: '示例问题', kind: 'text', width: 80 },
      ],
      rows: gaps.map((g) => ({
        category: g.category,
        count: g.count,
        questions: g.questions.map((q) => q.question).join('；'),
      })),
    },
  ]
}

/** Writes the month's workbook and tells the hotline staff where to download it (once per month). */
export async function publishMonthlyReport(payload: Payload, month: string, at: Date) {
  const workbook = await tablesToXlsx(await monthlyReportTables(payload, month, at), `数据分析报告 ${month}`)
  const file = monthlyReportFile(month)
  await fs.mkdir(path.dirname(file), { recursive: true })
  await fs.writeFile(file, workbook)
  const recipients = new Map<string | number, Recipient>()
  for (const role of REPORT_READERS) for (const r of await usersWithRole(payload, role)) recipients.set(r.id, r)
  const batches = new Map<Recipient, Notice[]>()
  mergeBatches(
    batches,
    await notify(payload, [...recipients.values()], {
      kind: 'report',
      title: `${month} 数据分析报告已生成`,
      message: `下载：${monthlyReportUrl(month)}`,
      dedupeKey: (r) => `monthly-report:${month}:${r}`,
    }),
  )
  const emails = await sendDigests(payload, batches, `12345 热线数据分析报告 ${month}`)
  return { month, file, bytes: workbook.length, notified: batches.size, emails }
}
