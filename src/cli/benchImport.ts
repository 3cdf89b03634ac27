/**
 * `npm run bench:import -- --entries 1000,10000 --format jsonl`: how fast `kb import` takes a large
 * file, and how much memory it needs. For each size a fresh embedded database gets the demo data
 * (units, categories, entries), then a file of that many new entries is written, recombined from the
 * demo entries (each with its own code, a district in its title, and its paragraphs in another
 * order), and imported as `npm run kb -- import --publish` does: read the file, import, then the
 * search outbox is run until the index has every entry. RSS is sampled while the import runs; the
 * import's CPU time (this process, user + system) is the figure least moved by a loaded machine.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Command } from 'commander'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'

import { COLUMNS } from '../domain/exchange/tabular'
import { formatEntryCode } from '../domain/knowledge/entryCode'

const FORMATS = ['jsonl', 'csv', 'xlsx'] as const
type Format = (typeof FORMATS)[number]

const options = new Command()
  .option('--entries <list>', 'entries per file, comma-separated', '10000')
  .option('--format <format>', `file format: ${FORMATS.join(', ')}`, 'jsonl')
  .option('--run <size>', 'internal: measure one size in this process')
  .parse(process.argv)
  .opts<{ entries: string; format: Format; run?: string }>()
if (!FORMATS.includes(options.format)) throw new Error(`unknown format ${options.format}`)
const sizes = options.entries.split(',').map((s) => Number(s.replace(/_/g, '')))

const DISTRICTS = ['东城区', '西城区', '朝阳区', '海淀区', '丰台区', '石景山区', '通州区', '顺义区', '昌平区', '大兴区']
/** The new entries' codes start far above the demo's (KB-1001 …). */
const FIRST_CODE = 100_000

type ExchangeRecord = Record<string, unknown> & { fields?: Record<string, unknown>; source?: Record<string, unknown> }

/** Entry `n` of the file: a demo entry under a new code, for one district, its paragraphs rotated. */
function recombine(template: ExchangeRecord, n: number): ExchangeRecord {
  const district = DISTRICTS[n % DISTRICTS.length]
  const paragraphs = String(template.body ?? '').split(/\n+/)
  const shift = n % Math.max(1, paragraphs.length)
  const body = [...paragraphs.slice(shift), ...paragraphs.slice(0, shift), `本条适用于${district}（第 ${n} 号）。`]
  const { source, ...rest } = template
  return {
    ...rest,
    id: formatEntryCode(FIRST_CODE + n),
    title: `${template.title}（${district}·${n}）`,
    body: body.join('\n'),
    districts: [district],
    // Catalogue item codes are unique per entry; the copies keep the rest of the source.
    ...(source ? { source: { ...source, itemCode: undefined } } : {}),
  }
}

/** A record as a spreadsheet row under the Chinese headers, lists joined with "；". */
function toRow(record: ExchangeRecord): string[] {
  return COLUMNS.map(({ key, place }) => {
    const holder = place === 'top' ? record : place === 'fields' ? record.fields : record.source
    const value = holder?.[key]
    if (value === undefined || value === null) return ''
    return Array.isArray(value) ? value.join('；') : String(value)
  })
}

async function writeFile(file: string, records: ExchangeRecord[], format: Format): Promise<void> {
  if (format === 'jsonl') {
    fs.writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n')
  } else if (format === 'csv') {
    fs.writeFileSync(file, stringify([COLUMNS.map((c) => c.zh), ...records.map(toRow)], { bom: true }))
  } else {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false })
    const sheet = workbook.addWorksheet('知识条目')
    sheet.addRow(COLUMNS.map((c) => c.zh)).commit()
    for (const record of records) sheet.addRow(toRow(record)).commit()
    sheet.commit()
    await workbook.commit()
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
const signedMb = (bytes: number) => `${bytes < 0 ? '−' : '+'}${Math.abs(mb(bytes))} MB`

