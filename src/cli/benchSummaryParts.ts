/**
 * `npm run bench:summary-parts -- --db <file>`: where the 30-day summary's CPU goes, on a database
 * `bench:orders --db` generated (the new migrations are applied to it first). Each part of
 * `reportSummary` — the store's queries, the supervision count, the calendar, the naming and the pure
 * folding — is timed on its own, then the whole summary, the year's monthly trend and the data of
 * `/admin/reports`: the median CPU time of the process over `--runs` runs after a warm-up.
 */
import path from 'node:path'

import { Command } from 'commander'

import { median } from './median'

const options = new Command()
  .requiredOption('--db <file>', 'a SQLite file bench:orders generated')
  .option('--runs <n>', 'timed runs per part (the median is shown)', '5')
  .parse(process.argv)
  .opts<{ db: string; runs: string }>()
Object.assign(process.env, {
  DATABASE_URI: `file:${path.resolve(options.db)}`,
  LOG_LEVEL: 'error',
  HOTLINE_NOW: process.env.HOTLINE_NOW ?? '2026-11-30T12:00:00+08:00',
})

const { now } = await import('../domain/clock')
const { summaryOf, unitRankingOf } = await import('../domain/workOrders/reports')
const { bootPayload } = await import('../server/bootPayload')
const { reportStore } = await import('../services/reportStore')
const { loadCalendar } = await import('../services/supervision')
const { adminReportData, reportScope, reportSummary, reportTrend, supervisionCount } =
  await import('../services/workOrderReports')

const payload = await bootPayload()
const at = now()
const DAY = 86_400_000
const last30 = { from: new Date(at.getTime() - 30 * DAY), to: at }
const scope = await reportScope(payload, last30)
const store = reportStore(payload)
const runs = Number(options.runs)

async function cpu(label: string, work: () => Promise<unknown>) {
  await work()
  const used: number[] = []
  const wall: number[] = []
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage()
    const t = performance.now()
    await work()
    wall.push(performance.now() - t)
    const u = process.cpuUsage(c)
    used.push((u.user + u.system) / 1000)
  }
  const ms = (l: number[]) => median(l).toFixed(0)
  console.log(`${label.padEnd(28)} CPU ${ms(used).padStart(5)} ms   wall ${ms(wall).padStart(5)} ms`)
}

const groups = await store.groups(scope, at)
const handling = await store.handling(scope)
const addresses = await store.addresses(scope, 5)
const calendar = await loadCalendar(payload)
console.log(`window: ${groups.filter((g) => g.slice === 'type').reduce((s, g) => s + g.volume, 0)} orders`)
await cpu('store.groups', () => store.groups(scope, at))
await cpu('store.handling', () => store.handling(scope))
await cpu('store.addresses', () => store.addresses(scope, 5))
await cpu('supervision count', () => supervisionCount(payload, scope))
await cpu('calendar', () => loadCalendar(payload))
await cpu('pure summary + ranking', async () => {
  summaryOf({ groups, handling, addresses, supervision: 0, calendar })
  unitRankingOf(groups, handling, calendar)
})
await cpu('summary, 30 days (all)', () => reportSummary(payload, last30, at))
await cpu('trend by day, 30 days', () => reportTrend(payload, last30, 'day'))
await cpu('trend by month, a year', () =>
  reportTrend(payload, { from: new Date(at.getTime() - 365 * DAY), to: at }, 'month'),
)
await cpu('/admin/reports data', () => adminReportData(payload, at))
await payload.destroy()
process.exit(0)
