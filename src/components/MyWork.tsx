/** The admin dashboard's "待我处理" lists (a server component; Payload passes the signed-in user). */
import type { Payload } from 'payload'

import type { AccessUser } from '../domain/roles'
import { shanghaiDateString } from '../domain/shanghaiTime'
import { stateLabel } from '../domain/workflow/entryWorkflow'
import { deskSummary, homeOf } from '../services/deskSummary'
import { knowledgeOverview, myWork } from '../services/myWork'

const day = (value?: string | null) => (value ? shanghaiDateString(new Date(value)) : '—')

export async function MyWork({ payload, user }: { payload: Payload; user?: AccessUser | null }) {
  if (!user) return null
  const [lists, desk] = await Promise.all([myWork(payload, user), deskSummary(payload, user)])
  const queues = desk.desks.length > 0 && (
    <div data-desk-queues style={{ marginBottom: 'var(--base)' }}>
      <h2 style={{ marginBottom: 'calc(var(--base) / 2)' }}>
        工单待办（<a href={homeOf(user)}>进入我的工作台</a>）
      </h2>
      {desk.desks.map((d) => (
        <p key={d.desk}>
          <a href={d.path}>{d.label}</a>：
          {d.queues.map((q) => (
            <a key={q.key} href={`${d.path}?queue=${q.key}`} style={{ marginRight: 12 }}>
              {q.label} {q.count}
            </a>
          ))}
        </p>
      ))}
    </div>
  )
  if (!lists.length) return queues || null
  const o = await knowledgeOverview(payload, user)
  const tiles: [string, number | null, string][] = [
    ['30 天内到期', o.expiring.d30, '/admin/collections/knowledge-entries'],
    ['7 天内到期', o.expiring.d7, '/admin/collections/knowledge-entries'],
    ['1 天内到期', o.expiring.d1, '/admin/collections/knowledge-entries'],
    ['已过期', o.expired, '/admin/collections/knowledge-entries?where[workflowState][equals]=expired'],
    ['未办结督办', o.openSupervision, '/admin/collections/supervision-items'],
    ['待补充知识缺口', o.openGaps, '/admin/collections/knowledge-gaps'],
    ['“没帮助”反馈', o.unhelpfulFeedback, '/admin/collections/entry-feedback?where[helpful][equals]=false'],
  ]
  return (
    <section style={{ marginBottom: 'var(--base)' }}>
      {queues}
      {o.missingArrangement !== null && (
        <p role="alert" data-calendar-reminder style={{ padding: 8, border: '1px solid var(--theme-warning-500)' }}>
          工作日历缺少 {o.missingArrangement}{' '}
          年的放假调休安排：跨入该年的期限只是推算值，标注“期限待核对”，不会自动督办。请在{' '}
          <a href="/admin/collections/work-calendar">工作日历</a> 中录入国务院办公厅公布的安排。
        </p>
      )}
      <div
        data-overview
        style={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(140px, 1fr))',
          gap: 8,
          marginBottom: 'var(--base)',
        }}
      >
        {tiles
          .filter(([, n]) => n !== null)
          .map(([label, n, href]) => (
            <a
              key={label}
              href={href}
              style={{ border: '1px solid var(--theme-elevation-150)', padding: 10, textDecoration: 'none' }}
            >
              <div style={{ color: 'var(--theme-elevation-500)' }}>{label}</div>
              <div style={{ fontSize: 22 }}>{n}</div>
            </a>
          ))}
      </div>
      <h2 style={{ marginBottom: 'calc(var(--base) / 2)' }}>待我处理</h2>
      {lists.map((list) => (
        <div key={list.key} data-work-list={list.key} style={{ marginBottom: 'var(--base)' }}>
          <h4>
            {list.label}（{list.items.length}）
          </h4>
          {list.items.length === 0 ? (
            <p style={{ color: 'var(--theme-elevation-500)' }}>暂无</p>
          ) : (
            <table className="table" style={{ width: '100%' }}>
              <thead>
                <tr>
                  <th>知识编号</th>
                  <th>标题</th>
                  <th>状态</th>
                  <th>有效期至</th>
                  <th>下次复核</th>
                </tr>
              </thead>
              <tbody>
                {list.items.map((item) => (
                  <tr key={String(item.id)}>
                    <td>{item.code}</td>
                    <td>
                      <a href={`/admin/collections/knowledge-entries/${item.id}`}>{item.title}</a>
                    </td>
                    <td>{stateLabel(item.workflowState)}</td>
                    <td>{day(item.validUntil)}</td>
                    <td>{day(item.nextReviewAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  )
}
