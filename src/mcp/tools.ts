/**
 * The agent operations offered to AI assistants over MCP. Each tool calls the same service functions
 * as the HTTP API; what a key may see follows its scope (agent: internal entries too; public: what
 * the public FAQ API shows).
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { Payload } from 'payload'
import { z } from 'zod'

import { now } from '../domain/clock'
import { ENTRY_TYPES } from '../domain/knowledge/entryTypes'
import { ORDER_ACTIONS, type OrderAction } from '../domain/workOrders/orderFlow'
import type { SearchEngine } from '../search/types'
import { composeAnswer } from '../services/answerText'
import { ServiceError } from '../services/errors'
import { similarForIntake } from '../services/intakeSimilar'
import { suggestForIntake } from '../services/intakeSuggestions'
import { type Audience, findEntry, reportEntryError, searchKnowledge } from '../services/knowledgeQueries'
import { recordQuestionCandidate } from '../services/questionCandidates'
import { actOnOrder, orderActions } from '../services/workOrderActions'
import {
  actionBody,
  actionInputFor,
  intakeQuery,
  newOrder,
  orderNumber,
  similarQuery,
} from '../services/workOrderInput'
import { createOrder } from '../services/workOrderIntake'
import { presentOrder } from '../services/workOrderPresentation'
import { actorOf, loadOrder } from '../services/workOrders'

export type ToolCaller = { keyId: string | number; keyName: string; scopes: string[] }
export type ToolCall = { tool: string; args: Record<string, unknown>; resultBytes: number; ms: number; error?: string }

const list = z.array(z.string().min(1).max(100)).max(20).optional()
const code = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,40}$/, '知识编号格式不对，如 KB-1001 / entry code such as KB-1001')
  .describe('知识编号 / entry code, e.g. KB-1001')

/** What a tool call's log may say about its arguments: never free text or a claimant. */
const loggable = (tool: string, args: Record<string, unknown>) => {
  if (tool === 'report_entry_error')
    return { code: args.code, descriptionLength: String(args.description ?? '').length }
  if (tool === 'create_work_order') return { type: args.type, channel: args.channel, citedEntries: args.citedEntries }
  if (tool === 'suggest_intake' || tool === 'find_similar_orders') return { district: args.district }
  if (tool === 'act_on_work_order') return { number: args.number, action: args.action, citedEntries: args.citedEntries }
  return args
}

