/**
 * `npm run bench:pages`: requests per second of the public site against a bare Express handler on
 * the same machine in the same run. The real product (production build, demo data) runs twice, with
 * the page and search result caches off (PAGE_CACHE=off, SEARCH_CACHE_SECONDS=0) and on. Each time
 * the bare handler (its own process), the home page, an entry page, the public search API and the
 * agent search API (with an API key) are measured in turn, at BENCH_PAGES_CONNECTIONS connections,
 * in BENCH_PAGES_ROUNDS rounds that share BENCH_PAGES_SECONDS per target: on a shared machine
 * whose speed changes within minutes, each round compares targets measured seconds apart, and a
 * target's ratio to the bare handler is the median of its rounds' ratios.
 * Prints one table with those ratios, the medians of req/s, p99 and what one answer weighs, and the
 * server's CPU time per answer (from /proc, Linux), the steadier figure: what other jobs take moves
 * req/s from one target to the next more than the CPU an answer costs.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'

import autocannon from 'autocannon'

import { median } from './median'
import { freePort, startProduct } from './productProcess'

const CONNECTIONS = Number(process.env.BENCH_PAGES_CONNECTIONS ?? 20)
const SECONDS = Number(process.env.BENCH_PAGES_SECONDS ?? 8)
const ROUNDS = Number(process.env.BENCH_PAGES_ROUNDS ?? 8)
const QUERY = encodeURIComponent('身份证丢了怎么办')

type Row = {
  setting: string
  target: string
  rps: number
  p99: number
  bytes: number
  errors: number
  ratio: number
  cpuUs?: number
  cpuRatio?: number
}

const CLOCK_TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' })) || 100
  } catch {
    return 100
  }
})()

/** CPU time (user + system) the process has used so far, in µs; undefined where /proc is missing. */
function cpuUs(pid: number | undefined): number | undefined {
  try {
    // After "pid (name) ": state, then … utime and stime, the 14th and 15th fields of the line.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1e6) / CLOCK_TICKS
  } catch {
    return undefined
  }
}

/** `express()` answering one small JSON body: what Express itself costs on this machine. */
async function startBare(): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort()
  const child = spawn(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import express from 'express'
       const app = express()
       app.get('/', (_req, res) => res.json({ ok: true }))
       app.listen(${port}, '127.0.0.1', () => console.log('listening'))`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await new Promise<void>((resolve, reject) => {
    child.stdout!.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`bare handler exited with ${code}`)))
  })
  return { base: `http://127.0.0.1:${port}`, child }
}

type Slice = { rps: number; p99: number; bytes: number; errors: number; cpuUs?: number }

async function slice(pid: number | undefined, url: string, headers: Record<string, string> = {}): Promise<Slice> {
  const before = cpuUs(pid)
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS / ROUNDS, headers })
  const after = cpuUs(pid)
  const answers = Math.max(1, result.requests.total)
  return {
    // The server's CPU per answer: what it costs, however busy the machine was meanwhile.
    cpuUs: before === undefined || after === undefined ? undefined : (after - before) / answers,
    rps: result.requests.average,
    p99: result.latency.p99,
    // What one answer puts on the wire, headers included (no Accept-Encoding: uncompressed).
    bytes: result.throughput.total / answers,
    errors: result.errors + result.non2xx,
  }
}

/** A target's slices as one row; its ratios to the bare handler are the median of each round's. */
function rowOf(setting: string, target: string, slices: Slice[], bare: Slice[]): Row {
  const cpu = slices.map((s) => s.cpuUs)
  const measuredCpu = cpu.every((c) => c !== undefined) && bare.every((b) => b.cpuUs !== undefined)
  return {
    setting,
    target,
    rps: median(slices.map((s) => s.rps)),
    p99: median(slices.map((s) => s.p99)),
    bytes: median(slices.map((s) => s.bytes)),
    errors: slices.reduce((sum, s) => sum + s.errors, 0),
    ratio: median(slices.map((s, i) => s.rps / bare[i]!.rps)),
    cpuUs: measuredCpu ? median(cpu as number[]) : undefined,
    cpuRatio: measuredCpu ? median(slices.map((s, i) => bare[i]!.cpuUs! / s.cpuUs!)) : undefined,
  }
}

async function agentKey(base: string): Promise<string> {
  const login = await fetch(`${base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@hotline.example', password: 'Demo@12345' }),
  })
  const { token } = (await login.json()) as { token: string }
  const created = await fetch(`${base}/api/api-keys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ name: `bench-${Date.now()}`, scopes: ['agent'], rateLimitPerMinute: 1_000_000 }),
  })
  const { doc } = (await created.json()) as { doc: { key: string } }
  return doc.key
}

async function run(setting: string, extraEnv: Record<string, string>): Promise<Row[]> {
  const bare = await startBare()
  // The public rate limit raised as if the load came from many addresses.
  const product = await startProduct({ PUBLIC_RATE_LIMIT: '100000000', ...extraEnv }).catch((err: unknown) => {
    bare.child.kill('SIGTERM')
    throw err
  })
  const { base, child, stop } = product
  try {
    const search = await (await fetch(`${base}/api/v1/public/search?q=${QUERY}`)).text()
    const code = /"code":"([^"]+)"/.exec(search)?.[1]
    if (!code) throw new Error(`no entry found for the benchmark query: ${search.slice(0, 200)}`)
    const key = await agentKey(base)
    const targets: [string, number | undefined, string, Record<string, string>?][] = [
      ['bare Express handler', bare.child.pid, bare.base],
      ['home page /', child.pid, `${base}/`],
      [`entry page /entries/${code}`, child.pid, `${base}/entries/${encodeURIComponent(code)}`],
      ['public search API', child.pid, `${base}/api/v1/public/search?q=${QUERY}`],
      [
        'agent search API (API key)',
        child.pid,
        `${base}/api/v1/agent/search?q=${QUERY}`,
        { authorization: `Bearer ${key}` },
      ],
    ]
    // The first render compiles and fills the cache.
    for (const [, , url, headers] of targets) await fetch(url, { headers })
    const slices: Slice[][] = targets.map(() => [])
    for (let round = 0; round < ROUNDS; round++)
      for (const [i, [, pid, url, headers]] of targets.entries()) slices[i]!.push(await slice(pid, url, headers))
    return targets.map(([target], i) => rowOf(setting, target, slices[i]!, slices[0]!))
  } finally {
    bare.child.kill('SIGTERM')
    await stop()
  }
}

console.log(
  `bench:pages on ${os.cpus().length} cores, Node ${process.version}: ${CONNECTIONS} connections, ${SECONDS} s per target in ${ROUNDS} rounds`,
)
const rows = [
  ...(await run('caches off', { PAGE_CACHE: 'off', SEARCH_CACHE_SECONDS: '0' })),
  ...(await run('caches on', { PAGE_CACHE: 'on', SEARCH_CACHE_SECONDS: '5' })),
]
console.log(
  '\n| setting | target | req/s | p99 ms | × bare | bytes/answer | errors | server CPU µs/answer | × bare (CPU) |\n| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
)
for (const r of rows) {
  const cpu = r.cpuUs === undefined ? '–' : Math.round(r.cpuUs)
  const cpuRatio = r.cpuRatio === undefined ? '–' : r.cpuRatio.toFixed(3)
  console.log(
    `| ${r.setting} | ${r.target} | ${Math.round(r.rps)} | ${r.p99} | ${r.ratio.toFixed(3)} | ${Math.round(r.bytes)} | ${r.errors} | ${cpu} | ${cpuRatio} |`,
  )
}
process.exit(0)
