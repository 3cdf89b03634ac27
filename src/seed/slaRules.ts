/**
 * Seeds the default time-limit rules: all of them on a fresh database; on an older one, the rules of
 * the kinds it has none of yet (the queue clocks added later), except `pause-clock`, whose absence is
 * the admins' choice. Admins change them in `sla-rules`.
 */
import type { Payload } from 'payload'

import { DEFAULT_SLA_RULES } from '../domain/workOrders/orderTypes'

export async function seedSlaRules(payload: Payload): Promise<number> {
  const { docs } = await payload.find({ collection: 'sla-rules', pagination: false, depth: 0, overrideAccess: true })
  const kinds = new Set(docs.map((r) => r.kind))
  const missing = DEFAULT_SLA_RULES.filter((r) => !kinds.has(r.kind) && (!docs.length || r.kind !== 'pause-clock'))
  for (const rule of missing)
    await payload.create({ collection: 'sla-rules', overrideAccess: true, data: rule as never })
  return missing.length
}
