/**
 * 检索分析 in the admin (/admin/search-analytics): what agents and the public search for — top
 * queries, queries with no hit, with no confident hit, and with hits nobody used — per day and
 * category, from the search log (masked queries only). Filters and exports are plain links and a
 * GET form (no client script). kb-admins and admins only.
 */
import type { AdminViewServerProps, Payload } from 'payload'
import type { ReactNode } from 'react'

import { now } from '../domain/clock'
import {
  categoryFigures,
  dayFigures,
  type QueryFigures,
  type SearchAudience,
  searchLogLists,
} from '../domain/knowledge/searchLog'
import { type AccessUser, isStaff } from '../domain/roles'
import { parseHotlineDate, shanghaiDateString } from '../domain/shanghaiTime'
import { searchLogRows } from '../services/searchLog'
import { AdminViewShell } from './AdminViewShell'

const AUDIENCES: Record<SearchAudience, string> = { agent: '坐席', public: '公众' }
const DAY_MS = 86_400_000

type Filter = { from: string; to: string; audience?: SearchAudience }

function filterOf(params: Record<string, string | string[] | undefined>): Filter {
  const one = (k: string) => (typeof params[k] === 'string' ? (params[k] as string) : undefined)
  const day = (v?: string) => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) && parseHotlineDate(v) ? v : undefined)
  const to = day(one('to')) ?? shanghaiDateString(now())
  const from = day(one('from')) ?? shanghaiDateString(new Date(parseHotlineDate(to)!.getTime() - 29 * DAY_MS))
  const audience = one('audience')
  return { from, to, audience: audience === 'agent' || audience === 'public' ? audience : undefined }
}

type Figures = Pick<QueryFigures, 'audience' | 'searches' | 'noHit' | 'noConfident' | 'used'>
type Column<R> = [header: string, cell: (row: R) => ReactNode]

/** The figures every table ends with, after what its rows are of. */
const FIGURES: Column<Figures>[] = [
  ['检索次数', (r) => r.searches],
  ['无结果', (r) => r.noHit],
  ['无可信结果', (r) => r.noConfident],
  ['结果被使用', (r) => r.used],
]
const SOURCE: Column<Figures> = ['来源', (r) => AUDIENCES[r.audience]]

function FigureTable<R extends Figures>(props: {
  title: string
  name: string
  columns: Column<R>[]
  rows: R[]
  rowKey: (row: R) => string
}) {
  const { title, name, rows, rowKey } = props
  const columns = [...props.columns, ...FIGURES]
  return (
    <>
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p>暂无。</p>
      ) : (
        <table className="table" data-search-log={name} style={{ width: '100%' }}>
          <thead>
            <tr>
              {columns.map(([header]) => (
                <th key={header}>{header}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map(([header, cell]) => (
                  <td key={header}>{cell(row)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  )
}

const QUERY_COLUMNS: Column<QueryFigures>[] = [
  ['查询（已脱敏）', (q) => q.query],
  SOURCE,
  ['首条结果分类', (q) => q.category || '—'],
]
const queryKey = (q: QueryFigures) => `${q.audience}:${q.query}`

type TotalRow = Omit<ReturnType<typeof dayFigures>[number], 'day'> & { name: string }
const totalColumns = (first: string): Column<TotalRow>[] => [[first, (r) => r.name], SOURCE]
const totalKey = (r: TotalRow) => `${r.name}:${r.audience}`

async function Analytics({ payload, filter }: { payload: Payload; filter: Filter }) {
  const rows = await searchLogRows(payload, filter)
  const lists = searchLogLists(rows)
  const query = new URLSearchParams({
    from: filter.from,
    to: filter.to,
    ...(filter.audience ? { audience: filter.audience } : {}),
  })
  return (
    <>
      <form method="get" style={{ display: 'flex', gap: 12, alignItems: 'end', flexWrap: 'wrap' }}>
        <label>
          起始日期 <input type="date" name="from" defaultValue={filter.from} />
        </label>
        <label>
          截止日期 <input type="date" name="to" defaultValue={filter.to} />
        </label>
        <label>
          来源{' '}
          <select name="audience" defaultValue={filter.audience ?? ''}>
            <option value="">全部</option>
            <option value="agent">坐席</option>
            <option value="public">公众</option>
          </select>
        </label>
        <button type="submit" className="btn btn--style-secondary btn--size-small">
          查看
        </button>
      </form>
      <p>
        导出：<a href={`/api/v1/reports/search-log?${query}&format=xlsx`}>Excel</a> ·{' '}
        <a href={`/api/v1/reports/search-log?${query}&format=csv`}>CSV</a> · 无结果查询也列在{' '}
        <a href="/api/v1/reports/knowledge-gaps">知识缺口报告</a>中，可据此补充知识条目或在
        <a href="/admin/collections/knowledge-gaps">知识缺口</a>中跟进。
      </p>
      {(
        [
          ['热门查询', 'top', lists.top],
          ['无结果查询', 'no-hit', lists.noHit],
          ['无可信结果查询', 'no-confident', lists.noConfident],
          ['有结果但无人使用', 'unused', lists.unused],
        ] as const
      ).map(([title, name, queries]) => (
        <FigureTable key={name} title={title} name={name} columns={QUERY_COLUMNS} rows={queries} rowKey={queryKey} />
      ))}
      <FigureTable
        title="每日"
        name="days"
        columns={totalColumns('日期')}
        rows={dayFigures(rows).map(({ day, ...t }) => ({ name: day, ...t }))}
        rowKey={totalKey}
      />
      <FigureTable
        title="按分类"
        name="categories"
        columns={totalColumns('首条结果分类')}
        rows={categoryFigures(rows).map(({ category, ...t }) => ({ name: category, ...t }))}
        rowKey={totalKey}
      />
    </>
  )
}

export async function SearchAnalyticsView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const allowed = isStaff(req.user as AccessUser | null)
  return (
    <AdminViewShell view={view} title="检索分析">
      {allowed ? (
        <Analytics payload={req.payload} filter={filterOf(searchParams ?? {})} />
      ) : (
        <p>仅知识库管理员可查看检索分析。</p>
      )}
    </AdminViewShell>
  )
}
