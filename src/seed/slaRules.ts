/** Seeds the default time-limit rules once, on a fresh database; admins change them in `sla-rules`. */
import type { Payload } from 'payload'

import { DEFAULT_SLA_RULES } from '../domain/workOrders/orderTypes'

export async function seedSlaRules(payload: Payload): Promise<number> {
  if ((await payload.count({ collection: 'sla-rules', overrideAccess: true })).totalDocs > 0) return 0
  for (const rule of DEFAULT_SLA_RULES)
    await payload.create({ collection: 'sla-rules', overrideAccess: true, data: rule as never })
  return DEFAULT_SLA_RULES.length
}
