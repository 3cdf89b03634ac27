/**
 * `npm run bench:orders -- --orders 10000,100000`: a year of realistic work orders (the demo units and
 * categories, every state, timelines of 3–8 steps, some overdue) inserted in bulk straight into the
 * embedded database, growing to each size in turn; at each size it times the 30-day summary, the
 * 30-day daily trend, a year's monthly trend, the data of /admin/reports, the deadline round (time and
 * the RSS it adds at its peak), the first intake suggestions (waiting for the unit index's build),
 * intake over HTTP at 10 connections (req/s, p99, the server's CPU per order and the load generator's
 * share of the CPU) and a consultation answered / a dispatch completing (median ms), and prints one
 * table with the process RSS.
 * Generation writes on its own synchronous connection: one prepared INSERT reused for every row,
 * one transaction per chunk of 20,000, so memory stays that of one chunk whatever the size.
 * `--db <file>` generates into that file and keeps it: a later run on it (after a change, say) applies
 * the new migrations and reuses its orders, generating only what a larger size adds.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'
import { Command } from 'commander'
import Database from 'libsql'

import { median } from './median'

const options = new Command()
  .option('--orders <sizes>', 'comma-separated sizes', '10000,100000')
  .option('--runs <n>', 'timed runs per figure (the median is shown)', '3')
  .option('--db <file>', 'a SQLite file to generate into and keep, reused by the next run')
  .parse(process.argv)
  .opts<{ orders: string; runs: string; db?: string }>()
const sizes = options.orders
  .split(',')
  .map((s) => Number(s.replace(/_/g, '')))
  .sort((a, b) => a - b)
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--orders takes sizes like 10000,100000')

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bench-orders-'))
const dbFile = options.db ? path.resolve(options.db) : path.join(dataDir, 'bench.db')
const reused = fs.existsSync(dbFile)
Object.assign(process.env, {
  DATA_DIR: dataDir,
  DATABASE_URI: `file:${dbFile}`,
  LOG_LEVEL: 'error',
  HOTLINE_NOW: process.env.HOTLINE_NOW ?? '2026-11-30T12:00:00+08:00',
})

const { sql } = await import('@payloadcms/db-sqlite')
const { now } = await import('../domain/clock')
const { addWorkingDays } = await import('../domain/calendar/workCalendar')
const { DISTRICTS } = await import('../seed/demo/organisation')
const { isDatabaseEmpty, seedDemo } = await import('../seed/seedDemo')
const { bootPayload } = await import('../server/bootPayload')
const { loadCalendar } = await import('../services/supervision')
const { adminReportData, reportSummary, reportTrend } = await import('../services/workOrderReports')
const { intakeAccuracy } = await import('../services/intakeAccuracy')
const { runOrderDeadlines } = await import('../jobs/workOrderDeadlines')
const { queueMark } = await import('../domain/workOrders/clocks')
const { createApp } = await import('../server/createApp')
const { env } = await import('../config/env')
const { createOrder } = await import('../services/workOrderIntake')
const { suggestForIntake } = await import('../services/intakeSuggestions')
const { actOnOrder } = await import('../services/workOrderActions')
const { formatOrderNumber, orderNumberPrefix } = await import('../domain/workOrders/orderNumber')
const { storedReportFlags } = await import('../domain/workOrders/reports')

const DAY = 86_400_000
const HOUR = 3_600_000
const at = now()
const lastRound = new Date(at.getTime() - HOUR)
const payload = await bootPayload()
if (await isDatabaseEmpty(payload)) await seedDemo(payload, { reset: false })
const calendar = await loadCalendar(payload)
const unitIds = (await payload.find({ collection: 'units', pagination: false, depth: 0 })).docs.map((u) => u.id)
const categoryIds = (await payload.find({ collection: 'categories', pagination: false, depth: 0 })).docs
  .filter((c) => c.parent)
  .map((c) => c.id)

/**
 * A deterministic generator (mulberry32), so that runs compare. Its arithmetic stays in 32-bit
 * integers: the LCG it replaces multiplied in doubles, lost the low bits and cycled after ≈ 16,000
 * draws, so a million orders had 861 distinct creation times and 624 addresses.
 */