/** One size in its own process: its own database, configuration and memory figures. */
async function runOne(size: number, dir: string): Promise<string> {
  Object.assign(process.env, { DATA_DIR: dir, DATABASE_URI: `file:${path.join(dir, 'bench.db')}`, LOG_LEVEL: 'error' })
  const { bootPayload } = await import('../server/bootPayload')
  const { seedDemo } = await import('../seed/seedDemo')
  const { demoEntryRecords } = await import('../seed/demo')
  const { importEntries } = await import('../import/importEntries')
  const { streamRecords } = await import('../import/readRecords')
  const { SEARCH_QUEUE } = await import('../jobs/syncIndex')
  const { searchEngine } = await import('../search/searchEngine')
  const { now } = await import('../domain/clock')
  const payload = await bootPayload()
  await seedDemo(payload, { reset: false })
  // Service halls are shared by many entries and keyed by catalogue item; the copies are the rest.
  const templates = demoEntryRecords(now())
    .map((r) => r.record as ExchangeRecord)
    .filter((r) => r.type !== 'location')
  const file = path.join(dir, `entries.${options.format}`)
  await writeFile(
    file,
    Array.from({ length: size }, (_, n) => recombine(templates[n % templates.length], n)),
    options.format,
  )
  await payload.jobs.run({ queue: SEARCH_QUEUE, limit: 100_000 })
  const indexedBefore = (await searchEngine().health()).documents

  global.gc?.()
  const rssBefore = process.memoryUsage.rss()
  let peak = rssBefore
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20)
  const started = performance.now()
  const cpuBefore = process.cpuUsage()
  const report = await importEntries(payload, await streamRecords(file), { publish: true })
  const imported = (performance.now() - started) / 1000
  const cpu = process.cpuUsage(cpuBefore)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  peak = Math.max(peak, process.memoryUsage.rss())
  global.gc?.()
  const rssAfter = process.memoryUsage.rss()
  const indexStarted = performance.now()
  await payload.jobs.run({ queue: SEARCH_QUEUE, limit: 100_000 })
  const indexed = (performance.now() - indexStarted) / 1000
  clearInterval(sampler)
  const documents = (await searchEngine().health()).documents - indexedBefore
  if (report.failed) console.error(report.errors.slice(0, 5))
  const stored = report.created + report.updated
  await payload.destroy()
  return `| ${size} | ${options.format} | ${stored} (${report.failed} failed) | ${imported.toFixed(1)} s | **${Math.round(stored / imported)}** | ${cpuSeconds.toFixed(1)} s (${((cpuSeconds * 1000) / stored).toFixed(2)} ms/entry) | ${indexed.toFixed(1)} s (${documents} documents) | ${mb(rssBefore)} MB | ${mb(peak)} MB (${signedMb(peak - rssBefore)}) | ${signedMb(rssAfter - rssBefore)} |`
}

if (options.run) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bench-import-'))
  console.log(await runOne(Number(options.run), dir))
  fs.rmSync(dir, { recursive: true, force: true })
  process.exit(0)
}

const rows: string[] = []
for (const size of sizes) {
  const child = spawnSync(
    process.execPath,
    [
      '--conditions=production',
      '--expose-gc',
      '--import',
      './bin/register-tsx.mjs',
      'src/cli/benchImport.ts',
      '--run',
      String(size),
      '--format',
      options.format,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  )
  if (child.status !== 0) throw new Error(`bench:import failed at ${size} entries`)
  rows.push(child.stdout.trim().split('\n').pop()!)
}
const load = os
  .loadavg()
  .map((l) => l.toFixed(2))
  .join(' ')
console.log(`bench:import on ${os.cpus().length} cores, Node ${process.version}, load average ${load}`)
console.log(
  '| entries | file | stored | read + import | entries/s | import CPU | index outbox | RSS before | peak RSS | RSS growth after |',
)
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) console.log(row)
