/** Links added to the admin's navigation: the user's unread notifications, the desk, reports, import and search tools. */
import type { Payload } from 'payload'

import { type AccessUser, hasRole, isStaff } from '../domain/roles'

const link = { display: 'block', padding: '4px 0' } as const

export async function UnreadNotifications({ payload, user }: { payload: Payload; user?: AccessUser | null }) {
  if (!user) return null
  const { totalDocs } = await payload.count({
    collection: 'notifications',
    where: { and: [{ recipient: { equals: user.id } }, { read: { equals: false } }] },
    overrideAccess: true,
  })
  return (
    <>
      <a
        href="/admin/collections/notifications?where[read][equals]=false"
        className="nav__link"
        data-unread={totalDocs}
        style={link}
      >
        消息通知{totalDocs > 0 ? `（${totalDocs} 条未读）` : ''}
      </a>
      <a href="/desk" className="nav__link" style={link}>
        工单工作台
      </a>
      <a href="/admin/reports" className="nav__link" style={link}>
        工单报表
      </a>
      {hasRole(user, 'admin', 'kb-admin', 'unit-editor') && (
        <a href="/admin/import" className="nav__link" style={link}>
          批量导入
        </a>
      )}
      {(isStaff(user) || hasRole(user, 'unit-editor', 'unit-reviewer')) && (
        <a href="/admin/search-test" className="nav__link" style={link}>
          检索测试
        </a>
      )}
      {isStaff(user) && (
        <a href="/admin/search-analytics" className="nav__link" style={link}>
          检索分析
        </a>
      )}
    </>
  )
}
