/**
 * Checks a Payload REST request before Payload sees it, so that malformed input answers 400/404 with
 * a message instead of reaching the database as NaN, Infinity, an unknown operator or a non-object
 * body (each of which made Payload or its adapter answer 500): paging and depth numbers, `where`
 * operators and values by field type, document ids, `/versions` of unversioned collections, and
 * JSON bodies (an object, not nested absurdly deep).
 */
import express, { type RequestHandler } from 'express'
import type { FlattenedField, Payload } from 'payload'

import { lexicalShapeProblem } from '../lexical/shape'
import { HttpError } from './errors'

/** Payload's query operators, less the geometry ones: no collection here has a point field. */
const OPERATORS = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
  'like',
  'not_like',
  'contains',
])
const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
/** Path segments after `/api/<collection>/` that are Payload's own routes, not document ids. */
const ROUTES = new Set([
  'count',
  'versions',
  'access',
  'login',
  'logout',
  'me',
  'refresh-token',
  'forgot-password',
  'reset-password',
  'init',
  'first-register',
  'unlock',
  'verify',
  'file',
])
const MAX_JSON_DEPTH = 64
const MAX_JSON_BYTES = '2mb'

type CollectionShape = { versions: boolean; fields: FlattenedField[] }

const isInteger = (v: string) => /^\d{1,9}$/.test(v)

function numberParam(name: string, value: unknown, min: number, max: number) {
  if (value === undefined) return
  if (typeof value !== 'string' || !isInteger(value) || Number(value) < min || Number(value) > max)
    throw new HttpError(400, `${name} 须为 ${min} 到 ${max} 之间的整数`)
}

/** The where clauses of a query string as [field path, operator, value] triples. */
function whereClauses(search: URLSearchParams): [string[], string, string][] {
  const clauses: [string[], string, string][] = []
  for (const [key, value] of search) {
    if (!key.startsWith('where')) continue
    const segments = [...key.slice('where'.length).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)
    if (segments.length === 0) throw new HttpError(400, 'where 查询格式不对，应为 where[字段][运算符]=值')
    // and/or groups and list indexes carry no field.
    const parts = segments.filter((s, i) => !(s === 'and' || s === 'or' || (isInteger(s) && i > 0)))
    if (isInteger(segments.at(-1)!) && !LIST_OPERATORS.has(segments.at(-2)!))
      throw new HttpError(400, `where 查询格式不对：${key}`)
    const operator = parts.pop()
    if (!operator || parts.length === 0) throw new HttpError(400, `where 查询缺少字段或运算符：${key}`)
    clauses.push([parts.flatMap((p) => p.split('.')), operator, value])
  }
  return clauses
}

/** The field a path names inside groups and tabs; undefined past a relationship or for unknown paths. */
function fieldAt(fields: FlattenedField[], path: string[]): FlattenedField | undefined {
  const [head, ...rest] = path
  const field = fields.find((f) => f.name === head)
  // A path into a rich-text or JSON value names that field.
  if (!field || rest.length === 0 || field.type === 'richText' || field.type === 'json') return field
  return 'flattenedFields' in field && field.type !== 'array' ? fieldAt(field.flattenedFields, rest) : undefined
}

function checkValue(
  path: string,
  field: FlattenedField | undefined,
  operator: string,
  value: string,
  numericIds: boolean,
) {
  if (operator === 'exists') {
    if (!['true', 'false'].includes(value)) throw new HttpError(400, `${path} 的 exists 只能是 true 或 false`)
    return
  }
  if (!field) {
    if (path === 'id' && numericIds && value.split(',').some((v) => !/^-?\d{1,15}$/.test(v.trim())))
      throw new HttpError(400, 'id 须为整数')
    return
  }
  const values = LIST_OPERATORS.has(operator) ? value.split(',') : [value]
  if (field.type === 'date' && values.some((v) => Number.isNaN(Date.parse(v))))
    throw new HttpError(400, `${path} 须为日期，如 2026-11-30`)
  if (field.type === 'number' && values.some((v) => !Number.isFinite(Number(v))))
    throw new HttpError(400, `${path} 须为数字`)
  if (
    (field.type === 'relationship' || field.type === 'upload') &&
    numericIds &&
    values.some((v) => v !== 'null' && !/^\d{1,15}$/.test(v.trim()))
  )
    throw new HttpError(400, `${path} 须为记录编号（整数）`)
}

