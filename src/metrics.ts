/**
 * The process's Prometheus metrics (prom-client), beside the logger: what the request layer, search,
 * jobs and login record as they happen. Figures read from the database (open orders, outbox lag)
 * are set when /metrics is scraped (src/http/routes/metrics.ts).
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'

export const registry = new Registry()
collectDefaultMetrics({ register: registry })

export const httpRequestDuration = new Histogram({
  name: 'hotline_http_request_duration_seconds',
  help: 'HTTP requests by route group, method and status class; _count gives the request rate',
  labelNames: ['group', 'method', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
})

export const searchDuration = new Histogram({
  name: 'hotline_search_duration_seconds',
  help: 'Time the search engine took per query, by audience',
  labelNames: ['audience'] as const,
  buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
  registers: [registry],
})

export const searchQueries = new Counter({
  name: 'hotline_search_queries_total',
  help: 'Searches by audience and whether any hit was confident (the confidence share)',
  labelNames: ['audience', 'confident'] as const,
  registers: [registry],
})

export const jobRuns = new Counter({
  name: 'hotline_job_runs_total',
  help: 'Background task runs in this process by task and outcome (ok, failed)',
  labelNames: ['task', 'outcome'] as const,
  registers: [registry],
})

export const loginFailures = new Counter({
  name: 'hotline_login_failures_total',
  help: 'Refused sign-ins by HTTP status (401 wrong credentials, 423/429 locked or throttled)',
  labelNames: ['status'] as const,
  registers: [registry],
})

export const outboxPending = new Gauge({
  name: 'hotline_outbox_pending_tasks',
  help: 'Search index tasks not yet done',
  registers: [registry],
})

export const outboxOldestAge = new Gauge({
  name: 'hotline_outbox_oldest_age_seconds',
  help: 'Age of the oldest pending search index task: how far the index trails the database',
  registers: [registry],
})

export const openOrders = new Gauge({
  name: 'hotline_work_orders_open',
  help: 'Work orders not closed, by state',
  labelNames: ['state'] as const,
  registers: [registry],
})

export const ordersByDeadline = new Gauge({
  name: 'hotline_work_orders_deadline',
  help: 'Open work orders due today and overdue',
  labelNames: ['status'] as const,
  registers: [registry],
})

export function recordSearch(audience: string, tookMs: number, confident: boolean): void {
  searchDuration.observe({ audience }, tookMs / 1000)
  searchQueries.inc({ audience, confident: String(confident) })
}
