/**
 * `npm run bench:http`: agent search latency while anonymous visitors flood the server-rendered
 * public search page. The real product (server.ts, production build, demo data) runs as a child
 * process, once with the anonymous concurrency gate off and once with it on (the default), the
 * rate limit raised as if the flood came from many addresses. Prints agent p50/p99 alone and under
 * the flood, and what the flood got.
 */
import os from 'node:os'

import autocannon from 'autocannon'

import { startProduct } from './productProcess'

const FLOOD_CONNECTIONS = Number(process.env.BENCH_FLOOD_CONNECTIONS ?? 50)
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10)
const AGENT_QUERIES = ['身份证丢了怎么办', '公积金提取', '停水', '社保卡挂失', '医保报销']

const agentLoad = (base: string, token: string, duration: number) =>
  autocannon({
    url: base,
    connections: 2,
    duration,
    headers: { authorization: `JWT ${token}` },
    requests: AGENT_QUERIES.map((q) => ({ method: 'GET', path: `/api/v1/agent/search?q=${encodeURIComponent(q)}` })),
  })

async function run(label: string, extraEnv: Record<string, string>) {
  // The public rate limit raised as if the load came from many addresses.
  const { base, stop } = await startProduct({ PUBLIC_RATE_LIMIT: '100000000', ...extraEnv })
  try {
    const login = await fetch(`${base}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'agent@hotline.example', password: 'Demo@12345' }),
    })
    const { token } = (await login.json()) as { token: string }
    await fetch(`${base}/search?q=${encodeURIComponent('身份证丢了咋办')}`) // first render compiles
    const alone = await agentLoad(base, token, 5)
    const [agents, flood] = await Promise.all([
      agentLoad(base, token, SECONDS),
      autocannon({
        url: `${base}/search?q=${encodeURIComponent('身份证丢了咋办')}`,
        connections: FLOOD_CONNECTIONS,
        duration: SECONDS,
        workers: 1,
      }),
    ])
    const served = flood.requests.total - flood.non2xx
    console.log(
      `${label.padEnd(22)} agent alone p50 ${alone.latency.p50} ms p99 ${alone.latency.p99} ms | under flood p50 ${agents.latency.p50} ms p99 ${agents.latency.p99} ms (${agents.requests.total} requests, ${agents.non2xx + agents.errors} errors) | flood: ${served} pages served, ${flood.non2xx} turned away (503), ${flood.errors} errors`,
    )
  } finally {
    await stop()
  }
}

console.log(
  `bench:http on ${os.cpus().length} cores, Node ${process.version}: ${FLOOD_CONNECTIONS} anonymous connections on /search for ${SECONDS} s, 2 agent connections on /api/v1/agent/search`,
)
await run('gate off', { ANONYMOUS_CONCURRENCY: '100000' })
await run('gate on (default)', {})
process.exit(0)