function checkQuery(url: URL, shape: CollectionShape, numericIds: boolean) {
  const p = url.searchParams
  numberParam('page', p.get('page') ?? undefined, 1, 100_000)
  numberParam('limit', p.get('limit') ?? undefined, 0, 1000)
  numberParam('depth', p.get('depth') ?? undefined, 0, 10)
  for (const [path, operator, value] of whereClauses(p)) {
    const name = path.join('.')
    if (!OPERATORS.has(operator)) throw new HttpError(400, `不支持的查询运算符：${operator}`)
    const field = fieldAt(shape.fields, path)
    if (field && (field.type === 'richText' || field.type === 'json'))
      throw new HttpError(400, `不能按 ${name} 查询（富文本或 JSON 字段）`)
    checkValue(name, field, operator, value, numericIds)
  }
}

function depthOf(value: unknown): number {
  let max = 0
  let level: unknown[] = [value]
  while (level.length) {
    const next: unknown[] = []
    for (const v of level) if (v && typeof v === 'object') next.push(...Object.values(v))
    if (next.length === 0) break
    if (++max > MAX_JSON_DEPTH) return max
    level = next
  }
  return max
}

/**
 * A JSON body is read here (and handed on to Payload as the same bytes): it must be one object, not
 * nested deeper than any document of ours.
 */
const readJson = express.raw({ type: ['application/json', 'text/plain'], limit: MAX_JSON_BYTES })

function checkJsonBody(raw: Buffer, shape: CollectionShape | undefined) {
  if (raw.length === 0) return
  let parsed: unknown
  try {
    parsed = JSON.parse(raw.toString('utf8'))
  } catch {
    throw new HttpError(400, '请求体不是有效的 JSON')
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new HttpError(400, '请求体须为 JSON 对象')
  if (depthOf(parsed) > MAX_JSON_DEPTH) throw new HttpError(400, `请求体嵌套过深（最多 ${MAX_JSON_DEPTH} 层）`)
  // The rich-text editor's own hooks walk the document before any validation runs.
  for (const field of shape?.fields ?? []) {
    const problem =
      field.type === 'richText' ? lexicalShapeProblem((parsed as Record<string, unknown>)[field.name]) : undefined
    if (problem) throw new HttpError(400, `${field.name}：${problem}`)
  }
}

export function restGuard(payload: Payload): RequestHandler {
  const numericIds = payload.db.defaultIDType === 'number'
  const shapes = new Map<string, CollectionShape>(
    Object.entries(payload.collections).map(([slug, c]) => [
      slug,
      { versions: Boolean(c.config.versions), fields: c.config.flattenedFields },
    ]),
  )
  const check: RequestHandler = (req, _res, next) => {
    try {
      inspect(req)
      next()
    } catch (err) {
      next(err)
    }
  }
  const inspect = (req: Parameters<RequestHandler>[0]) => {
    const url = new URL(req.originalUrl, 'http://localhost')
    const [, api, slug, second, third] = url.pathname.split('/')
    const shape = api === 'api' && slug ? shapes.get(slug) : undefined
    if (shape && slug && !slug.startsWith('payload-')) {
      if (second === 'versions' && !shape.versions) throw new HttpError(404, `${slug} 没有版本记录`)
      const id = second === 'versions' ? third : second && !ROUTES.has(second) ? second : undefined
      if (id !== undefined && !(numericIds ? /^\d{1,15}$/.test(id) : /^[0-9a-f]{24}$/i.test(id)))
        throw new HttpError(404, `没有这条记录：${decodeURIComponent(id).slice(0, 40)}`)
      checkQuery(url, shape, numericIds)
    }
    if (Buffer.isBuffer(req.body)) checkJsonBody(req.body, shape)
  }
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') return check(req, res, next)
    readJson(req, res, (err?: unknown) => (err ? next(err) : check(req, res, next)))
  }
}
