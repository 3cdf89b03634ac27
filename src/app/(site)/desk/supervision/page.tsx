import type { Metadata } from 'next'

import { actingUnitId, hasRole } from '../../../../domain/roles'
import { SUPERVISION_REASONS } from '../../../../domain/supervision/staleKnowledge'
import { ServiceError } from '../../../../services/errors'
import { listSupervision } from '../../../../services/supervisionDesk'
import { OpenSupervisionForm, SupervisionItemActions } from '../../../../site/SupervisionActions'
import { sitePayload } from '../../siteData'
import { deskUser, loginHref, unitOptions } from '../deskData'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: '督办台' }

type Search = Record<string, string | string[] | undefined>

/** 督办员: open items by reason and unit, 督办 by hand, rectifications to accept or send back, escalation. */
export default async function SupervisionDesk({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await deskUser()
  if (!user)
    return (
      <p>
        请先 <a href={loginHref('/desk/supervision')}>登录</a>。
      </p>
    )
  const search = await searchParams
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined
  const filter = {
    reason: one(search.reason),
    unit: one(search.unit),
    status: one(search.status) === 'all' ? ('all' as const) : ('open' as const),
  }
  const payload = await sitePayload()
  let items
  try {
    items = await listSupervision(payload, user, filter)
  } catch (err) {
    if (err instanceof ServiceError) return <p role="alert">{err.message}</p>
    throw err
  }
  const supervisor = hasRole(user, 'supervisor', 'admin')
  const { units } = await unitOptions(user)
  const unitIds = await payload.find({
    collection: 'units',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { name: true },
  })
  const own = actingUnitId(user)
  return (
    <>
      <h1>督办台</h1>
      <form className="filters" method="get">
        <label htmlFor="f-reason">
          督办事由
          <select id="f-reason" name="reason" defaultValue={filter.reason ?? ''}>
            <option value="">全部</option>
            {SUPERVISION_REASONS.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        {own === undefined && (
          <label htmlFor="f-unit">
            承办单位
            <select id="f-unit" name="unit" defaultValue={filter.unit ?? ''}>
              <option value="">全部</option>
              {unitIds.docs.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <label htmlFor="f-status">
          范围
          <select id="f-status" name="status" defaultValue={filter.status}>
            <option value="open">未办结</option>
            <option value="all">全部（含已办结）</option>
          </select>
        </label>
        <button type="submit">筛选</button>
      </form>
      {items.length === 0 ? (
        <p className="empty">没有符合条件的督办事项。</p>
      ) : (
        <ul className="supervision-items">
          {items.map((i) => (
            <li key={i.id} data-item={i.id}>
              <h2>
                <span className="badge">{i.statusLabel}</span> {i.reason}：{i.subject}
              </h2>
              <p className="meta">
                {i.unit ?? '热线'} · 立项 {i.openedAt ?? '—'} · 整改期限 {i.deadline ?? '—'}
                {i.workOrder && (
                  <>
                    {' '}
                    · 工单 <a href={`/desk/orders/${i.workOrder}`}>{i.workOrder}</a>
                  </>
                )}
              </p>
              {i.description && <p>督办事由：{i.description}</p>}
              {i.rectification && <p className="rectification">整改反馈：{i.rectification}</p>}
              {i.reviewNote && <p className="meta">审核意见：{i.reviewNote}</p>}
              <SupervisionItemActions
                id={i.id}
                status={i.status}
                canReview={supervisor}
                canRectify={own !== undefined && String(own) === String(i.unitId)}
              />
            </li>
          ))}
        </ul>
      )}
      {supervisor && <OpenSupervisionForm units={units} />}
      <p className="meta">办理不力、其他事由由督办员立项；超期、拒不承办、反复发生等由每小时巡检自动立项。</p>
    </>
  )
}
