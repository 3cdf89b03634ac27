/** The OpenAPI description of /api/v1, served at /api/v1/openapi.json for agent-tool vendors. */
import { ENTRY_TYPES } from '../domain/knowledge/entryTypes'
import { MAX_PER_PAGE, MAX_QUERY_LENGTH } from './searchParams'

const q = { name: 'q', in: 'query', required: true, description: '查询词（口语、关键词、拼音、繁体均可）', schema: { type: 'string', minLength: 1, maxLength: MAX_QUERY_LENGTH } }
const page = { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } }
const list = (name: string, description: string, items: object = { type: 'string' }) => ({
  name,
  in: 'query',
  description: `${description}（逗号分隔多个值）`,
  schema: { type: 'array', items },
  style: 'form',
  explode: false,
})
const code = { name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^KB-\\d{4,}$' } }
const error = { description: '错误', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }
const json = (schema: object, description = '成功') => ({ description, content: { 'application/json': { schema } } })

const hitProperties = {
  code: { type: 'string' },
  title: { type: 'string' },
  type: { type: 'string', enum: ENTRY_TYPES.map((t) => t.value) },
  unit: { type: 'string' },
  category: { type: 'string' },
  summary: { type: 'string' },
  highlights: { type: 'object', properties: { title: { type: 'string' }, summary: { type: 'string' } }, description: '带 <mark> 标记的 HTML 片段' },
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
      session: { type: 'apiKey', in: 'header', name: 'Authorization', description: '`JWT <token>`，来自 POST /api/users/login' },
    },
    schemas: {
      Error: { type: 'object', required: ['error', 'message'], properties: { error: { type: 'string' }, message: { type: 'string' }, details: {} } },
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
      Entry: { type: 'object', description: '知识条目：按类型的结构化字段、纯文本正文、相关条目', additionalProperties: true },
    },
  },
  paths: {
    '/health': { get: { summary: '健康检查', responses: { 200: json({ type: 'object' }), 503: json({ type: 'object' }, '数据库或搜索引擎不可用') } } },
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
          { name: 'per_page', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: 10 } },
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
              facets: { type: 'object', additionalProperties: { type: 'object', additionalProperties: { type: 'integer' } } },
            },
          }),
          400: error,
          401: error,
          403: error,
          429: error,
        },
      },
    },
    '/agent/suggest': { get: { summary: '输入联想', security: [{ apiKey: [] }, { session: [] }], parameters: [q], responses: { 200: json({ type: 'object' }), 400: error, 401: error } } },
    '/agent/entries/{code}': { get: { summary: '条目详情', security: [{ apiKey: [] }, { session: [] }], parameters: [code], responses: { 200: json({ $ref: '#/components/schemas/Entry' }), 401: error, 404: error } } },
    '/agent/entries/{code}/error-reports': {
      post: {
        summary: '纠错反馈：报告条目内容有误，由知识库管理员核实处理',
        security: [{ apiKey: [] }, { session: [] }],
        parameters: [code],
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['description'], properties: { description: { type: 'string', minLength: 5, maxLength: 2000 } } } } } },
        responses: { 201: json({ type: 'object', properties: { id: { type: 'integer' }, status: { type: 'string' }, message: { type: 'string' } } }), 400: error, 401: error, 404: error },
      },
    },
    '/public/search': {
      get: {
        summary: '公众检索（仅公开、已发布、在有效期内的条目）',
        parameters: [q, list('category', '目录路径'), page],
        responses: { 200: json({ type: 'object', properties: { found: { type: 'integer' }, hits: { type: 'array', items: { $ref: '#/components/schemas/PublicHit' } } } }), 400: error, 429: error },
      },
    },
    '/public/entries/{code}': {
      get: { summary: '公开条目详情', parameters: [code], responses: { 200: json({ $ref: '#/components/schemas/Entry' }), 404: error, 410: error } },
    },
  },
} as const
