/* The work-order desks: one navigation with what waits for the signed-in user. */
import type { Metadata } from 'next'
import type React from 'react'

import { hasRole } from '../../../domain/roles'
import { deskSummary } from '../../../services/deskSummary'
import { SignOut } from '../../../site/SignOut'
import { sitePayload } from '../siteData'
import { deskUser } from './deskData'
import './desk.css'

export const metadata: Metadata = {
  title: { default: '工单工作台', template: '%s · 工单工作台' },
  robots: { index: false },
}

export default async function DeskLayout({ children }: { children: React.ReactNode }) {
  const user = await deskUser()
  const summary = user ? await deskSummary(await sitePayload(), user) : null
  const waiting = (desk: NonNullable<typeof summary>['desks'][number]) =>
    desk.queues.filter((q) => q.key !== 'done').reduce((n, q) => n + q.count, 0)
  return (
    <div className="desk">
      {user && summary && (
        <nav className="desk-nav" aria-label="工作台导航">
          <a href="/desk">我的待办{summary.unreadCount > 0 ? `（${summary.unreadCount} 条新消息）` : ''}</a>
          {summary.desks.map((d) => (
            <a key={d.desk} href={d.path}>
              {d.label}（{waiting(d)}）
            </a>
          ))}
          {summary.openSupervision !== null && <a href="/desk/supervision">督办台（{summary.openSupervision}）</a>}
          {hasRole(user, 'agent', 'dispatcher', 'admin') && <a href="/console">坐席工作台</a>}
          {summary.knowledge && (
            <a href="/admin/collections/knowledge-entries?where[workflowState][equals]=hotline_review">
              待终审条目（{summary.knowledge.finalReview}）
            </a>
          )}
          <a href="/admin">管理后台</a>
          <span className="who">{user.name ?? user.email}</span>
          <SignOut />
        </nav>
      )}
      {children}
    </div>
  )
}
