/** The monthly 数据分析报告, on the 1st of each month for the month just ended. */
import type { TaskConfig } from 'payload'

import { now } from '../domain/clock'
import { previousMonth } from '../domain/workOrders/reportMonth'
import { publishMonthlyReport } from '../services/monthlyReport'
import { MAINTENANCE_QUEUE } from './knowledgeMaintenance'

export const MonthlyReportTask: TaskConfig<{ input: Record<string, never>; output: { summary: string } }> = {
  slug: 'monthlyReport',
  label: '月度数据分析报告',
  inputSchema: [],
  outputSchema: [{ name: 'summary', type: 'text' }],
  // 00:30 UTC on the 1st: 08:30 in Shanghai, the month just ended is complete.
  schedule: [{ cron: '0 30 0 1 * *', queue: MAINTENANCE_QUEUE }],
  retries: 2,
  handler: async ({ req }) => {
    const at = now()
    return { output: { summary: JSON.stringify(await publishMonthlyReport(req.payload, previousMonth(at), at)) } }
  },
}
