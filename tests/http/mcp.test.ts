/**
 * The MCP server over Streamable HTTP, spoken to with the official MCP TypeScript client against the
 * real Express app on a port, on the demo data.
 */
import type { Server } from 'node:http'

import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js'
import type { Payload } from 'payload'

import { env } from '../../src/config/env'
import { rebuildIndex } from '../../src/jobs/syncIndex'
import { reloadSearchSettings } from '../../src/jobs/syncSearchSettings'
import { seedDemo } from '../../src/seed/seedDemo'
import { createApp } from '../../src/server/createApp'
import { trainIntakeModel } from '../../src/services/intakeSuggestions'
import { startPayload } from '../helpers/payload'

let payload: Payload
let server: Server
let base: string
const keys: Record<'agent' | 'public' | 'revoked' | 'workOrders', string> = {
  agent: '',
  public: '',
  revoked: '',
  workOrders: '',
}
const clients: Client[] = []

async function connect(key: string): Promise<Client> {
  const client = new Client({ name: 'hotline-kb-test', version: '1.0.0' })
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${base}/api/mcp`), {
      requestInit: { headers: { Authorization: `Bearer ${key}` } },
    }),
  )
  clients.push(client)
  return client
}

type ToolResult = { isError?: boolean; content: { type: string; text: string }[] }
const call = async (client: Client, name: string, args: Record<string, unknown>) =>
  (await client.callTool({ name, arguments: args })) as ToolResult
const json = (result: ToolResult) => JSON.parse(result.content[0].text)
/** A refused call: a tool error result or a protocol error; either way with a message. */
const refusal = async (client: Client, name: string, args: Record<string, unknown>): Promise<string> => {
  try {
    const result = await call(client, name, args)
    if (!result.isError) throw new Error(`expected ${name} to be refused, got ${result.content[0]?.text}`)
    return result.content[0].text
  } catch (err) {
    return (err as Error).message
  }
}

// Seeds the whole demo city (entries, order history, the trained intake model): slow on a shared machine.
beforeAll(async () => {
  payload = await startPayload()
  await seedDemo(payload, { reset: false })
  await reloadSearchSettings(payload)
  await rebuildIndex(payload)
  const create = async (name: string, scopes: string[]) =>
    (await payload.create({
      collection: 'api-keys',
      data: { name, scopes: scopes as never, rateLimitPerMinute: 10_000 },
    })) as { id: number; key: string }
  keys.agent = (await create('坐席助手', ['agent'])).key
  keys.public = (await create('公众站助手', ['public'])).key
  keys.workOrders = (await create('工单助手', ['agent', 'work-orders'])).key
  const revoked = await create('已停用', ['agent'])
  keys.revoked = revoked.key
  await payload.update({ collection: 'api-keys', id: revoked.id, data: { revokedAt: new Date().toISOString() } })
  server = createApp(payload, env()).listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`
}, 480_000)

afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()))
  server?.close()
  await payload?.destroy()
})

