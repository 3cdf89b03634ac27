/**
 * Suggestion accuracy for the admin: what intake suggested (stored on each order) against what people
 * chose — the category of closed orders (confirmed when the order closed, or as corrected since) and
 * the unit that handled a dispatched order — per month of intake and per category.
 */
import type { Payload } from 'payload'

import { now } from '../domain/clock'
import { suggestionAccuracy } from '../domain/intake/suggestionAccuracy'
import { relationId } from '../domain/roles'
import { shanghaiDateString } from '../domain/shanghaiTime'
import { monthRange } from '../domain/workOrders/reportMonth'
import { ORDER } from './workOrders'

const idOf = (v: Parameters<typeof relationId>[0]) => {
  const id = relationId(v)
  return id === undefined ? null : String(id)
}

/** The report for the current month and the `months - 1` before it. */
export async function intakeAccuracy(payload: Payload, months: number) {
  const [y, m] = shanghaiDateString(now()).split('-').map(Number)
  const first = new Date(Date.UTC(y, m - months, 1))
  const from = monthRange(`${first.getUTCFullYear()}-${String(first.getUTCMonth() + 1).padStart(2, '0')}`).from
  const [orders, categories] = await Promise.all([
    payload.find({
      collection: ORDER,
      where: {
        and: [
          { createdAt: { greater_than_equal: from } },
          { or: [{ suggestedCategory: { exists: true } }, { suggestedUnit: { exists: true } }] },
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: {
        createdAt: true,
        state: true,
        category: true,
        suggestedCategory: true,
        unit: true,
        suggestedUnit: true,
      },
    }),
    payload.find({
      collection: 'categories',
      pagination: false,
      depth: 0,
      overrideAccess: true,
      select: { path: true },
    }),
  ])
  const report = suggestionAccuracy(
    orders.docs.map((o) => ({
      createdAt: o.createdAt,
      suggestedCategory: idOf(o.suggestedCategory),
      // Only a closed order's category is confirmed: until then the agent's choice may still change.
      category: o.state === 'closed' ? idOf(o.category) : null,
      suggestedUnit: idOf(o.suggestedUnit),
      unit: idOf(o.unit),
    })),
  )
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