export function registerTools(
  server: McpServer,
  deps: { payload: Payload; engine: () => SearchEngine; caller: ToolCaller; log: (call: ToolCall) => void },
) {
  const { payload, engine, caller } = deps
  // Internal knowledge only for agent-level keys; any other key sees what the public sees.
  const audience: Audience = caller.scopes.includes('agent') ? 'agent' : 'public'

  /** Runs a tool: JSON text content, a service error as a tool error with its message, every call logged. */
  const run =
    (tool: string, handler: (args: Record<string, unknown>) => Promise<unknown>) =>
    async (args: Record<string, unknown>) => {
      const started = performance.now()
      try {
        const text = JSON.stringify(await handler(args))
        deps.log({
          tool,
          args: loggable(tool, args),
          resultBytes: text.length,
          ms: Math.round(performance.now() - started),
        })
        return { content: [{ type: 'text' as const, text }] }
      } catch (err) {
        if (!(err instanceof ServiceError)) throw err
        deps.log({
          tool,
          args: loggable(tool, args),
          resultBytes: 0,
          ms: Math.round(performance.now() - started),
          error: err.message,
        })
        return { isError: true, content: [{ type: 'text' as const, text: err.message }] }
      }
    }

  server.registerTool(
    'search_knowledge',
    {
      title: '检索知识库 / Search the knowledge base',
      description:
        '在 12345 热线知识库中检索，返回最相关的条目（含可信度 confident 和是否逾期未复核 stale）。Search the 12345 hotline knowledge base; returns the best entries with a confidence flag and a stale flag.',
      inputSchema: {
        q: z
          .string()
          .trim()
          .min(1, '查询词不能为空 / q must not be empty')
          .max(200, '查询词不能超过 200 字 / q is at most 200 characters')
          .describe('查询词，来电人的说法即可 / the question or keywords, in the caller’s words'),
        type: z
          .array(z.enum(ENTRY_TYPES.map((t) => t.value) as [string, ...string[]]))
          .max(6)
          .optional()
          .describe('条目类型 / entry types: guide, location, policy, faq, notice, script'),
        unit: list.describe('承办单位名称 / organizer unit names'),
        category: list.describe('目录路径，如 社会保障/养老保险 / catalog paths'),
        district: list.describe('区域 / districts'),
        include_expired: z
          .boolean()
          .optional()
          .describe('是否包含已过期条目（标注过期）/ include expired entries, marked'),
        limit: z.number().int().min(1).max(50).optional().describe('返回条数，默认 10 / number of hits, default 10'),
      },
    },
    run('search_knowledge', async (a) => {
      const p = a as {
        q: string
        type?: string[]
        unit?: string[]
        category?: string[]
        district?: string[]
        include_expired?: boolean
        limit?: number
      }
      return searchKnowledge(
        engine(),
        audience,
        {
          q: p.q,
          type: p.type,
          unit: p.unit,
          category: p.category,
          district: p.district,
          includeExpired: p.include_expired,
          page: 1,
          perPage: p.limit ?? 10,
        },
        now(),
      )
    }),
  )

  server.registerTool(
    'get_entry',
    {
      title: '查看知识条目 / Get an entry',
      description:
        '按知识编号取完整条目：办事指南的结构化字段、正文、办理地点、有效期、最近复核。Get the full entry by code: structured fields, plain-text body, locations, validity, last review.',
      inputSchema: { code },
    },
    run('get_entry', async (a) => findEntry(payload, audience, a.code as string, now())),
  )

  server.registerTool(
    'suggest_answer',
    {
      title: '建议答复 / Suggest an answer',
      description:
        '给出来电问题的建议答复：取最可信的条目，按材料、流程、收费、时限、电话等组织成简短答复，并给出可引用的条目编号和版本；没有可信答案时明确说明。Suggest a short answer from the most confident entry, with the code and version to cite, or say there is no confident answer.',
      inputSchema: {
        question: z
          .string()
          .trim()
          .min(1, '问题不能为空 / question must not be empty')
          .max(200, '问题不能超过 200 字 / at most 200 characters')
          .describe('来电人的问题 / the caller’s question'),
      },
    },
    run('suggest_answer', async (a) => {
      const at = now()
      const result = await engine().search({ text: a.question as string, audience, now: at, perPage: 1 })
      const best = result.hits[0]
      if (!best?.confident)
        return {
          confident: false,
          message: '知识库中没有可信的答案，请转人工核实或派发工单。No confident answer in the knowledge base.',
        }
      const entry = await findEntry(payload, audience, best.document.code, at)
      // The learning loop: the question answered becomes a candidate similar question of the entry.
      await recordQuestionCandidate(payload, best.document.code, a.question as string)
      return {
        confident: true,
        code: entry.code,
        title: entry.title,
        version: entry.version,
        answer: composeAnswer(entry as never),
        cite: `${entry.code}（${entry.version}）`,
      }
    }),
  )

  if (audience === 'agent') {
    server.registerTool(
      'report_entry_error',
      {
        title: '纠错反馈 / Report an entry error',
        description:
          '报告知识条目内容有误（如电话、地址、材料已变更），由热线知识库管理员核实处理。Report wrong content in an entry for the hotline’s kb-admins to check.',
        inputSchema: {
          code,
          description: z
            .string()
            .trim()
            .min(5, '错误描述至少 5 个字 / at least 5 characters')
            .max(2000, '错误描述不能超过 2000 字 / at most 2000 characters')
            .describe('错误描述 / what is wrong'),
        },
      },
      run('report_entry_error', async (a) =>
        reportEntryError(payload, a.code as string, a.description as string, { name: `MCP：${caller.keyName}` }),
      ),
    )
  }

  if (caller.scopes.includes('work-orders')) {
    const actor = actorOf({ kind: 'api-key', id: caller.keyId, name: caller.keyName })
    server.registerTool(
      'create_work_order',
      {
        title: '登记工单 / Create a work order',
        description:
          '按来电登记工单（与 HTTP 接口规则相同），返回工单编号、状态与期限；诉求人信息在结果中脱敏。Create a work order from a call, as POST /api/v1/work-orders; the claimant is masked in the result.',
        inputSchema: newOrder.shape,
      },
      run('create_work_order', async (a) => {
        const order = await createOrder(payload, newOrder.parse(a), actor)
        // What intake suggested when the order was taken (also kept on the order for the accuracy report).
        return { ...presentOrder(order, actor), suggestions: order.suggestions ?? null }
      }),
    )
    server.registerTool(
      'suggest_intake',
      {
        title: '受理建议 / Intake suggestions',
        description:
          '登记工单前，按标题和诉求内容给出最可能的 3 个诉求分类（含置信度 confidence 和依据词 because）和处理过类似工单的承办单位（含退回率），与 HTTP GET /api/v1/work-orders/suggestions 相同。登记时把采用的分类填入 category，把展示的首选分类编号填入 suggestedCategory。Top-3 categories with confidence and the units that handled similar orders, before creating an order.',
        inputSchema: {
          title: z.string().trim().max(200).optional().describe('标题 / title'),
          content: z.string().trim().max(5000).optional().describe('诉求内容 / the claim'),
          district: z.string().trim().max(50).optional().describe('区域 / district'),
          category: z
            .string()
            .trim()
            .max(40)
            .optional()
            .describe('已选分类编号（影响承办单位建议）/ chosen category id'),
        },
      },
      run('suggest_intake', async (a) => {
        const parsed = intakeQuery.safeParse(a)
        if (!parsed.success) throw new ServiceError(400, parsed.error.issues.map((i) => i.message).join('；'))
        return suggestForIntake(payload, parsed.data)
      }),
    )
    server.registerTool(
      'find_similar_orders',
      {
        title: '同号码与相似工单 / Same caller and similar open orders',
        description:
          '登记前查找同一来电号码的工单和近期相同地点、相似内容的未办结工单（同一问题多人反映），登记时可把编号填入 related 关联。The caller’s orders (by phone) and recent similar open orders at the same place, to link as related.',
        inputSchema: {
          phone: z.string().optional().describe('来电号码（不会出现在日志中）/ caller’s phone, never logged'),
          address: z.string().optional().describe('地址 / address'),
          district: z.string().optional().describe('区域 / district'),
          title: z.string().optional().describe('标题 / title'),
          content: z.string().optional().describe('诉求内容 / the claim'),
        },
      },
      run('find_similar_orders', async (a) => {
        const parsed = similarQuery.safeParse(a)
        if (!parsed.success) throw new ServiceError(400, parsed.error.issues.map((i) => i.message).join('；'))
        return similarForIntake(payload, parsed.data, actor)
      }),
    )
    server.registerTool(
      'get_work_order',
      {
        title: '查询工单 / Get a work order',
        description:
          '按工单编号查询状态、期限与处理记录（诉求人脱敏）。Get a work order’s state, deadline and timeline by number (claimant masked).',
        inputSchema: { number: orderNumber },
      },
      run('get_work_order', async (a) => presentOrder(await loadOrder(payload, a.number as string, actor), actor)),
    )
    server.registerTool(
      'get_work_order_actions',
      {
        title: '可办理的操作 / Allowed actions on a work order',
        description:
          '列出本密钥现在可以对该工单执行的操作（与 HTTP GET /api/v1/work-orders/{number}/actions 相同的规则；热线助手通常可直接答复或不予受理待处理的工单）。List the actions this key may take on the order now, by the same rules as the HTTP API.',
        inputSchema: { number: orderNumber },
      },
      run('get_work_order_actions', async (a) => orderActions(payload, a.number as string, actor)),
    )
    server.registerTool(
      'act_on_work_order',
      {
        title: '办理工单 / Act on a work order',
        description:
          '对工单执行一个操作，与 HTTP POST /api/v1/work-orders/{number}/actions/{action} 相同的服务与输入：answer 直接答复须引用知识条目 citedEntries（或 noKnowledge: true 并写 answer），not-accept 不予受理须给出类别 reason（duplicate 时给出 duplicateOf）。先用 get_work_order_actions 查看可用操作。Take one action on the order with the same service and inputs as the HTTP API; returns the order (claimant masked).',
        inputSchema: {
          number: orderNumber,
          action: z
            .enum(ORDER_ACTIONS.map((a) => a.value) as [OrderAction, ...OrderAction[]])
            .describe('操作 / the action, e.g. answer, not-accept'),
          ...actionBody.shape,
        },
      },
      run('act_on_work_order', async (a) => {
        const { number, action, ...rest } = a as { number: string; action: OrderAction }
        const parsed = actionInputFor(action).safeParse(rest)
        if (!parsed.success) throw new ServiceError(400, parsed.error.issues.map((i) => i.message).join('；'))
        return presentOrder(await actOnOrder(payload, number, action, parsed.data, actor), actor)
      }),
    )
  }
}
