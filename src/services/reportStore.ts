/**
 * Report counters straight from the database: each query groups the period's orders and returns at
 * most dimensions × values rows (or days × …), never the orders themselves, so a report costs the
 * same at 10k and at a million orders. One interface, one implementation per adapter; both return
 * exactly what the pure functions in src/domain/workOrders/reports.ts compute from the orders.
 */
import type { Payload } from 'payload'

import type { SuggestionOutcome } from '../domain/intake/suggestionAccuracy'
import type { DayRow, HandlingPair, NamedCount, ReportGroup } from '../domain/workOrders/reports'
import { mongoReportStore } from './reportStoreMongo'
import { sqliteReportStore } from './reportStoreSqlite'

/** What a report covers: orders created in [from, to), optionally of some units, categories, a type, a district. */
export type ReportScope = {
  from: Date
  to: Date
  units?: readonly (string | number)[]
  categories?: readonly (string | number)[]
  type?: string
  district?: string
}

/** Unit and category in the rows are database ids (as strings); the service names them. */
export interface ReportStore {
  groups(scope: ReportScope, now: Date): Promise<ReportGroup[]>
  handling(scope: ReportScope): Promise<HandlingPair[]>
  addresses(scope: ReportScope, n: number): Promise<NamedCount[]>
  days(scope: ReportScope): Promise<DayRow[]>
  /**
   * Orders created since `from` with an intake suggestion, grouped by Shanghai month, suggested
   * category, confirmed category (that of a closed order; null while open) and whether the suggested
   * unit is the handling unit (null when either is missing).
   */
  suggestionOutcomes(from: Date): Promise<SuggestionOutcome[]>
}

export function reportStore(payload: Payload): ReportStore {
  return payload.db.name === 'mongoose' ? mongoReportStore(payload) : sqliteReportStore(payload)
}
