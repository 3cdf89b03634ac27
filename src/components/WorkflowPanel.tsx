'use client'
/**
 * The entry's workflow in the admin sidebar: its state, the transitions the signed-in user may take
 * (with a comment box), the history and, while a version is in review, what it changes.
 */
import { useDocumentInfo, useFormFields } from '@payloadcms/ui'
import { useCallback, useEffect, useState } from 'react'

import { shanghaiDateTimeString } from '../domain/shanghaiTime'
import { currentState, stateLabel } from '../domain/workflow/entryWorkflow'

/** A transition reloads the page (the form shows the stored version); its confirmation survives it. */
const CONFIRMATION_KEY = 'workflow-confirmation'

type Status = {
  state: string
  stateLabel: string
  actions: { action: string; label: string }[]
  history: { at: string; actionLabel: string; actor: string; comment: string | null; urgent: boolean }[]
  diff: { field: string; label: string; before: string; after: string }[]
}

export function WorkflowPanel() {
  const { id } = useDocumentInfo()
  const [status, setStatus] = useState<Status>()
  const [comment, setComment] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    if (!id) return
    const res = await fetch(`/api/knowledge-entries/${id}/workflow`, { credentials: 'include' })
    if (res.ok) setStatus((await res.json()) as Status)
  }, [id])

  useEffect(() => {
    void load()
  }, [load])

  useEffect(() => {
    const confirmed = sessionStorage.getItem(CONFIRMATION_KEY)
    if (confirmed) {
      sessionStorage.removeItem(CONFIRMATION_KEY)
      setMessage({ ok: true, text: confirmed })
    }
  }, [])

  if (!id) return <p style={{ color: 'var(--theme-elevation-500)' }}>保存草稿后可提交审核。</p>
  if (!status) return null

  const act = async (action: string) => {
    setBusy(true)
    const res = await fetch(`/api/knowledge-entries/${id}/transition`, {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ action, comment }),
    })
    const body = (await res.json()) as { message: string }
    setMessage({ ok: res.ok, text: body.message })
    setBusy(false)
    if (res.ok) {
      setComment('')
      // The form shows the stored version; reload it so that the fields match the new state.
      sessionStorage.setItem(CONFIRMATION_KEY, body.message)
      window.location.reload()
    }
  }

  return (
    <div className="workflow-panel" data-state={status.state} style={{ marginBottom: 'var(--base)' }}>
      <h4>审核流程</h4>
      <p>
        当前状态：<strong data-testid="workflow-state">{status.stateLabel}</strong>
      </p>
      {status.actions.length > 0 && (
        <>
          <textarea
            aria-label="审核意见"
            placeholder="审核意见 / 原因（退回、下架、紧急发布时必填）"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            rows={3}
            style={{ width: '100%', marginBottom: 8 }}
          />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            {status.actions.map((a) => (
              <button
                key={a.action}
                type="button"
                className="btn btn--style-secondary btn--size-small"
                disabled={busy}
                data-action={a.action}
                onClick={() => void act(a.action)}
              >
                {a.label}
              </button>
            ))}
          </div>
        </>
      )}
      {message && (
        <p role="status" style={{ color: message.ok ? 'var(--theme-success-500)' : 'var(--theme-error-500)' }}>
          {message.text}
        </p>
      )}
      {status.diff.length > 0 && (
        <details open>
          <summary>与线上版本相比的修改（{status.diff.length} 项）</summary>
          <table style={{ width: '100%', fontSize: 12 }}>
            <tbody>
              {status.diff.map((d) => (
                <tr key={d.field} data-field={d.field}>
                  <th scope="row" style={{ textAlign: 'left', fontWeight: 'normal' }}>
                    {d.label}
                  </th>
                  <td style={{ textDecoration: 'line-through', color: 'var(--theme-error-500)' }}>{d.before}</td>
                  <td style={{ color: 'var(--theme-success-500)' }}>{d.after}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      {status.history.length > 0 && (
        <details>
          <summary>流转记录（{status.history.length}）</summary>
          <ol style={{ fontSize: 12, paddingLeft: 16 }}>
            {status.history.map((h, i) => (
              <li key={i}>
                {shanghaiDateTimeString(new Date(h.at))} {h.actor} {h.actionLabel}
                {h.urgent ? '（紧急）' : ''}
                {h.comment ? `：${h.comment}` : ''}
              </li>
            ))}
          </ol>
        </details>
      )}
    </div>
  )
}

/**
 * The header's status says the workflow state (单位审核中 …), as the panel does, instead of Payload's
 * own draft/published flag, which says 草稿 for every version in review.
 */
export function WorkflowStatus() {
  const { data } = useDocumentInfo()
  const formState = useFormFields(([fields]) => fields.workflowState?.value as string | undefined)
  const workflowState = formState ?? (data?.workflowState as string | undefined)
  const status = data?._status as string | undefined
  if (!workflowState && !status) return null
  return (
    <div className="status">
      <div className="status__value-wrap">
        <span className="status__label">状态：</span>
        <span className="status__value" data-testid="header-workflow-state">
          {stateLabel(currentState({ workflowState, _status: status }))}
        </span>
      </div>
    </div>
  )
}

/** Publishing happens only through the workflow, so the edit view has no publish button. */
export function NoPublishButton() {
  return null
}
