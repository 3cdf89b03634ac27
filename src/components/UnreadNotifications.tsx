/** Links added to the admin's navigation: the user's unread notifications, reports and import. */
import type { Payload } from 'payload'

import { type AccessUser, hasRole } from '../domain/roles'

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
        style={{ display: 'block', padding: '4px 0' }}
      >
        消息通知{totalDocs > 0 ? `（${totalDocs} 条未读）` : ''}
      </a>
      <a href="/desk" className="nav__link" style={{ display: 'block', padding: '4px 0' }}>
        工单工作台
      </a>
      <a href="/admin/reports" className="nav__link" style={{ display: 'block', padding: '4px 0' }}>
        工单报表
      </a>
      {hasRole(user, 'admin', 'kb-admin', 'unit-editor') && (
        <a href="/admin/import" className="nav__link" style={{ display: 'block', padding: '4px 0' }}>
          批量导入
        </a>
      )}
    </>
  )
}