function generator(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}
const random = generator(12345)
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
const weighted = <T extends string>(table: [T, number][]): T => {
  let r = random() * table.reduce((s, [, w]) => s + w, 0)
  for (const [v, w] of table) if ((r -= w) < 0) return v
  return table[0][0]
}
const STREETS = [
  '幸福路',
  '建设路',
  '滨江大道',
  '人民路',
  '解放路',
  '新华街',
  '学府路',
  '临湖东路',
  '港城大道',
  '科技路',
]
// A few hot addresses draw many claims; most addresses come up once or twice.
const address = () =>
  random() < 0.2
    ? `${pick(STREETS.slice(0, 3))}${1 + Math.floor(random() * 5)}号`
    : `${pick(STREETS)}${1 + Math.floor(random() * 400)}号`
const LIMIT_DAYS: Record<string, number> = {
  consultation: 2,
  help: 10,
  suggestion: 10,
  praise: 10,
  complaint: 15,
  report: 15,
}

type Row = Record<string, unknown>

// What intake suggested, from a generator of its own so that the other columns stay as they were.
const suggestionRandom = generator(54321)
/** 88 % of the suggested categories and 70 % of the suggested units are right. */
function suggest(row: Row) {
  row.suggestedCategory =
    suggestionRandom() < 0.88 ? row.category : categoryIds[Math.floor(suggestionRandom() * categoryIds.length)]
  row.suggestedUnit =
    row.unit && suggestionRandom() < 0.7 ? row.unit : unitIds[Math.floor(suggestionRandom() * unitIds.length)]
}

/** One order created at `created`, its fate drawn as a hotline's would be, as a row of `work_orders`. */
function order(n: number, created: Date): Row {
  const type = weighted([
    ['consultation', 45],
    ['help', 20],
    ['complaint', 20],
    ['report', 4],
    ['suggestion', 8],
    ['praise', 3],
  ])
  const row: Row = {
    type,
    channel: weighted([
      ['phone', 70],
      ['web', 8],
      ['wechat', 10],
      ['app', 6],
      ['sms', 3],
      ['email', 2],
      ['letter', 1],
    ]),
    urgency: random() < 0.02 ? 'urgent' : 'normal',
    title: `${type === 'consultation' ? '咨询' : '反映'}事项 ${n}`,
    content: '诉求人来电反映相关问题，请予处理。',
    category: pick(categoryIds),
    district: pick(DISTRICTS),
    address: address(),
    createdAt: created.toISOString(),
    updatedAt: created.toISOString(),
  }
  const steps: { at: Date; action: string; note?: string }[] = [{ at: created, action: 'create' }]
  const age = at.getTime() - created.getTime()
  const step = (action: string, when: Date, note?: string) => {
    steps.push({ at: when, action, note })
    return when
  }
  const finish = (state: string) => {
    row.state = state
    suggest(row)
    // Marked as the previous hourly round left it: the round measured is the next one.
    const mark = queueMark({ state, dueAt: row.dueAt as string | undefined }, false, lastRound)[0]
    if (mark) Object.assign(row, { deadlineStatus: mark.status, deadlineClock: mark.clock })
    row.timeline = JSON.stringify(
      steps.map((s) => ({ at: s.at.toISOString(), action: s.action, by: '坐席', note: s.note ?? null })),
    )
    row.reportFlags = storedReportFlags(row)
    return row
  }
  const answerable = type === 'consultation' && random() < 0.62
  if (age < 2 * HOUR && random() < 0.5) return finish(random() < 0.1 ? 'consulting' : 'intake')
  if (random() < 0.04) {
    row.resolution = 'not_accepted'
    step('not-accept', new Date(created.getTime() + 10 * 60_000), '重复诉求且无新情况，已告知进度')
    return finish('closed')
  }
  if (answerable) {
    row.resolution = 'answered'
    step('answer', new Date(created.getTime() + 5 * 60_000), '已按知识库答复')
    if (random() < 0.15 && age > 2 * DAY) {
      row.answerRating = weighted([
        ['satisfied', 80],
        ['basically_satisfied', 12],
        ['dissatisfied', 4],
        ['unreachable', 4],
      ])
      row.solved = random() < 0.9
      step('answer-callback', new Date(created.getTime() + 2 * DAY), '抽样回访')
    }
    return finish('closed')
  }
  if (random() < 0.01) {
    step('split', new Date(created.getTime() + HOUR), '拆分派发')
    return finish('split')
  }
  const dispatched = step('dispatch', new Date(created.getTime() + (0.5 + random() * 3) * HOUR), '派发')
  const limit = LIMIT_DAYS[type]
  row.unit = pick(unitIds)
  row.dispatchedAt = dispatched.toISOString()
  let due = addWorkingDays(dispatched, limit, calendar)
  const sinceDispatch = at.getTime() - dispatched.getTime()
  if (sinceDispatch < 6 * HOUR) {
    row.dueAt = due.toISOString()
    return finish('dispatched')
  }
  const signed = step('accept', new Date(dispatched.getTime() + random() * 8 * HOUR), '签收')
  if (random() < 0.04) {
    step('request-return', new Date(signed.getTime() + HOUR), '非本单位职责')
    row.returns = 1
  }
  if (random() < 0.05) {
    const extra = 1 + Math.floor(random() * 10)
    step('approve-extension', new Date(signed.getTime() + DAY), `同意延期 ${extra} 个工作日`)
    row.extensions = 1
    due = addWorkingDays(due, extra, calendar)
  }
  row.dueAt = due.toISOString()
  // Most replies come within the limit, some late, a few never (overdue while still open).
  const stuck = random() < 0.05
  const replyAt = new Date(
    dispatched.getTime() + random() * (random() < 0.9 ? 1 : 1.6) * (due.getTime() - dispatched.getTime()),
  )
  if (stuck || replyAt > at) {
    const open = weighted([
      ['accepted', 70],
      ['awaiting_info', 8],
      ['extension_requested', 6],
      ['return_requested', 6],
    ])
    return finish(open)
  }
  row.repliedAt = step('reply', replyAt, '已办结并答复诉求人').toISOString()
  const callbackAt = new Date(replyAt.getTime() + (0.5 + random() * 1.5) * DAY)
  if (callbackAt > at) return finish('replied')
  row.lastSatisfaction = weighted([
    ['satisfied', 68],
    ['basically_satisfied', 15],
    ['dissatisfied', 10],
    ['unreachable', 7],
  ])
  row.solved = row.lastSatisfaction !== 'dissatisfied' && random() < 0.92
  step('callback', callbackAt, '回访')
  if (row.lastSatisfaction === 'dissatisfied' && random() < 0.3) {
    row.reopens = 1
    const again = step('reopen', new Date(callbackAt.getTime() + HOUR), '不满意，重办')
    row.dispatchedAt = again.toISOString()
    row.dueAt = addWorkingDays(again, limit, calendar).toISOString()
    return finish('accepted')
  }
  if (random() < 0.02) row.explanationAccepted = true
  step('close', new Date(callbackAt.getTime() + HOUR), '办结')
  return finish(random() < 0.2 ? 'called_back' : 'closed')
}

