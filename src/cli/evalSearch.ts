/**
 * `npm run eval:search`: imports an evaluation corpus into a fresh temporary database and index,
 * loads its synonyms into the CMS, runs every query through the real HTTP API for its audience, and
 * prints nDCG@10, Recall@5, MRR@10, no-answer share, leaks and how far the 可信 mark can be trusted
 * (confidentPrecision, confidentCoverage) — ours beside the plain baseline. `--titles-only` indexes
 * bare titles (and similar questions), the shape of a plain FAQ list, to check that ranking and
 * confidence hold beyond our rich entries.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { Command } from 'commander'

type Query = { qid: string; query: string; audience: 'public' | 'agent'; relevant: Record<string, number> }
type Ranking = { codes: string[]; confident: boolean[] }

const program = new Command('eval:search')
  .option('--entries <file>', '知识条目（JSON Lines）', '../shared/search-eval/entries.jsonl')
  .option('--queries <file>', '评测查询（JSON Lines）', '../shared/search-eval/queries.jsonl')
  .option('--synonyms <file>', '同义词（JSON）')
  .option('--engine <name>', 'embedded 或 typesense', 'embedded')
  .option('--today <date>', '参考日期 YYYY-MM-DD（默认读取评测集 README）')
  .option('--titles-only', '只索引标题和相似问（检验通用性）')
  .option('--json', '输出 JSON')
  .option('--per-query', '在 JSON 中列出每条查询的前十条结果')
  .parse()
const opts = program.opts<{
  entries: string
  queries: string
  synonyms?: string
  engine: string
  today?: string
  titlesOnly?: boolean
  json?: boolean
  perQuery?: boolean
}>()

function referenceDay(): string {
  if (opts.today) return opts.today
  const readme = path.join(path.dirname(opts.entries), 'README.md')
  const found = fs.existsSync(readme) && /today"? is \*\*(\d{4}-\d{2}-\d{2})\*\*/i.exec(fs.readFileSync(readme, 'utf8'))
  if (!found) throw new Error('找不到评测集的参考日期，请用 --today YYYY-MM-DD 指定')
  return found[1]
}

if (opts.engine !== 'embedded') {
  console.error(`搜索引擎 ${opts.engine} 暂不支持评测（Typesense 引擎尚未接入）`)
  process.exit(2)
}
const today = referenceDay()
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-eval-'))
// The temporary instance is configured before any module reads the environment.
Object.assign(process.env, {
  DATA_DIR: dataDir,
  DATABASE_URI: `file:${path.join(dataDir, 'eval.db')}`,
  HOTLINE_NOW: `${today}T12:00:00+08:00`,
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  PUBLIC_RATE_LIMIT: '1000000',
})

const { env } = await import('../config/env')
const { bootPayload } = await import('../server/bootPayload')
const { importEntries } = await import('../import/importEntries')
const { readRecords } = await import('../import/readRecords')
const { loadSearchDocuments, rebuildIndex, SEARCH_QUEUE } = await import('../jobs/syncIndex')
const { searchEngine } = await import('../search/searchEngine')
const { reloadSearchSettings } = await import('../jobs/syncSearchSettings')
const { seedSearchLexicon } = await import('../seed/searchLexicon')
const { createApp } = await import('../server/createApp')
const { createAnalyzer } = await import('../search/analysis/analyzer')
const { createBaseline } = await import('../search/eval/baseline')
const { mean, mrrAt, ndcgAt, recallAt } = await import('../search/eval/metrics')

const readJsonLines = <T>(file: string): T[] =>
  fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T)

