import type { CollectionBeforeChangeHook } from 'payload'

import { storedReportFlags } from '../domain/workOrders/reports'

/**
 * Writes of an order through the Local API (the admin, other services) keep its `reportFlags` right, as
 * the services' lean write does (src/services/workOrderWrite.ts).
 */
export const keepReportFlags: CollectionBeforeChangeHook = ({ data, originalDoc }) => ({
  ...data,
  reportFlags: storedReportFlags({ ...(originalDoc ?? {}), ...data }),
})
