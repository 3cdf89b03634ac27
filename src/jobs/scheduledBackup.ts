/**
 * The scheduled online backup of the embedded database and attachments (BACKUP_SCHEDULE, keeping
 * the newest BACKUP_KEEP under BACKUP_DIR). MongoDB deployments back up with mongodump instead.
 */
import type { TaskConfig } from 'payload'

import { env } from '../config/env'
import { embeddedDataPlace, scheduledBackup } from '../services/backup'
import { MAINTENANCE_QUEUE } from './knowledgeMaintenance'

const schedule = env().backup.schedule

export const ScheduledBackupTask: TaskConfig<{ input: Record<string, never>; output: { summary: string } }> = {
  slug: 'scheduledBackup',
  label: '定时备份',
  inputSchema: [],
  outputSchema: [{ name: 'summary', type: 'text' }],
  schedule: schedule ? [{ cron: schedule, queue: MAINTENANCE_QUEUE }] : undefined,
  retries: 1,
  handler: async ({ req }) => {
    const e = env()
    if (e.databaseKind !== 'sqlite') return { output: { summary: 'MongoDB: back up with mongodump (README)' } }
    const result = await scheduledBackup(embeddedDataPlace(e), e.backup.dir, e.backup.keep)
    req.payload.logger.info(
      { dir: result.dir, bytes: result.bytes, ms: Math.round(result.ms), pruned: result.pruned },
      'scheduled backup written',
    )
    return {
      output: {
        summary: JSON.stringify({ dir: result.dir, bytes: result.bytes, pruned: result.pruned.length }),
      },
    }
  },
}