const payload = await bootPayload()
const report = await importEntries(payload, await readRecords(opts.entries), { createMissing: true, publish: true })
if (report.failed)
  throw new Error(`导入失败 ${report.failed} 条：${report.errors.map((e) => `#${e.line} ${e.message}`).join('；')}`)

await seedSearchLexicon(payload)
const synonymRules: (string[] | { root: string; synonyms: string[] })[] = opts.synonyms
  ? JSON.parse(fs.readFileSync(opts.synonyms, 'utf8'))
  : []
for (const rule of synonymRules) {
  const data = Array.isArray(rule) ? { terms: rule } : { root: rule.root, terms: rule.synonyms }
  await payload.create({ collection: 'search-synonyms', data: { ...data, active: true }, overrideAccess: true })
}
// Drain the outbox the import filled, so that the job runner (started by Payload's REST handler)
// has nothing left to change while the queries run.
await payload.jobs.run({ queue: SEARCH_QUEUE, limit: 100_000 })
await reloadSearchSettings(payload)
let indexed = await rebuildIndex(payload)
let documents = await loadSearchDocuments(payload)
if (opts.titlesOnly) {
  documents = documents.map((d) => ({
    ...d,
    summary: '',
    body: '',
    tags: [],
    question: '',
    structured: '',
    present: [],
  }))
  await searchEngine().replaceAll(documents)
  indexed = documents.length
}
const audienceOf = new Map(documents.map((d) => [d.code, d.audience]))

const password = crypto.randomBytes(12).toString('hex')
await payload.create({
  collection: 'users',
  data: { email: 'eval-agent@hotline.example', password, name: '评测话务员', roles: ['agent'] },
  overrideAccess: true,
})
const server = createApp(payload, env()).listen(0, '127.0.0.1')
await new Promise((resolve) => server.once('listening', resolve))
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/api`
const login = await fetch(`${base}/users/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'eval-agent@hotline.example', password }),
})
const token = ((await login.json()) as { token: string }).token

async function ours(q: Query): Promise<Ranking> {
  const url = new URL(`${base}/v1/${q.audience === 'agent' ? 'agent' : 'public'}/search`)
  url.searchParams.set('q', q.query)
  if (q.audience === 'agent') url.searchParams.set('per_page', '10')
  const res = await fetch(url, { headers: q.audience === 'agent' ? { authorization: `JWT ${token}` } : {} })
  if (!res.ok) throw new Error(`${q.qid} ${res.status} ${await res.text()}`)
  const body = (await res.json()) as { hits: { code: string; confident: boolean }[] }
  return { codes: body.hits.map((h) => h.code), confident: body.hits.map((h) => h.confident) }
}

const now = new Date(process.env.HOTLINE_NOW!)
const baselineSearch = createBaseline(documents, createAnalyzer())
const baseline = async (q: Query): Promise<Ranking> => {
  const codes = baselineSearch({ text: q.query, audience: q.audience, now })
  return { codes, confident: codes.map(() => true) }
}

/** Query length bands, in characters. */
const LENGTHS = [
  { name: '≤15', max: 15 },
  { name: '16–30', max: 30 },
  { name: '>30', max: Infinity },
]

async function evaluate(queries: Query[], run: (q: Query) => Promise<Ranking>) {
  const ndcg: number[] = [],
    recall: number[] = [],
    recall3: number[] = [],
    mrr: number[] = []
  let unanswerable = 0,
    silent = 0,
    leaks = 0,
    confidentFirst = 0,
    confidentRight = 0,
    answeredConfidently = 0
  /** The two confidence figures per query length (characters): long spoken questions apart. */
  const byLength = Object.fromEntries(
    LENGTHS.map(({ name }) => [
      name,
      { queries: 0, confidentFirst: 0, confidentRight: 0, answerable: 0, answeredConfidently: 0 },
    ]),
  )
  const perQuery: {
    qid: string
    query: string
    top: string[]
    confident: boolean
    relevant: Record<string, number>
  }[] = []
  for (const q of queries) {
    const { codes, confident } = await run(q)
    perQuery.push({
      qid: q.qid,
      query: q.query,
      top: codes.slice(0, 10),
      confident: !!confident[0],
      relevant: q.relevant,
    })
    const band = byLength[LENGTHS.find((l) => q.query.length <= l.max)!.name]!
    band.queries++
    if (confident[0]) band.confidentFirst++
    if (confident[0] && q.relevant[codes[0]] === 3) band.confidentRight++
    if (Object.keys(q.relevant).length) band.answerable++
    if (Object.keys(q.relevant).length && confident[0]) band.answeredConfidently++
    if (q.audience === 'public') leaks += codes.filter((c) => audienceOf.get(c) === 'internal').length
    // An unanswerable query has no grade-3 entry, so a confident first hit for it counts as wrong.
    if (confident[0]) {
      confidentFirst++
      if (q.relevant[codes[0]] === 3) confidentRight++
    }
    if (Object.keys(q.relevant).length === 0) {
      unanswerable++
      if (!confident.some(Boolean)) silent++
      continue
    }
    ndcg.push(ndcgAt(10, codes, q.relevant))
    recall.push(recallAt(5, codes, q.relevant))
    recall3.push(recallAt(5, codes, q.relevant, 3))
    mrr.push(mrrAt(10, codes, q.relevant))
    if (confident[0]) answeredConfidently++
  }
  return {
    ndcg10: mean(ndcg),
    recall5: mean(recall),
    recall5grade3: mean(recall3),
    mrr10: mean(mrr),
    noAnswer: unanswerable ? silent / unanswerable : 0,
    leaks,
    /** Among queries whose first hit is marked confident, the share whose first hit has grade 3. */
    confidentPrecision: confidentFirst ? confidentRight / confidentFirst : 0,
    /** Among answerable queries, the share whose first hit is marked confident. */
    confidentCoverage: ndcg.length ? answeredConfidently / ndcg.length : 0,
    byLength: Object.fromEntries(
      Object.entries(byLength).map(([name, b]) => [
        name,
        {
          queries: b.queries,
          confidentPrecision: b.confidentFirst ? b.confidentRight / b.confidentFirst : 0,
          confidentFirst: b.confidentFirst,
          confidentCoverage: b.answerable ? b.answeredConfidently / b.answerable : 0,
          answerable: b.answerable,
        },
      ]),
    ),
    /** Each query's first ten hits, for `--json --per-query` (to study misses). */
    perQuery,
  }
}