type Drizzle = {
  all<T>(query: unknown): Promise<T[]>
}
const db = (payload.db as unknown as { drizzle: Drizzle }).drizzle
/** The row's fields and their columns in `work_orders`: only what the generator sets, so the rest keep their defaults. */
const COLUMNS: [string, string][] = [
  ['number', 'number'],
  ['state', 'state'],
  ['resolution', 'resolution'],
  ['channel', 'channel'],
  ['type', 'type'],
  ['urgency', 'urgency'],
  ['title', 'title'],
  ['content', 'content'],
  ['category', 'category_id'],
  ['district', 'district'],
  ['address', 'address'],
  ['unit', 'unit_id'],
  ['suggestedCategory', 'suggested_category_id'],
  ['suggestedUnit', 'suggested_unit_id'],
  ['dispatchedAt', 'dispatched_at'],
  ['dueAt', 'due_at'],
  ['deadlineStatus', 'deadline_status'],
  ['deadlineClock', 'deadline_clock'],
  ['repliedAt', 'replied_at'],
  ['extensions', 'extensions'],
  ['reopens', 'reopens'],
  ['returns', 'returns'],
  ['reportFlags', 'report_flags'],
  ['lastSatisfaction', 'last_satisfaction'],
  ['solved', 'solved'],
  ['answerRating', 'answer_rating'],
  ['explanationAccepted', 'explanation_accepted'],
  ['timeline', 'timeline'],
  ['createdAt', 'created_at'],
  ['updatedAt', 'updated_at'],
]
const insert = `INSERT INTO work_orders (${COLUMNS.map(([, c]) => `"${c}"`).join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`
const cell = (v: unknown) => (typeof v === 'boolean' ? Number(v) : (v ?? null))
const YEAR = 365 * DAY
const CHUNK = 20_000
/** Each day's last sequence number (the demo's and the bench's own intakes too), so that numbers look like intake's. */
const daySequence = new Map<string, number>()

