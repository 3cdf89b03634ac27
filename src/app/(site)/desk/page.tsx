import type { Metadata } from 'next'

import { deskSummary } from '../../../services/deskSummary'
import { sitePayload } from '../siteData'
import { deskUser, loginHref } from './deskData'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: '我的待办' }

/** Each role's landing: its queues with counts linking to the lists, open 督办, new notifications. */
export default async function DeskHome() {
  const user = await deskUser()
  if (!user)
    return (
      <>
        <h1>工单工作台</h1>
        <p>
          请先 <a href={loginHref('/desk')}>登录</a>（派单员、承办人、督办员、知识库管理员账号）。
        </p>
      </>
    )
  const summary = await deskSummary(await sitePayload(), user)
  return (
    <>
      <h1>我的待办</h1>
      {summary.desks.map((d) => (
        <section key={d.desk} className="desk-counts">
          <h2>
            <a href={d.path}>{d.label}</a>
          </h2>
          <ul className="tiles">
            {d.queues.map((q) => (
              <li key={q.key} className={q.count > 0 ? 'has' : undefined}>
                <a href={`${d.path}?queue=${q.key}`}>
                  <strong>{q.count}</strong> {q.label}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
      {summary.openSupervision !== null && (
        <section className="desk-counts">
          <h2>
            <a href="/desk/supervision">督办</a>
          </h2>
          <ul className="tiles">
            <li className={summary.openSupervision > 0 ? 'has' : undefined}>
              <a href="/desk/supervision">
                <strong>{summary.openSupervision}</strong> 未办结督办事项
              </a>
            </li>
          </ul>
        </section>
      )}
      {summary.knowledge && (
        <section className="desk-counts">
          <h2>知识库</h2>
          <ul className="tiles">
            <li className={summary.knowledge.finalReview > 0 ? 'has' : undefined}>
              <a href="/admin/collections/knowledge-entries?where[workflowState][equals]=hotline_review">
                <strong>{summary.knowledge.finalReview}</strong> 待热线终审条目
              </a>
            </li>
            <li className={summary.knowledge.errorReports > 0 ? 'has' : undefined}>
              <a href="/admin/collections/error-reports?where[status][equals]=new">
                <strong>{summary.knowledge.errorReports}</strong> 坐席纠错待处理
              </a>
            </li>
          </ul>
        </section>
      )}
      <section>
        <h2>新消息（{summary.unreadCount}）</h2>
        {summary.notifications.length === 0 ? (
          <p className="meta">没有未读消息。</p>
        ) : (
          <ul className="notices">
            {summary.notifications.map((n) => (
              <li key={n.id}>
                <span className="meta">{n.at}</span>{' '}
                {n.order ? <a href={`/desk/orders/${n.order}`}>{n.title}</a> : n.title}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/admin/collections/notifications?where[read][equals]=false">全部消息</a>
        </p>
      </section>
    </>
  )
}