const queries = readJsonLines<Query>(opts.queries)
const started = performance.now()
const result = {
  today,
  entries: indexed,
  queries: queries.length,
  ours: await evaluate(queries, ours),
  baseline: await evaluate(queries, baseline),
}
const seconds = ((performance.now() - started) / 1000).toFixed(1)

server.close()
await payload.destroy()
fs.rmSync(dataDir, { recursive: true, force: true })

const f = (n: number) => n.toFixed(3)
if (opts.json) {
  const { perQuery: ours, ...oursMetrics } = result.ours
  const { perQuery: _baseline, ...baselineMetrics } = result.baseline
  console.log(
    JSON.stringify(
      { ...result, ours: { ...oursMetrics, ...(opts.perQuery ? { perQuery: ours } : {}) }, baseline: baselineMetrics },
      null,
      2,
    ),
  )
} else {
  console.log(
    `评测：${result.entries} 条已发布条目${opts.titlesOnly ? '（只含标题和相似问）' : ''}，${result.queries} 条查询，参考日期 ${today}，用时 ${seconds} s`,
  )
  console.log(
    'system     nDCG@10  Recall@5  Recall@5(g3)  MRR@10  noAnswer  leaks  confidentPrecision  confidentCoverage',
  )
  for (const [name, m] of [
    ['baseline', result.baseline],
    ['ours', result.ours],
  ] as const) {
    console.log(
      `${name.padEnd(9)}  ${f(m.ndcg10)}    ${f(m.recall5)}     ${f(m.recall5grade3)}         ${f(m.mrr10)}   ${m.noAnswer.toFixed(2)}      ${String(m.leaks).padEnd(5)}  ${f(m.confidentPrecision)}               ${f(m.confidentCoverage)}`,
    )
  }
}
const o = result.ours
if (!opts.json)
  for (const [name, b] of Object.entries(o.byLength))
    console.log(
      `ours, ${name.padEnd(5)} 字: ${b.queries} 条查询，confidentPrecision=${b.confidentFirst ? f(b.confidentPrecision) : '–'}（${b.confidentFirst} 条首条可信），confidentCoverage=${f(b.confidentCoverage)}（${b.answerable} 条可答）`,
    )
console.log(
  `nDCG@10=${f(o.ndcg10)} Recall@5=${f(o.recall5)} MRR@10=${f(o.mrr10)} noAnswer=${o.noAnswer.toFixed(2)} leaks=${o.leaks} confidentPrecision=${f(o.confidentPrecision)} confidentCoverage=${f(o.confidentCoverage)}`,
)
