/**
 * Suggestion accuracy for the admin: what intake suggested (stored on each order) against what people
 * chose — the category of closed orders (confirmed when the order closed, or as corrected since) and
 * the unit that handled a dispatched order — per month of intake and per category. The database
 * groups the orders (src/services/reportStore.ts); only the groups are read.
 */
import type { Payload } from 'payload'

import { now } from '../domain/clock'
import { suggestionAccuracy } from '../domain/intake/suggestionAccuracy'
import { shanghaiDateString } from '../domain/shanghaiTime'
import { monthRange } from '../domain/workOrders/reportMonth'
import { reportStore } from './reportStore'

/** The report for the current month and the `months - 1` before it. */
export async function intakeAccuracy(payload: Payload, months: number) {
  const [y, m] = shanghaiDateString(now()).split('-').map(Number)
  const first = new Date(Date.UTC(y, m - months, 1))
  const from = monthRange(`${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`).from
  const [outcomes, categories] = await Promise.all([
    reportStore(payload).suggestionOutcomes(from),
    payload.find({
      collection: 'categories',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { path: true },
    }),
  ])
  const report = suggestionAccuracy(outcomes)
  const path = new Map(categories.docs.map((c) => [String(c.id), c.path ?? String(c.id)]))
  return {
    from: from.toISOString(),
    months,
    ...report,
    categories: {
      ...report.categories,
      perCategory: report.categories.perCategory.map((c) => ({ ...c, path: path.get(c.category) ?? '（已删除）' })),
    },
  }
}
