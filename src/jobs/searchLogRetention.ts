/** The daily round that deletes search analytics older than SEARCH_LOG_RETENTION_DAYS. */
import type { TaskConfig } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { pruneSearchLog } from '../services/searchLog'
import { MAINTENANCE_QUEUE } from './knowledgeMaintenance'

export const SearchLogRetentionTask: TaskConfig<{ input: Record<string, never>; output: { summary: string } }> = {
  slug: 'searchLogRetention',
  label: '检索日志保留期限巡检',
  inputSchema: [],
  outputSchema: [{ name: 'summary', type: 'text' }],
  schedule: [{ cron: '0 50 3 * * *', queue: MAINTENANCE_QUEUE }],
  retries: 2,
  handler: async ({ req }) => {
    const deleted = await pruneSearchLog(req.payload, now(), env().searchLogRetentionDays)
    return { output: { summary: JSON.stringify({ deleted }) } }
  },
}
