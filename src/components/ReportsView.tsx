/**
 * 工单报表 in the admin (/admin/reports): orders due today and overdue, the last 30 days' figures, volumes
 * by type and channel, hot categories, the per-unit ranking and the daily trend as server-rendered SVG bars (no client script needed). Hotline staff and supervisors only.
 */
import type { AdminViewServerProps, Payload } from 'payload'

import { now } from '../domain/clock'
import { type AccessUser, hasRole } from '../domain/roles'
import { shanghaiDateString } from '../domain/shanghaiTime'
import { figureRows, percentText } from '../domain/workOrders/reportTables'
import type { WorkOrder } from '../payload-types'
import { adminReportData } from '../services/workOrderReports'
import { AdminViewShell } from './AdminViewShell'
import { IntakeAccuracySection } from './IntakeAccuracySection'

function Bars({ rows, label }: { rows: { name: string; value: number }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value))
  const height = rows.length * 26 + 10
  return (
    <svg
      role="img"
      aria-label={label}
      width="100%"
      height={height}
      viewBox={`0 0 600 ${height}`}
      style={{ maxWidth: 640 }}
    >
      {rows.map((r, i) => (
        <g key={r.name} transform={`translate(0 ${i * 26 + 5})`}>
          <text x={0} y={15} fontSize={12} fill="currentColor">
            {r.name}
          </text>
          <rect x={130} y={3} height={16} width={(r.value / max) * 420} fill="var(--theme-success-500)" />
          <text x={136 + (r.value / max) * 420} y={15} fontSize={12} fill="currentColor">
            {r.value}
          </text>
        </g>
      ))}
    </svg>
  )
}

function DeadlineList({
  docs,
}: {
  docs: Pick<WorkOrder, 'id' | 'number' | 'title' | 'unit' | 'dueAt' | 'deadlineStatus'>[]
}) {
  if (!docs.length) return <p>暂无今日到期或超期的工单。</p>
  return (
    <ul data-deadlines>
      {docs.map((o) => (
        <li key={o.id}>
          {o.deadlineStatus === 'overdue' ? '【已超期】' : '【今日到期】'}
          {o.number} {o.title} · {typeof o.unit === 'object' ? o.unit?.name : ''} · 期限{' '}
          {o.dueAt ? shanghaiDateString(new Date(o.dueAt)) : ''}
        </li>
      ))}
    </ul>
  )
}

/** The last 30 days' figures, from counters the database aggregates (src/services/reportStore.ts). */
async function Report({ payload }: { payload: Payload }) {
  const { summary, ranking, days, deadlines } = await adminReportData(payload, now())
  const figures = figureRows(summary).map(
    (f) => [f.label, f.kind === 'percent' ? percentText(f.value) : (f.value ?? '—')] as const,
  )
  const bars = (rows: { name: string; volume: number }[]) => rows.map((r) => ({ name: r.name, value: r.volume }))
  return (
    <>
      <dl
        data-report="summary"
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))', gap: 12 }}
      >
        {figures.map(([name, value]) => (
          <div key={name} style={{ border: '1px solid var(--theme-elevation-150)', padding: 12 }}>
            <dt style={{ color: 'var(--theme-elevation-500)' }}>{name}</dt>
            <dd style={{ fontSize: 22, margin: 0 }}>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>时限预警</h3>
      <DeadlineList docs={deadlines} />
      <h3>每日受理量</h3>
      <Bars label="每日受理量" rows={days.map((t) => ({ name: t.period, value: t.volume }))} />
      <h3>按诉求类型</h3>
      <Bars label="按诉求类型" rows={bars(summary.breakdowns.type)} />
      <h3>按来源渠道</h3>
      <Bars label="按来源渠道" rows={bars(summary.breakdowns.channel)} />
      <h3>热点分类</h3>
      <Bars label="热点分类" rows={summary.topCategories.map((c) => ({ name: c.name, value: c.count }))} />
      <h3>承办单位排名</h3>
      <table className="table" style={{ width: '100%' }}>
        <thead>
          <tr>
            <th>单位</th>
            <th>件数</th>
            <th>按时办结率</th>
            <th>满意率</th>
            <th>解决率</th>
            <th>超期</th>
            <th>退回</th>
            <th>平均办理（工作日）</th>
          </tr>
        </thead>
        <tbody>
          {ranking.map((u) => (
            <tr key={u.unit}>
              <td>{u.unit}</td>
              <td>{u.orders}</td>
              <td>{percentText(u.onTimeRate)}</td>
              <td>{percentText(u.satisfactionRate)}</td>
              <td>{percentText(u.solvedRate)}</td>
              <td>{u.overdue}</td>
              <td>{u.returns}</td>
              <td>{u.averageHandlingDays ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        导出：<a href="/api/v1/reports/summary?format=xlsx">Excel</a> ·{' '}
        <a href="/api/v1/reports/summary?format=csv">CSV</a>
      </p>
      <IntakeAccuracySection payload={payload} />
    </>
  )
}

export async function ReportsView(view: AdminViewServerProps) {
  const { initPageResult } = view
  const { req } = initPageResult
  const user = req.user as AccessUser | null
  const allowed = hasRole(user, 'admin', 'kb-admin', 'dispatcher', 'supervisor')
  return (
    <AdminViewShell view={view} title="工单报表（近 30 天）">
      {allowed ? <Report payload={req.payload} /> : <p>仅热线管理员、派单员和督办员可查看报表。</p>}
    </AdminViewShell>
  )
}
