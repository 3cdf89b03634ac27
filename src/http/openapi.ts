/** The OpenAPI description of /api/v1, served at /api/v1/openapi.json for agent-tool vendors. */
import { z } from 'zod'

import { ENTRY_TYPES } from '../domain/knowledge/entryTypes'
import { ORDER_ACTIONS, ORDER_STATES } from '../domain/workOrders/orderFlow'
import { actionBody, newOrder, similarQuery } from '../services/workOrderInput'
import { MAX_PER_PAGE, MAX_QUERY_LENGTH } from './searchParams'

const q = {
  name: 'q',
  in: 'query',
  required: true,
  description: '查询词（口语、关键词、拼音、繁体均可）',
  schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH },
}
const page = { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } }
const list = (name: string, description: string, items: object = { type: 'string' }) => ({
  name,
  in: 'query',
  description: `${description}（逗号分隔多个值）`,
  schema: { type: 'array', items },
  style: 'form',
  explode: false,
})
const orderNumber = { name: 'number', in: 'path', required: true, schema: { type: 'string', pattern: '^GD\\d{14}$' } }
const code = { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^KB-\\d{4,}$' } }
const error = {
  description: '错误',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
}
const json = (schema: object, description = '成功') => ({ description, content: { 'application/json': { schema } } })

const hitProperties = {
  code: { type: 'string' },
  title: { type: 'string' },
  type: { type: 'string', enum: ENTRY_TYPES.map((t) => t.value) },
  unit: { type: 'string' },
  category: { type: 'string' },
  summary: { type: 'string' },
  highlights: {
    type: 'object',
    properties: { title: { type: 'string' }, summary: { type: 'string' } },
    description: '带 <mark> 标记的 HTML 片段（其余字符已转义）',
  },
  marks: {
    type: 'object',
    properties: {
      title: { type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 } },
      summary: { type: 'array', items: { type: 'array', items: { type: 'integer' }, minItems: 2, maxItems: 2 } },
    },
    description: '命中词在 title、summary 中的位置 [起, 止)（UTF-16 下标），页面据此渲染，不插入 HTML',
  },
  confident: { type: 'boolean', description: '是否确信回答了问题' },
  url: { type: 'string' },
}

