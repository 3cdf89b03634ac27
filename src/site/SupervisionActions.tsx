'use client'
/** 督办 by hand and its answers: open an item, the unit's rectification, accept / send back, escalate. */
import { useRouter } from 'next/navigation'
import { useState } from 'react'

import { postJson } from './api'

function useSubmit() {
  const router = useRouter()
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const run = async (
    e: React.FormEvent<HTMLFormElement>,
    url: string,
    body: (f: FormData) => unknown,
    done: string,
  ) => {
    e.preventDefault()
    const form = e.currentTarget
    try {
      await postJson(url, body(new FormData(form)))
      setMessage({ ok: true, text: done })
      form.reset()
      router.refresh()
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message })
    }
  }
  const shown = message && (
    <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'console-message' : 'error'}>
      {message.text}
    </p>
  )
  return { run, shown }
}

const str = (f: FormData, name: string) => String(f.get(name) ?? '').trim()

export function OpenSupervisionForm({
  workOrder,
  units,
}: {
  workOrder?: string
  units?: { code: string; name: string }[]
}) {
  const { run, shown } = useSubmit()
  return (
    <form
      className="action-form"
      data-form="open-supervision"
      onSubmit={(e) =>
        void run(
          e,
          '/api/v1/supervision',
          (f) => {
            const order = workOrder ?? str(f, 'workOrder')
            return {
              ...(order ? { workOrder: order } : { unit: str(f, 'unit') }),
              reason: str(f, 'reason'),
              description: str(f, 'description'),
            }
          },
          '已立项督办',
        )
      }
    >
      <h3>立项督办</h3>
      {!workOrder && (
        <>
          <label htmlFor="sv-order">
            工单编号（督办工单时填写）
            <input id="sv-order" name="workOrder" pattern="GD\d{14}" placeholder="GD20261130000001" />
          </label>
          <label htmlFor="sv-unit">
            或承办单位
            <select id="sv-unit" name="unit">
              <option value="">（督办工单时不选）</option>
              {(units ?? []).map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      <label htmlFor="sv-reason">
        督办事由类别
        <select id="sv-reason" name="reason" required>
          <option value="poor_handling">办理不力造成不良影响</option>
          <option value="other">其他</option>
        </select>
      </label>
      <label htmlFor="sv-description">
        督办事由
        <textarea id="sv-description" name="description" rows={3} required maxLength={2000} />
      </label>
      <button type="submit">立项督办</button>
      {shown}
    </form>
  )
}

export function SupervisionItemActions({
  id,
  status,
  canReview,
  canRectify,
}: {
  id: number | string
  status: string
  canReview: boolean
  canRectify: boolean
}) {
  const { run, shown } = useSubmit()
  const base = `/api/v1/supervision/${id}`
  return (
    <div className="supervision-actions">
      {canRectify && ['open', 'escalated'].includes(status) && (
        <form
          className="action-form"
          data-form="rectification"
          onSubmit={(e) => void run(e, `${base}/rectification`, (f) => ({ text: str(f, 'text') }), '已提交整改反馈')}
        >
          <label htmlFor={`rect-${id}`}>
            整改反馈
            <textarea id={`rect-${id}`} name="text" rows={3} required maxLength={5000} />
          </label>
          <button type="submit">提交整改反馈</button>
        </form>
      )}
      {canReview && status === 'rectified' && (
        <form
          className="action-form"
          data-form="review"
          onSubmit={(e) => {
            const accept = (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') === 'accept'
            void run(
              e,
              `${base}/review`,
              (f) => ({ accept, note: str(f, 'note') || undefined }),
              accept ? '已认可整改' : '已退回整改',
            )
          }}
        >
          <label htmlFor={`review-${id}`}>
            审核意见（退回时必填）
            <textarea id={`review-${id}`} name="note" rows={2} maxLength={2000} />
          </label>
          <button type="submit" value="accept">
            认可整改
          </button>
          <button type="submit" value="reject">
            退回整改
          </button>
        </form>
      )}
      {canReview && status === 'open' && (
        <form
          className="action-form"
          data-form="escalate"
          onSubmit={(e) => void run(e, `${base}/escalate`, (f) => ({ note: str(f, 'note') }), '已升级督办')}
        >
          <label htmlFor={`esc-${id}`}>
            升级理由
            <input id={`esc-${id}`} name="note" required maxLength={2000} />
          </label>
          <button type="submit">升级督办</button>
        </form>
      )}
      {shown}
    </div>
  )
}

export function UnmaskForm({ number }: { number: string }) {
  const [claimant, setClaimant] = useState<Record<string, string | null>>()
  const [error, setError] = useState<string>()
  return (
    <form
      className="action-form"
      data-form="unmask"
      onSubmit={(e) => {
        e.preventDefault()
        const reason = str(new FormData(e.currentTarget), 'reason')
        postJson<Record<string, string | null>>(`/api/v1/work-orders/${number}/unmask`, { reason })
          .then((c) => {
            setClaimant(c)
            setError(undefined)
          })
          .catch((err: Error) => setError(err.message))
      }}
    >
      <label htmlFor="unmask-reason">
        查看事由（将记入个人信息访问日志）
        <input id="unmask-reason" name="reason" required maxLength={500} />
      </label>
      <button type="submit">查看完整信息</button>
      {claimant && (
        <dl className="unmasked">
          {Object.entries(claimant)
            .filter(([, v]) => typeof v === 'string' && v)
            .map(([k, v]) => (
              <div key={k}>
                <dt>{UNMASK_LABELS[k] ?? k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
        </dl>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  )
}

const UNMASK_LABELS: Record<string, string> = { name: '姓名', phone: '电话', idNumber: '证件号码' }
