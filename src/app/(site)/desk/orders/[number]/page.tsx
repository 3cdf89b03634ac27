import type { Metadata } from 'next'

import { now } from '../../../../../domain/clock'
import { labelOf } from '../../../../../domain/labels'
import { actingUnitId, hasRole } from '../../../../../domain/roles'
import { shanghaiDateTimeString } from '../../../../../domain/shanghaiTime'
import {
  attachmentHref,
  fileSizeText,
  type OrderAttachmentRef,
} from '../../../../../domain/workOrders/orderAttachments'
import { orderStateLabel } from '../../../../../domain/workOrders/orderFlow'
import { countdown } from '../../../../../domain/workOrders/orderQueues'
import {
  CHANNELS,
  CLAIMANT_KINDS,
  ORDER_TYPES,
  SATISFACTION,
  URGENCIES,
} from '../../../../../domain/workOrders/orderTypes'
import { mayUnmask } from '../../../../../domain/workOrders/visibility'
import { ServiceError } from '../../../../../services/errors'
import { listSupervision } from '../../../../../services/supervisionDesk'
import { orderActions } from '../../../../../services/workOrderActions'
import { presentOrder } from '../../../../../services/workOrderPresentation'
import { audienceOf, loadOrder, readLimits } from '../../../../../services/workOrders'
import { OrderActions } from '../../../../../site/OrderActions'
import { PrintButton } from '../../../../../site/PrintButton'
import { OpenSupervisionForm, SupervisionItemActions, UnmaskForm } from '../../../../../site/SupervisionActions'
import { sitePayload } from '../../../siteData'
import { deskUser, loginHref, unitOptions } from '../../deskData'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ number: string }> }

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  return { title: `工单 ${(await params).number}` }
}

const time = (v: string | null | undefined) => (v ? shanghaiDateTimeString(new Date(v)) : '—')

/** The files of a 确已尽责 explanation as download links (read access decides who gets them). */
function AttachmentLinks({ files }: { files?: OrderAttachmentRef[] }) {
  if (!files?.length) return null
  return (
    <ul className="attachments" aria-label="尽责说明附件">
      {files.map((f) => (
        <li key={f.filename}>
          <a href={attachmentHref(f)} download={f.name}>
            {f.name}
          </a>{' '}
          <span className="meta">（{fileSizeText(f.size)}）</span>
        </li>
      ))}
    </ul>
  )
}

