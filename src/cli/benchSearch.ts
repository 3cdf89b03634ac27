/**
 * `npm run bench:search`: index build time, in-process query latency (p50/p95/p99) and memory at
 * 1k, 10k and 100k synthetic entries, then HTTP throughput of the agent search endpoint at 10k, and
 * how long a publish takes to become searchable.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import autocannon from 'autocannon'

const sizes = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number)
const httpSize = Number(process.env.BENCH_HTTP_SIZE ?? 10000)
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bench-'))
Object.assign(process.env, {
  DATA_DIR: dataDir,
  DATABASE_URI: `file:${path.join(dataDir, 'bench.db')}`,
  LOG_LEVEL: 'warn',
  PUBLIC_RATE_LIMIT: '100000000',
  // The engine is what is measured: the same queries again must not come from the result cache.
  SEARCH_CACHE_SECONDS: '0',
})

const { env } = await import('../config/env')
const { now } = await import('../domain/clock')
const { createApp } = await import('../server/createApp')
const { searchEngine } = await import('../search/searchEngine')
const { loadSearchDocuments, SEARCH_QUEUE } = await import('../jobs/syncIndex')
const { OUTBOX_POLL_MS, startOutboxRunner } = await import('../jobs/outboxRunner')
const { seedDemo } = await import('../seed/seedDemo')
const { bootPayload } = await import('../server/bootPayload')
const { EmbeddedEngine } = await import('../search/embedded/EmbeddedEngine')
const { BENCH_QUERIES, syntheticCorpus } = await import('../search/eval/syntheticCorpus')

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

const payload = await bootPayload()
await seedDemo(payload, { reset: false })
const seeds = await loadSearchDocuments(payload)

console.log(
  `bench:search on ${os.cpus().length} cores, Node ${process.version}; ${BENCH_QUERIES.length} queries in the mix`,
)
console.log('entries   build     p50 ms  p95 ms  p99 ms  RSS')
for (const size of sizes) {
  const documents = syntheticCorpus(seeds, size)
  const engine = new EmbeddedEngine()
  global.gc?.()
  const t0 = performance.now()
  await engine.replaceAll(documents)
  const build = performance.now() - t0
  const at = now()
  for (const q of BENCH_QUERIES) await engine.search({ text: q, audience: 'agent', now: at }) // warm-up
  const latencies: number[] = []
  for (let round = 0; round < 20; round++) {
    for (const q of BENCH_QUERIES) {
      const t = performance.now()
      await engine.search({ text: q, audience: round % 2 ? 'agent' : 'public', now: at })
      latencies.push(performance.now() - t)
    }
  }
  latencies.sort((a, b) => a - b)
  const f = (n: number) => n.toFixed(2).padStart(6)
  console.log(
    `${String(size).padEnd(8)}  ${(build / 1000).toFixed(1).padStart(5)} s  ${f(percentile(latencies, 50))}  ${f(percentile(latencies, 95))}  ${f(percentile(latencies, 99))}  ${mb(process.memoryUsage().rss)}`,
  )
}

await searchEngine().replaceAll(syntheticCorpus(seeds, httpSize))
const created = (await payload.create({
  collection: 'api-keys',
  data: { name: 'bench', scopes: ['agent'], rateLimitPerMinute: 1_000_000 },
  overrideAccess: true,
})) as { key?: string }
const server = createApp(payload, env()).listen(0, '127.0.0.1')
await new Promise((resolve) => server.once('listening', resolve))
const port = (server.address() as { port: number }).port
const result = await autocannon({
  url: `http://127.0.0.1:${port}`,
  connections: 10,
  // The load comes from a worker thread, not from the event loop that serves the requests.
  workers: 1,
  duration: Number(process.env.BENCH_HTTP_SECONDS ?? 10),
  headers: { authorization: `Bearer ${created.key}` },
  requests: BENCH_QUERIES.map((q) => ({ method: 'GET', path: `/api/v1/agent/search?q=${encodeURIComponent(q)}` })),
})
console.log(
  `HTTP GET /api/v1/agent/search at ${httpSize} entries, 10 connections, ${result.duration} s: ${Math.round(result.requests.average)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, errors ${result.errors + result.non2xx}`,
)

// Publish → searchable: an editor's write goes through the hooks and the outbox, as in the server.
// The demo seed left its own index tasks in the outbox: drain them first.
await payload.jobs.run({ queue: SEARCH_QUEUE, limit: 100_000 })
const stopOutbox = startOutboxRunner(payload)
const unit = (await payload.find({ collection: 'units', limit: 1, overrideAccess: true })).docs[0]
const delays: number[] = []
for (let i = 0; i < 20; i++) {
  const word = `基准测试条目${String.fromCharCode(0x4e00 + i * 37)}${i}`
  const t = performance.now()
  await payload.create({
    collection: 'knowledge-entries',
    overrideAccess: true,
    data: { type: 'faq', title: word, summary: '发布延迟测量', unit: unit.id, _status: 'published' } as never,
  })
  for (;;) {
    const res = await fetch(`http://127.0.0.1:${port}/api/v1/agent/search?q=${encodeURIComponent(word)}`, {
      headers: { authorization: `Bearer ${created.key}` },
    })
    const body = (await res.json()) as { hits: { title: string }[] }
    if (body.hits[0]?.title === word) break
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
  delays.push(performance.now() - t)
}
stopOutbox()
delays.sort((a, b) => a - b)
console.log(
  `publish → searchable at ${httpSize} entries (outbox polled every ${OUTBOX_POLL_MS} ms), 20 publishes: p50 ${Math.round(percentile(delays, 50))} ms, max ${Math.round(delays.at(-1)!)} ms`,
)

server.close()
await payload.destroy()
fs.rmSync(dataDir, { recursive: true, force: true })
