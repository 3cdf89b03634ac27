/**
 * The MCP server over Streamable HTTP at /api/mcp (stateless: a server per request, so any instance
 * can answer), authenticated by API keys (scopes `agent`, `public`, `work-orders`), rate-limited per key.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import express, { Router } from 'express'
import type { Payload } from 'payload'

import { type Caller, rateLimitPerCaller, requireApiKey } from '../auth/callers'
import type { SearchEngine } from '../search/types'
import { registerTools } from './tools'

export const MCP_PATH = '/api/mcp'

export function mcpRouter(payload: Payload, engine: () => SearchEngine): Router {
  const router = Router()
  router.use(express.json({ limit: '100kb' }))
  router.use(requireApiKey(payload, ['agent', 'public', 'work-orders']))
  // A JSON-RPC batch counts as many calls as it holds.
  router.use(
    rateLimitPerCaller(payload, 'mcp', 600, (req) => (Array.isArray(req.body) ? Math.max(1, req.body.length) : 1)),
  )

  router.post('/', async (req, res) => {
    const caller = res.locals.caller as Extract<Caller, { kind: 'api-key' }>
    const server = new McpServer({ name: 'hotline-kb', version: '1.0.0' })
    registerTools(server, {
      payload,
      engine,
      caller: { keyId: caller.id, keyName: caller.name, scopes: caller.scopes },
      log: (call) => req.log.info({ mcp: { key: caller.name, keyId: caller.id, ...call } }, `mcp tool ${call.tool}`),
    })
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true })
    res.on('close', () => {
      void transport.close()
      void server.close()
    })
    await server.connect(transport)
    await transport.handleRequest(req, res, req.body)
  })

  // Stateless: no server-sent event stream and no sessions to end.
  router.all('/', (_req, res) => {
    res
      .status(405)
      .setHeader('Allow', 'POST')
      .json({ error: 'method_not_allowed', message: 'MCP 请使用 POST（Streamable HTTP，无状态）' })
  })
  return router
}
