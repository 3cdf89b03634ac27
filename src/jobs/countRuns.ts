/** Counts each run of a task and its outcome for /metrics (hotline_job_runs_total). */
import type { TaskConfig } from 'payload'

import { jobRuns } from '../metrics'

export function countRuns<T extends TaskConfig<any>>(task: T): T {
  const { handler, slug } = task
  if (typeof handler !== 'function') return task
  return {
    ...task,
    handler: (async (args: Parameters<typeof handler>[0]) => {
      try {
        const result = await handler(args)
        jobRuns.inc({ task: slug, outcome: 'ok' })
        return result
      } catch (err) {
        jobRuns.inc({ task: slug, outcome: 'failed' })
        throw err
      }
    }) as typeof handler,
  }
}