/** A reused `--db` file's orders count towards each size: a size it already reaches generates nothing. */
let inserted = reused ? (await db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM work_orders`))[0].n : 0
/** Adds orders spread over the year before `at`, in creation order, one transaction per chunk. */
function grow(total: number) {
  if (total <= inserted) return
  const raw = new Database(dbFile)
  raw.exec('PRAGMA busy_timeout = 10000')
  const statement = raw.prepare(insert)
  const highest = raw
    .prepare('SELECT substr(number, 1, 10) AS day, max(number) AS number FROM work_orders GROUP BY day')
    .all() as { day: string; number: string }[]
  for (const { day, number } of highest) daySequence.set(day, Number(number.slice(-6)))
  for (let from = inserted; from < total; from += CHUNK) {
    const rows: Row[] = []
    for (let n = from; n < Math.min(total, from + CHUNK); n++) {
      rows.push(order(n, new Date(at.getTime() - YEAR + random() * YEAR)))
    }
    rows.sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)))
    raw.exec('BEGIN IMMEDIATE')
    for (const r of rows) {
      const created = new Date(String(r.createdAt))
      const day = orderNumberPrefix(created)
      const sequence = (daySequence.get(day) ?? 0) + 1
      daySequence.set(day, sequence)
      r.number = formatOrderNumber(created, sequence)
      statement.run(...COLUMNS.map(([k]) => cell(r[k])))
    }
    raw.exec('COMMIT')
  }
  raw.close()
  inserted = total
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`
const runs = Number(options.runs)
/**
 * The median wall time of `runs` runs after one warm-up, and the median CPU time of the process
 * meanwhile: on a shared machine the wall time follows the load, the CPU time much less.
 */
async function time(work: () => Promise<unknown>) {
  await work()
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    const c = process.cpuUsage()
    await work()
    times.push(performance.now() - t)
    const used = process.cpuUsage(c)
    cpu.push((used.user + used.system) / 1000)
  }
  const seconds = (l: number[]) => (median(l) / 1000).toFixed(3)
  return `${seconds(times)} s (CPU ${seconds(cpu)} s)`
}

/**
 * The hourly round once (it changes what it marks), its time and how much RSS it added at its peak.
 * The first round after generation also opens the 督办 items of repeated problems; the next one is
 * the steady hourly round.
 */
async function round() {
  const before = process.memoryUsage().rss
  let peak = before
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  const t = performance.now()
  const report = await runOrderDeadlines(payload)
  const took = performance.now() - t
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  const changed = report.dueToday.length + report.overdue.length
  return [
    `${(took / 1000).toFixed(2)} s (${changed} marked, ${report.supervisionOpened.length} 督办)`,
    mb(peak - before),
  ]
}

