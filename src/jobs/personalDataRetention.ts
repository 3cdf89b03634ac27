/** The daily retention round: anonymises claimants of orders that ended more than PERSONAL_DATA_RETENTION_DAYS ago. */
import type { TaskConfig } from 'payload'

import { anonymiseExpired } from '../services/personalDataRetention'
import { MAINTENANCE_QUEUE } from './knowledgeMaintenance'

export const PersonalDataRetentionTask: TaskConfig<{ input: Record<string, never>; output: { summary: string } }> = {
  slug: 'personalDataRetention',
  label: '个人信息保留期限巡检',
  inputSchema: [],
  outputSchema: [{ name: 'summary', type: 'text' }],
  schedule: [{ cron: '0 40 3 * * *', queue: MAINTENANCE_QUEUE }],
  retries: 2,
  handler: async ({ req }) => {
    const report = await anonymiseExpired(req.payload)
    return { output: { summary: JSON.stringify({ cutoff: report.cutoff, anonymised: report.anonymised.length }) } }
  },
}