export const openApiDocument = {
  openapi: '3.1.0',
  info: { title: 'hotline-kb API', version: '1', description: '12345 热线知识库：坐席检索与公众检索接口' },
  servers: [{ url: '/api/v1' }],
  components: {
    securitySchemes: {
      apiKey: { type: 'http', scheme: 'bearer', description: 'API 密钥（hk_…），由管理员创建，需 agent 权限' },
      session: {
        type: 'apiKey',
        in: 'header',
        name: 'Authorization',
        description: '`JWT <token>`，来自 POST /api/users/login',
      },
    },
    schemas: {
      WorkOrder: {
        type: 'object',
        properties: {
          number: { type: 'string', example: 'GD20261125000123' },
          state: { type: 'string', enum: ORDER_STATES.map((o) => o.value) },
          resolution: { type: ['string', 'null'], enum: ['answered', 'not_accepted', 'handled', null] },
          type: { type: 'string' },
          title: { type: 'string' },
          claimant: { type: 'object', description: '脱敏后的诉求人信息；保密工单对承办单位显示（保密）' },
          unit: { type: ['object', 'null'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
          dueAt: { type: ['string', 'null'], format: 'date-time', description: '办理期限（北京时间当日 23:59:59）' },
          deadlineWarning: { type: ['string', 'null'], description: '工作日历缺少年份等提示' },
          citedEntries: {
            type: 'array',
            items: {
              type: 'object',
              properties: { code: { type: 'string' }, version: { type: 'string' }, title: { type: 'string' } },
            },
          },
          timeline: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                at: { type: 'string' },
                action: { type: 'string' },
                label: { type: 'string' },
                actor: { type: 'string' },
                from: { type: 'string' },
                to: { type: 'string' },
                note: { type: 'string' },
              },
            },
          },
        },
      },
      Error: {
        type: 'object',
        required: ['error', 'message'],
        properties: { error: { type: 'string' }, message: { type: 'string' }, details: {} },
      },
      AgentHit: {
        type: 'object',
        properties: {
          ...hitProperties,
          score: { type: 'number' },
          confidence: { type: 'number', minimum: 0, maximum: 1 },
          audience: { type: 'string', enum: ['public', 'internal'] },
          status: { type: 'string' },
          validUntil: { type: ['string', 'null'], format: 'date-time' },
          reviewedAt: { type: ['string', 'null'], format: 'date-time' },
          stale: { type: 'boolean', description: '已过复核日期' },
        },
      },
      PublicHit: { type: 'object', properties: hitProperties },
      Entry: {
        type: 'object',
        description: '知识条目：按类型的结构化字段、纯文本正文、相关条目',
        additionalProperties: true,
      },
    },
  },
  paths: {
    '/health': {
      get: {
        summary: '健康检查',
        responses: { 200: json({ type: 'object' }), 503: json({ type: 'object' }, '数据库或搜索引擎不可用') },
      },
    },
    '/agent/search': {
      get: {
        summary: '坐席检索（含内部答复口径）',
        security: [{ apiKey: [] }, { session: [] }],
        parameters: [
          q,
          list('type', '条目类型', { type: 'string', enum: ENTRY_TYPES.map((t) => t.value) }),
          list('unit', '承办单位名称'),
          list('category', '目录路径'),
          list('district', '区域'),
          { name: 'include_expired', in: 'query', schema: { type: 'boolean', default: false } },
          page,
          {
            name: 'per_page',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: 10 },
          },
        ],
        responses: {
          200: json({
            type: 'object',
            properties: {
              found: { type: 'integer' },
              page: { type: 'integer' },
              per_page: { type: 'integer' },
              took_ms: { type: 'number' },
              hits: { type: 'array', items: { $ref: '#/components/schemas/AgentHit' } },
              facets: {
                type: 'object',
                additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } },
              },
            },
          }),
          400: error,
          401: error,
          403: error,
          429: error,
        },
      },
    },
    '/agent/suggest': {
      get: {
        summary: '输入联想',
        security: [{ apiKey: [] }, { session: [] }],
        parameters: [q],
        responses: { 200: json({ type: 'object' }), 400: error, 401: error },
      },
    },
    '/agent/entries/{code}': {
      get: {
        summary: '条目详情',
        security: [{ apiKey: [] }, { session: [] }],
        parameters: [code],
        responses: { 200: json({ $ref: '#/components/schemas/Entry' }), 401: error, 404: error },
      },
    },
    '/agent/entries/{code}/error-reports': {
      post: {
        summary: '纠错反馈：报告条目内容有误，由知识库管理员核实处理',
        security: [{ apiKey: [] }, { session: [] }],
        parameters: [code],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['description'],
                properties: { description: { type: 'string', minLength: 5, maxLength: 2000 } },
              },
            },
          },
        },
        responses: {
          201: json({
            type: 'object',
            properties: { id: { type: 'integer' }, status: { type: 'string' }, message: { type: 'string' } },
          }),
          400: error,
          401: error,
          404: error,
        },
      },
    },
    '/work-orders': {
      post: {
        summary: '登记工单（来电、网站等渠道），可附引用的知识条目编号',
        security: [{ apiKey: [] }, { session: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: z.toJSONSchema(newOrder, { io: 'input' }) } },
        },
        responses: { 201: json({ $ref: '#/components/schemas/WorkOrder' }), 400: error, 401: error, 403: error },
      },
    },
    '/work-orders/suggestions': {
      get: {
        summary:
          '受理建议：按标题、内容（及区域、已选分类）给出最可能的 3 个诉求分类（含置信度）和办过类似工单的承办单位（含退回率）',
        security: [{ apiKey: [] }, { session: [] }],
        parameters: ['title', 'content', 'district', 'category'].map((name) => ({
          name,
          in: 'query',
          required: false,
          schema: { type: 'string' },
        })),
        responses: { 200: json({ type: 'object' }), 400: error, 401: error, 403: error },
      },
    },
    '/work-orders/similar': {
      post: {
        summary:
          '受理时查找同一来电号码的工单和近期相同地点、相似内容的未办结工单（电话只放在请求体中，不进地址栏和日志）',
        security: [{ apiKey: [] }, { session: [] }],
        requestBody: {
          required: true,
          content: { 'application/json': { schema: z.toJSONSchema(similarQuery, { io: 'input' }) } },
        },
        responses: { 200: json({ type: 'object' }), 400: error, 401: error, 403: error },
      },
    },
    '/reports/intake-accuracy': {
      get: {
        summary: '受理建议准确率：建议分类与最终确认分类、建议承办单位与实际承办单位，按月、按分类',
        security: [{ apiKey: [] }, { session: [] }],
        parameters: [
          { name: 'months', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 24 } },
        ],
        responses: { 200: json({ type: 'object' }), 400: error, 401: error, 403: error },
      },
    },
    '/work-orders/{number}': {
      get: {
        summary: '工单详情（诉求人脱敏）',
        security: [{ apiKey: [] }, { session: [] }],
        parameters: [orderNumber],
        responses: { 200: json({ $ref: '#/components/schemas/WorkOrder' }), 401: error, 404: error },
      },
    },
    '/work-orders/{number}/actions/{action}': {
      post: {
        summary: '工单流转：派发、签收、申请退回、延期、答复、回访、重办、办结等；非法操作返回 400/403',
        security: [{ apiKey: [] }, { session: [] }],
        parameters: [
          orderNumber,
          {
            name: 'action',
            in: 'path',
            required: true,
            schema: { type: 'string', enum: ORDER_ACTIONS.map((a) => a.value) },
          },
        ],
        requestBody: { content: { 'application/json': { schema: z.toJSONSchema(actionBody, { io: 'input' }) } } },
        responses: { 200: json({ $ref: '#/components/schemas/WorkOrder' }), 400: error, 403: error, 404: error },
      },
    },
    '/work-orders/{number}/unmask': {
      post: {
        summary: '查看诉求人完整信息（须说明事由，全程留痕；仅派单员、管理员、承办期间的承办单位）',
        security: [{ session: [] }],
        parameters: [orderNumber],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['reason'],
                properties: { reason: { type: 'string', maxLength: 500 } },
              },
            },
          },
        },
        responses: {
          200: json({
            type: 'object',
            properties: {
              name: { type: ['string', 'null'] },
              phone: { type: ['string', 'null'] },
              idNumber: { type: ['string', 'null'] },
            },
          }),
          400: error,
          403: error,
          404: error,
        },
      },
    },
    '/public/search': {
      get: {
        summary: '公众检索（仅公开、已发布、在有效期内的条目）',
        parameters: [q, list('category', '目录路径'), page],
        responses: {
          200: json({
            type: 'object',
            properties: {
              found: { type: 'integer' },
              hits: { type: 'array', items: { $ref: '#/components/schemas/PublicHit' } },
            },
          }),
          400: error,
          429: error,
        },
      },
    },
    '/public/suggest': {
      get: {
        summary: '公众检索联想（公开条目标题）',
        parameters: [q],
        responses: {
          200: json({
            type: 'object',
            properties: {
              suggestions: {
                type: 'array',
                items: { type: 'object', properties: { code: { type: 'string' }, title: { type: 'string' } } },
              },
            },
          }),
          400: error,
          429: error,
        },
      },
    },
    '/public/entries/{code}': {
      get: {
        summary: '公开条目详情',
        parameters: [code],
        responses: { 200: json({ $ref: '#/components/schemas/Entry' }), 404: error, 410: error },
      },
    },
  },
} as const
