/** Retrains the category suggestion from closed work orders every night. */
import type { TaskConfig } from 'payload'

import { trainIntakeModel } from '../services/intakeSuggestions'
import { MAINTENANCE_QUEUE } from './knowledgeMaintenance'

export const TrainIntakeModelTask: TaskConfig<{ input: Record<string, never>; output: { summary: string } }> = {
  slug: 'trainIntakeModel',
  label: '训练受理分类建议模型',
  inputSchema: [],
  outputSchema: [{ name: 'summary', type: 'text' }],
  schedule: [{ cron: '0 30 2 * * *', queue: MAINTENANCE_QUEUE }],
  retries: 1,
  handler: async ({ req }) => {
    const report = await trainIntakeModel(req.payload)
    return { output: { summary: report ? JSON.stringify(report) : '已办结且有分类的工单不足两类，未训练' } }
  },
}