describe('MCP tools for agent assistants', () => {
  it('creates and reads work orders for keys with the work-orders scope, claimant masked', async () => {
    const agentOnly = await connect(keys.agent)
    expect((await agentOnly.listTools()).tools.map((t) => t.name)).not.toContain('create_work_order')
    const client = await connect(keys.workOrders)
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['create_work_order', 'get_work_order']),
    )
    const created = json(
      await call(client, 'create_work_order', {
        type: 'consultation',
        title: '公积金提取咨询',
        content: '租房提取公积金需要什么材料',
        claimant: { name: '赵六', phone: '13600003333' },
      }),
    )
    expect(created).toMatchObject({ state: 'intake', claimant: { name: '赵*', phone: '136****3333' } })
    expect(created.number).toMatch(/^GD\d{14}$/)
    const read = json(await call(client, 'get_work_order', { number: created.number }))
    expect(read.timeline[0]).toMatchObject({ action: 'create', actor: 'API：工单助手' })
    expect(JSON.stringify(read)).not.toContain('13600003333')
    expect(await refusal(client, 'create_work_order', { type: 'gossip', title: 'x', content: 'y' })).toMatch(/type/)
    expect(await refusal(client, 'get_work_order', { number: 'GD20991231000001' })).toMatch(/没有这张工单/)
  })

  it('suggests categories and units before intake, and records what was suggested on the order', async () => {
    const [water, noise] = (
      await payload.find({ collection: 'categories', limit: 2, depth: 0, sort: 'code', overrideAccess: true })
    ).docs
    const unit = (await payload.find({ collection: 'units', where: { code: { equals: 'JL-WATER' } }, depth: 0 }))
      .docs[0]
    let n = 0
    const history = (content: string, category: number) =>
      payload.create({
        collection: 'work-orders',
        data: {
          number: `GD20260801${String(++n).padStart(6, '0')}`,
          type: 'complaint',
          state: 'closed',
          title: content.slice(0, 6),
          content,
          category,
          unit: unit.id,
          timeline: [{ action: 'dispatch', note: `派发至 ${unit.name}`, unit: unit.id }],
        } as never,
        overrideAccess: true,
      })
    for (const text of ['小区停水两天了，自来水一直没来', '水压太低，楼上没有自来水', '自来水管爆裂漏水'])
      await history(text, water.id)
    for (const text of ['夜间施工噪音扰民', '工地晚上施工噪音很大', '广场舞音响噪音扰民']) await history(text, noise.id)
    expect(await trainIntakeModel(payload)).not.toBeNull()

    const client = await connect(keys.workOrders)
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['suggest_intake', 'find_similar_orders']),
    )
    const suggested = json(await call(client, 'suggest_intake', { title: '停水', content: '家里停水了，自来水没有' }))
    expect(suggested.categories.length).toBeGreaterThanOrEqual(2)
    expect(suggested.categories[0]).toMatchObject({ id: String(water.id), confidence: expect.any(Number) })
    expect(suggested.units[0]).toMatchObject({ name: unit.name, returnRate: 0 })
    expect(await refusal(client, 'suggest_intake', { district: '江北区' })).toMatch(/请至少填写/)

    const created = json(
      await call(client, 'create_work_order', {
        type: 'complaint',
        title: '停水',
        content: '家里停水了，自来水没有',
        category: water.code,
        claimant: { phone: '13600005555' },
      }),
    )
    expect(created.suggestions.categories[0]).toMatchObject({ id: String(water.id), path: water.path })
    expect(created.suggestions.units[0]).toMatchObject({ name: unit.name })
    const order = (
      await payload.find({ collection: 'work-orders', where: { number: { equals: created.number } }, depth: 0 })
    ).docs[0]
    expect(order).toMatchObject({ suggestedCategory: water.id, suggestedUnit: unit.id, category: water.id })

    const similar = json(
      await call(client, 'find_similar_orders', { phone: '13600005555', content: '停水了，自来水没有' }),
    )
    expect(similar.samePhone.map((o: { number: string }) => o.number)).toEqual([created.number])
    expect(similar.similarOpen.map((o: { number: string }) => o.number)).toContain(created.number)
  })

  it('acts on work orders with the same service, rules and inputs as the HTTP API', async () => {
    const client = await connect(keys.workOrders)
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(
      expect.arrayContaining(['get_work_order_actions', 'act_on_work_order']),
    )
    const create = async (title: string) =>
      json(
        await call(client, 'create_work_order', {
          type: 'consultation',
          title,
          content: `${title}，需要什么材料`,
          claimant: { name: '钱七', phone: '13600004444' },
        }),
      ).number as string
    const number = await create('身份证补领咨询')
    const actions = json(await call(client, 'get_work_order_actions', { number }))
    expect(actions).toEqual({
      number,
      state: 'intake',
      stateLabel: '待处理',
      actions: [
        { action: 'answer', label: '直接答复' },
        { action: 'not-accept', label: '不予受理' },
      ],
    })
    const viaHttp = await fetch(`${base}/api/v1/work-orders/${number}/actions`, {
      headers: { Authorization: `Bearer ${keys.workOrders}` },
    })
    expect(await viaHttp.json()).toEqual(actions)

    // The flow's rules and the HTTP input schema refuse alike.
    expect(await refusal(client, 'act_on_work_order', { number, action: 'dispatch', unit: 'JL-RS' })).toMatch(
      /没有权限.*派发/,
    )
    expect(await refusal(client, 'act_on_work_order', { number, action: 'not-accept' })).toMatch(/不予受理类别 reason/)
    expect(await refusal(client, 'act_on_work_order', { number, action: 'answer' })).toMatch(/citedEntries/)
    expect(await refusal(client, 'act_on_work_order', { number, action: 'fly' })).toMatch(/action/)

    const top = json(await call(client, 'search_knowledge', { q: '身份证丢了怎么办', limit: 1 })).hits[0]
    const answered = json(
      await call(client, 'act_on_work_order', { number, action: 'answer', citedEntries: [top.code] }),
    )
    expect(answered).toMatchObject({ state: 'closed', resolution: 'answered', citedEntries: [{ code: top.code }] })
    expect(answered.timeline.at(-1)).toMatchObject({ action: 'answer', actor: 'API：工单助手' })
    expect(JSON.stringify(answered)).not.toContain('13600004444')
    expect(json(await call(client, 'get_work_order_actions', { number })).actions).toEqual([])

    const second = await create('身份证补领咨询（重复来电）')
    const refused = json(
      await call(client, 'act_on_work_order', {
        number: second,
        action: 'not-accept',
        reason: 'duplicate',
        duplicateOf: number,
      }),
    )
    expect(refused).toMatchObject({ state: 'closed', resolution: 'not_accepted' })
  })

  it('lists the agent tools, and only those', async () => {
    const client = await connect(keys.agent)
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name).sort()).toEqual([
      'get_entry',
      'report_entry_error',
      'search_knowledge',
      'suggest_answer',
    ])
    const search = tools.find((t) => t.name === 'search_knowledge')!
    expect(search.description).toMatch(/检索[\s\S]*Search/)
    expect(Object.keys(search.inputSchema.properties ?? {})).toEqual([
      'q',
      'type',
      'unit',
      'category',
      'district',
      'include_expired',
      'limit',
    ])
  })

  it('searches with the same top hits as the agent HTTP API', async () => {
    const client = await connect(keys.agent)
    for (const q of ['身份证丢了怎么办', '公积金提取', '停水']) {
      const viaMcp = json(await call(client, 'search_knowledge', { q, limit: 5 }))
      const viaHttp = (await (
        await fetch(`${base}/api/v1/agent/search?q=${encodeURIComponent(q)}&per_page=5`, {
          headers: { Authorization: `Bearer ${keys.agent}` },
        })
      ).json()) as { hits: { code: string }[] }
      expect(viaMcp.hits.map((h: { code: string }) => h.code)).toEqual(viaHttp.hits.map((h) => h.code))
      expect(viaMcp.hits[0]).toHaveProperty('stale')
      expect(viaMcp.hits[0]).toHaveProperty('confident')
    }
  })

  it('gets an entry, suggests a citable answer, and says when it has none', async () => {
    const client = await connect(keys.agent)
    const top = json(await call(client, 'search_knowledge', { q: '身份证丢了怎么办', limit: 1 })).hits[0]
    const entry = json(await call(client, 'get_entry', { code: top.code }))
    expect(entry).toMatchObject({ code: top.code, title: top.title, type: top.type })
    expect(entry).toHaveProperty('body')
    const suggestion = json(await call(client, 'suggest_answer', { question: '身份证丢了怎么办' }))
    expect(suggestion).toMatchObject({ confident: true, code: top.code })
    expect(suggestion.answer.length).toBeGreaterThan(10)
    expect(suggestion.cite).toContain(top.code)
    expect(json(await call(client, 'suggest_answer', { question: '明天天气怎么样' }))).toMatchObject({
      confident: false,
    })
  })

  it('files an error report for the kb-admins', async () => {
    const client = await connect(keys.agent)
    const top = json(await call(client, 'search_knowledge', { q: '公积金提取', limit: 1 })).hits[0]
    const report = json(
      await call(client, 'report_entry_error', { code: top.code, description: '窗口办公时间已调整为 9:00 开始' }),
    )
    expect(report.message).toMatch(/已收到纠错反馈/)
    const stored = await payload.findByID({ collection: 'error-reports', id: report.id, depth: 0 })
    expect(stored).toMatchObject({ status: 'new', reporterName: 'MCP：坐席助手' })
  })

  it('shows a public key only what the public FAQ API shows', async () => {
    const script = (
      await payload.find({
        collection: 'knowledge-entries',
        where: { and: [{ type: { equals: 'script' } }, { _status: { equals: 'published' } }] },
        limit: 1,
      })
    ).docs[0]
    const agentClient = await connect(keys.agent)
    expect(
      json(await call(agentClient, 'search_knowledge', { q: script.title, limit: 10 })).hits.map(
        (h: { code: string }) => h.code,
      ),
    ).toContain(script.code)
    const client = await connect(keys.public)
    const { tools } = await client.listTools()
    expect(tools.map((t) => t.name)).not.toContain('report_entry_error')
    const hits = json(await call(client, 'search_knowledge', { q: script.title, limit: 50 })).hits
    expect(hits.map((h: { code: string }) => h.code)).not.toContain(script.code)
    expect(hits[0]).not.toHaveProperty('audience')
    expect(await refusal(client, 'get_entry', { code: script.code })).toMatch(/没有这条公开信息/)
  })

  it('refuses revoked and unknown keys, and answers bad arguments with a clear message', async () => {
    await expect(connect(keys.revoked)).rejects.toThrow(/401|无效或已吊销/)
    await expect(connect('hk_not-a-key-at-all-000000')).rejects.toThrow(/401|无效/)
    const client = await connect(keys.agent)
    expect(await refusal(client, 'search_knowledge', { q: '' })).toMatch(/不能为空|q/)
    expect(await refusal(client, 'search_knowledge', { q: '社保', limit: 500 })).toMatch(/limit|50/)
    expect(await refusal(client, 'get_entry', { code: 'KB-999999' })).toMatch(/没有已发布的知识条目/)
    expect(await refusal(client, 'get_entry', { code: 'x y' })).toMatch(/知识编号格式不对/)
    // The server still answers after the refusals.
    expect(json(await call(client, 'search_knowledge', { q: '社保' })).found).toBeGreaterThan(0)
  })
})