// Intake over HTTP: the real Express app (no Next), an API key for work orders, the load from a worker thread.
const key = (
  (await payload.create({
    collection: 'api-keys',
    data: { name: `bench-orders-${Date.now()}`, scopes: ['work-orders'], rateLimitPerMinute: 1_000_000 },
    overrideAccess: true,
  })) as { key?: string }
).key
const server = createApp(payload, env()).listen(0, '127.0.0.1')
await new Promise((resolve) => server.once('listening', resolve))
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`

/** CPU seconds of each thread of this process, from /proc (Linux); empty elsewhere. */
function threadSeconds(): Map<string, number> {
  const out = new Map<string, number>()
  const hz = 100
  try {
    for (const tid of fs.readdirSync('/proc/self/task')) {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
      // Fields after the command name: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      out.set(tid, (Number(fields[11]) + Number(fields[12])) / hz)
    }
  } catch {
    // A thread ended while being read, or no /proc: what was read stands.
  }
  return out
}

/**
 * Intake over HTTP for the bench's duration: req/s, p99, and the CPU per order of the server (the
 * process less the load generator) beside the load generator's share of the process's CPU. The
 * generator is autocannon's worker thread: the threads that appear during the run (sampled, since
 * the worker has ended when autocannon returns).
 */
async function intake() {
  // Intake's unit suggestions come from an index of the latest dispatched orders that the server
  // builds in the background (again every 10 minutes): the suggestions endpoint's first answer waits
  // for it, timed apart, so that the window measures intake itself.
  const started = performance.now()
  await suggestForIntake(payload, { title: '路灯不亮' })
  const unitIndex = `${((performance.now() - started) / 1000).toFixed(1)} s`
  const before = threadSeconds()
  const seen = new Map<string, number>()
  const sampler = setInterval(() => threadSeconds().forEach((s, tid) => seen.set(tid, s)), 100)
  const cpu = process.cpuUsage()
  const result = await autocannon({
    url: `${base}/api/v1/work-orders`,
    connections: 10,
    workers: 1,
    duration: Number(process.env.BENCH_HTTP_SECONDS ?? 10),
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'help',
      title: '路灯不亮',
      content: '幸福路 3 号路灯连续三晚不亮',
      claimant: { name: '张三', phone: '13812345678' },
    }),
  })
  const used = process.cpuUsage(cpu)
  clearInterval(sampler)
  threadSeconds().forEach((s, tid) => seen.set(tid, s))
  const processSeconds = (used.user + used.system) / 1e6
  const generator = [...seen].filter(([tid]) => !before.has(tid)).reduce((sum, [, s]) => sum + s, 0)
  const failed = result.errors + result.non2xx
  return [
    unitIndex,
    `${Math.round(result.requests.average)}${failed ? ` (${failed} failed)` : ''}`,
    `${result.latency.p99} ms`,
    `${(((processSeconds - generator) * 1000) / Math.max(1, result.requests.total)).toFixed(1)} ms`,
    `${Math.round((100 * generator) / processSeconds)} %`,
  ]
}

// A consultation answered and a dispatch completing, through the services the API calls.
const actor = { id: 'bench', roles: ['agent', 'dispatcher'] as never[], name: '基准测试' }
const entry = (
  await payload.find({
    collection: 'knowledge-entries',
    where: { _status: { equals: 'published' } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
).docs[0]
const unitCode = (await payload.find({ collection: 'units', limit: 1, depth: 0, overrideAccess: true })).docs[0].code
async function actions() {
  const answered: number[] = []
  const dispatched: number[] = []
  for (let i = 0; i < 7; i++) {
    const consultation = await createOrder(
      payload,
      { type: 'consultation', title: '咨询', content: '怎么办理', claimant: { anonymous: true } } as never,
      actor,
    )
    let t = performance.now()
    await actOnOrder(
      payload,
      consultation.number,
      'answer',
      { citedEntries: [entry.code!], answer: '按指南办理' } as never,
      actor,
    )
    answered.push(performance.now() - t)
    const help = await createOrder(
      payload,
      { type: 'help', title: '求助', content: '请处理', claimant: { anonymous: true } } as never,
      actor,
    )
    t = performance.now()
    await actOnOrder(payload, help.number, 'dispatch', { unit: unitCode } as never, actor)
    dispatched.push(performance.now() - t)
  }
  const ms = (l: number[]) => `${Math.round(median(l))} ms`
  return [ms(answered), ms(dispatched)]
}

const last30 = { from: new Date(at.getTime() - 30 * DAY), to: at }
const lastYear = { from: new Date(at.getTime() - YEAR), to: at }
console.log(`bench:orders on ${os.cpus().length} cores, Node ${process.version}, clock ${at.toISOString()}`)
const header = [
  'orders',
  'generate',
  'summary 30 d',
  'trend day 30 d',
  'trend month 1 y',
  '/admin/reports',
  'intake accuracy 6 months',
  'RSS Δ reports',
  'first round',
  'RSS Δ',
  'next round',
  'RSS Δ',
  'first suggestions',
  'intake req/s',
  'intake p99',
  'intake CPU/order',
  'load gen CPU',
  'answer',
  'dispatch',
  'RSS',
]
const lines = [header]
for (const size of sizes) {
  const t = performance.now()
  await grow(size)
  const generate = `${((performance.now() - t) / 1000).toFixed(1)} s`
  const [{ n }] = await db.all<{ n: number }>(sql`SELECT COUNT(*) AS n FROM work_orders`)
  const before = process.memoryUsage().rss
  const line = [
    `${size} (${n})`,
    generate,
    await time(() => reportSummary(payload, last30, at)),
    await time(() => reportTrend(payload, last30, 'day')),
    await time(() => reportTrend(payload, lastYear, 'month')),
    await time(() => adminReportData(payload, at)),
    await time(() => intakeAccuracy(payload, 6)),
    mb(process.memoryUsage().rss - before),
    ...(await round()),
    ...(await round()),
    ...(await intake()),
    ...(await actions()),
    mb(process.memoryUsage().rss),
  ]
  lines.push(line)
  console.log(line.join('  '))
}
const widths = header.map((_, i) => Math.max(...lines.map((l) => l[i].length)))
console.log(
  `\n${lines.map((l, r) => `| ${l.map((c, i) => c.padEnd(widths[i])).join(' | ')} |${r === 0 ? `\n|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|` : ''}`).join('\n')}`,
)
server.close()
await payload.destroy()
fs.rmSync(dataDir, { recursive: true, force: true })
process.exit(0)