/** One order as the role may see it: fields, deadlines, timeline, links, 督办, the actions, a printable form. */
export default async function OrderPage({ params }: Params) {
  const { number } = await params
  const user = await deskUser()
  if (!user)
    return (
      <p>
        请先 <a href={loginHref(`/desk/orders/${number}`)}>登录</a>。
      </p>
    )
  const payload = await sitePayload()
  let stored
  try {
    stored = await loadOrder(payload, number, user)
  } catch (err) {
    if (err instanceof ServiceError) return <p role="alert">{err.message}</p>
    throw err
  }
  const order = presentOrder(stored, user)
  const at = now()
  const [allowed, limits, options, items] = await Promise.all([
    orderActions(payload, number, user),
    readLimits(payload),
    unitOptions(user),
    listSupervision(payload, user, { workOrder: stored.id, status: 'all' }).catch(() => []),
  ])
  const actions = allowed.actions.map((a) => ({ value: a.action, label: a.label }))
  const dispatching = actions.some((a) => ['dispatch', 'split', 'approve-return'].includes(a.value))
  const c = order.claimant as Record<string, unknown>
  const deadlines = [
    ['派发时限', order.dispatchDueAt, order.state === 'intake'],
    ['签收时限', order.signDueAt, order.state === 'dispatched'],
    ['退回申请时限', order.returnDueAt, ['dispatched', 'accepted'].includes(order.state ?? '')],
    [
      '办理时限',
      order.dueAt,
      ['dispatched', 'accepted', 'return_requested', 'extension_requested', 'awaiting_info'].includes(
        order.state ?? '',
      ),
    ],
    ['回访时限', order.callbackDueAt, order.state === 'replied'],
  ] as const
  const own = actingUnitId(user)
  const unitName = (u: unknown) => (u && typeof u === 'object' ? (u as { name: string }).name : '—')
  return (
    <article className="order" data-state={order.state}>
      <h1>
        工单 {order.number} <span className="badge">{orderStateLabel(order.state ?? 'intake')}</span>
      </h1>
      <p className="print-only">江临市 12345 政务服务便民热线 · 工单（打印时间 {shanghaiDateTimeString(at)}）</p>
      <p className="no-print">
        <PrintButton />
      </p>
      <section aria-labelledby="h-basic">
        <h2 id="h-basic">诉求信息</h2>
        <dl className="fields">
          <dt>标题</dt>
          <dd>{order.title}</dd>
          <dt>诉求类型</dt>
          <dd>
            {labelOf(ORDER_TYPES, order.type)}
            {order.urgency === 'urgent' && `（${labelOf(URGENCIES, 'urgent')}）`}
          </dd>
          <dt>来源渠道</dt>
          <dd>{labelOf(CHANNELS, order.channel ?? 'phone')}</dd>
          <dt>诉求分类</dt>
          <dd>{order.category?.path ?? '未分类'}</dd>
          <dt>区域 / 地址</dt>
          <dd>{[order.district, order.address].filter(Boolean).join(' ') || '—'}</dd>
          {order.respondent && (
            <>
              <dt>被反映对象</dt>
              <dd>{order.respondent}</dd>
            </>
          )}
          <dt>诉求内容</dt>
          <dd className="content">{order.content}</dd>
          <dt>登记时间</dt>
          <dd>{time(order.createdAt)}</dd>
        </dl>
      </section>
      <section aria-labelledby="h-claimant">
        <h2 id="h-claimant">诉求人</h2>
        <dl className="fields">
          <dt>类型</dt>
          <dd>{labelOf(CLAIMANT_KINDS, String(c.kind ?? 'person'))}</dd>
          {typeof c.companyName === 'string' && (
            <>
              <dt>单位名称 / 信用代码</dt>
              <dd>
                {c.companyName} {String(c.creditCode ?? '')}
              </dd>
            </>
          )}
          <dt>姓名</dt>
          <dd>{String(c.name ?? '—')}</dd>
          <dt>电话</dt>
          <dd>{String(c.phone ?? '—')}</dd>
          <dt>要求</dt>
          <dd>
            {[c.anonymous && '匿名', c.confidential && '要求保密', c.noReply && '不需回复']
              .filter(Boolean)
              .join('、') || '—'}
          </dd>
        </dl>
        {mayUnmask(user, { ...audienceOf(stored), state: stored.state }).allowed && (
          <div className="no-print">
            <UnmaskForm number={order.number} />
          </div>
        )}
      </section>
      <section aria-labelledby="h-handling">
        <h2 id="h-handling">承办与期限</h2>
        <dl className="fields">
          <dt>承办单位</dt>
          <dd>
            {unitName(order.unit)}
            {order.subUnit && ` → ${unitName(order.subUnit)}`}
            {order.designated && '（指定承办）'}
          </dd>
          <dt>签收时间</dt>
          <dd>{time(order.signedAt)}</dd>
          {deadlines.map(([label, due, running]) =>
            due ? (
              <div
                key={label}
                className={
                  running ? `deadline due-${countdown(new Date(due), at, limits.calendar).status}` : 'deadline'
                }
              >
                <dt>{label}</dt>
                <dd>
                  {countdown(new Date(due), at, limits.calendar).at}
                  {running && `（${countdown(new Date(due), at, limits.calendar).text}）`}
                </dd>
              </div>
            ) : null,
          )}
          {order.deadlineWarning && (
            <>
              <dt>期限提示</dt>
              <dd className="warning">{order.deadlineWarning}</dd>
            </>
          )}
          <dt>延期 / 重办</dt>
          <dd>
            延期 {order.extensions} 次（{order.extensionDays} 个工作日）· 重办 {order.reopens} 次
          </dd>
          {order.reply && (
            <>
              <dt>办理结果</dt>
              <dd>
                {(order.reply as { result?: string }).result}
                {(order.reply as { contacted?: boolean }).contacted ? '（已联系诉求人）' : ''}
              </dd>
              <dt>答复诉求人</dt>
              <dd>{(order.reply as { text?: string }).text ?? '—'}</dd>
            </>
          )}
          {order.lastSatisfaction && (
            <>
              <dt>回访评价</dt>
              <dd>{labelOf(SATISFACTION, order.lastSatisfaction)}</dd>
            </>
          )}
          {order.explanation && (
            <>
              <dt>尽责说明</dt>
              <dd>
                {order.explanation}
                {order.explanationAccepted ? '（已认可）' : '（待认定）'}
                <AttachmentLinks files={order.timeline.findLast((t) => t.action === 'explain')?.attachments} />
              </dd>
            </>
          )}
        </dl>
      </section>
      {order.citedEntries.length > 0 && (
        <section aria-labelledby="h-cited">
          <h2 id="h-cited">引用知识</h2>
          <ul>
            {order.citedEntries.map((e) => (
              <li key={e.code}>
                {e.code} {e.title}（版本 {time(e.version)}）
              </li>
            ))}
          </ul>
        </section>
      )}
      {(order.possibleDuplicates.length > 0 || order.parent) && (
        <section aria-labelledby="h-related">
          <h2 id="h-related">关联工单</h2>
          <ul>
            {order.parent && (
              <li>
                原工单 <a href={`/desk/orders/${order.parent}`}>{order.parent}</a>
              </li>
            )}
            {order.possibleDuplicates.map((d) => (
              <li key={d.number}>
                <a href={`/desk/orders/${d.number}`}>{d.number}</a> {d.title}（{orderStateLabel(d.state ?? 'intake')}）
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="h-actions" className="no-print">
        <h2 id="h-actions">办理</h2>
        <OrderActions
          number={order.number}
          actions={actions}
          units={options.units}
          childUnits={options.childUnits}
          suggestFor={
            dispatching
              ? { title: order.title, content: order.content, district: order.district ?? undefined }
              : undefined
          }
        />
      </section>
      <section aria-labelledby="h-supervision">
        <h2 id="h-supervision">督办</h2>
        {items.length === 0 ? (
          <p className="meta">无督办事项。</p>
        ) : (
          <ul className="supervision-items">
            {items.map((i) => (
              <li key={i.id} data-item={i.id}>
                <span className="badge">{i.statusLabel}</span> {i.reason}：{i.description}
                {i.rectification && <p className="rectification">整改反馈：{i.rectification}</p>}
                <div className="no-print">
                  <SupervisionItemActions
                    id={i.id}
                    status={i.status}
                    canReview={hasRole(user, 'supervisor', 'admin')}
                    canRectify={own !== undefined && String(own) === String(i.unitId)}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
        {hasRole(user, 'supervisor', 'admin') && order.unit && (
          <div className="no-print">
            <OpenSupervisionForm workOrder={order.number} />
          </div>
        )}
      </section>
      <section aria-labelledby="h-timeline">
        <h2 id="h-timeline">办理经过</h2>
        <ol className="timeline">
          {order.timeline.map((t, i) => (
            <li key={i}>
              <span className="meta">{time(t.at)}</span> <strong>{t.label}</strong> · {t.actor}
              {t.note && <span className="note">：{t.note}</span>}
              <AttachmentLinks files={t.attachments} />
            </li>
          ))}
        </ol>
      </section>
      <p className="print-only signature">承办单位（盖章）：__________ 经办人：__________ 日期：__________</p>
    </article>
  )
}
