'use client'
/**
 * The actions a user may take on an order now (the server lists them by the flow's rules), each as a
 * small form posting to /api/v1/work-orders/:number/actions/:action; the page reloads with the result.
 */
import { useRouter } from 'next/navigation'
import { useEffect, useState } from 'react'

import { ATTACHMENT_MIME_TYPES, MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS } from '../domain/workOrders/orderAttachments'
import { NOT_ACCEPTED_REASONS, SATISFACTION } from '../domain/workOrders/orderTypes'
import { api, postForm, postJson } from './api'

export type UnitOption = { code: string; name: string }
type Field =
  | { name: string; label: string; kind: 'text' | 'textarea' | 'number' | 'checkbox'; required?: boolean }
  | { name: string; label: string; kind: 'select'; options: readonly { value: string; label: string }[] }
  | { name: string; label: string; kind: 'unit' | 'child' | 'units' | 'files' }

const reason = (label: string): Field => ({ name: 'reason', label, kind: 'textarea', required: true })
const note: Field = { name: 'note', label: '备注', kind: 'textarea' }

const FIELDS: Record<string, Field[]> = {
  answer: [
    { name: 'citedEntries', label: '引用知识编号（多个用逗号分隔）', kind: 'text' },
    { name: 'answer', label: '答复内容', kind: 'textarea' },
    { name: 'noKnowledge', label: '知识库无此内容', kind: 'checkbox' },
  ],
  'not-accept': [
    { name: 'reason', label: '不予受理类别', kind: 'select', options: NOT_ACCEPTED_REASONS },
    { name: 'duplicateOf', label: '原工单编号（重复诉求时）', kind: 'text' },
    note,
  ],
  consult: [{ name: 'units', label: '会商单位', kind: 'units' }, reason('需要会商的问题')],
  'consult-reply': [{ name: 'text', label: '会商意见', kind: 'textarea', required: true }],
  dispatch: [
    { name: 'unit', label: '承办单位', kind: 'unit' },
    { name: 'designated', label: '会商后指定承办（不得退回）', kind: 'checkbox' },
  ],
  split: [{ name: 'units', label: '拆分给以下承办单位', kind: 'units' }],
  accept: [],
  subdispatch: [{ name: 'unit', label: '下级承办单位', kind: 'child' }],
  'request-return': [
    reason('退回理由'),
    { name: 'basis', label: '依据（职责文件、条款）', kind: 'textarea', required: true },
  ],
  'approve-return': [
    { name: 'unit', label: '改派至', kind: 'unit' },
    { name: 'designated', label: '争议后指定承办（不得再退回）', kind: 'checkbox' },
    note,
  ],
  'reject-return': [reason('不同意的理由')],
  'request-extension': [{ name: 'days', label: '延期工作日数', kind: 'number', required: true }, reason('延期理由')],
  'approve-extension': [{ name: 'days', label: '批准工作日数（默认按申请）', kind: 'number' }, note],
  'reject-extension': [reason('不同意的理由')],
  'request-info': [reason('需要诉求人补充的内容')],
  resume: [note],
  reply: [
    { name: 'contacted', label: '已联系诉求人', kind: 'checkbox' },
    { name: 'result', label: '办理结果', kind: 'textarea', required: true },
    { name: 'text', label: '对诉求人的答复', kind: 'textarea' },
  ],
  callback: [
    { name: 'satisfaction', label: '满意度', kind: 'select', options: SATISFACTION },
    { name: 'solved', label: '问题已解决', kind: 'checkbox' },
    note,
  ],
  'answer-callback': [
    { name: 'satisfaction', label: '满意度', kind: 'select', options: SATISFACTION },
    { name: 'solved', label: '问题已解决', kind: 'checkbox' },
  ],
  reopen: [reason('重办要求')],
  explain: [
    { name: 'text', label: '尽责说明（附证据说明）', kind: 'textarea', required: true },
    {
      name: 'attachments',
      label: `证据附件（图片或 PDF，最多 ${MAX_ATTACHMENTS} 个，每个不超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB）`,
      kind: 'files',
    },
  ],
  'accept-explanation': [note],
  'reject-explanation': [reason('不认可的理由')],
  close: [note],
}

/** The form's values as the action's input: empty fields left out, numbers and lists parsed. */
function inputOf(fields: Field[], form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const f of fields) {
    if (f.kind === 'files') continue
    if (f.kind === 'checkbox') out[f.name] = form.get(f.name) === 'on'
    else if (f.kind === 'units') out[f.name] = form.getAll(f.name).map(String)
    else {
      const v = String(form.get(f.name) ?? '').trim()
      if (!v) continue
      if (f.kind === 'number') out[f.name] = Number(v)
      else if (f.name === 'citedEntries') out[f.name] = v.split(/[,，、\s]+/).filter(Boolean)
      else out[f.name] = v
    }
  }
  return out
}

type UnitSuggestion = { name: string; score?: number }

export function OrderActions({
  number,
  actions,
  units,
  childUnits,
  suggestFor,
}: {
  number: string
  actions: { value: string; label: string }[]
  units: UnitOption[]
  childUnits: UnitOption[]
  /** What the unit suggestions are computed from, when the user may dispatch. */
  suggestFor?: { title: string; content: string; district?: string }
}) {
  const router = useRouter()
  const [current, setCurrent] = useState<string>()
  const [message, setMessage] = useState<{ ok: boolean; text: string }>()
  const [busy, setBusy] = useState(false)
  const [suggested, setSuggested] = useState<UnitSuggestion[]>([])
  const [unit, setUnit] = useState('')

  useEffect(() => {
    if (!suggestFor) return
    const params = new URLSearchParams({ title: suggestFor.title, content: suggestFor.content })
    if (suggestFor.district) params.set('district', suggestFor.district)
    api<{ units: UnitSuggestion[] }>(`/api/v1/work-orders/suggestions?${params}`)
      .then((s) => setSuggested(s.units.slice(0, 3)))
      .catch(() => setSuggested([]))
  }, [suggestFor])

  if (!actions.length) return <p className="meta">当前没有您可以执行的操作。</p>

  const submit = async (e: React.FormEvent<HTMLFormElement>, action: string) => {
    e.preventDefault()
    setBusy(true)
    try {
      const form = new FormData(e.currentTarget)
      const input = inputOf(FIELDS[action] ?? [], form)
      const files = form.getAll('attachments').filter((f): f is File => f instanceof File && f.size > 0)
      const url = `/api/v1/work-orders/${number}/actions/${action}`
      if (files.length === 0) await postJson(url, input)
      else {
        // The explanation and its files go in one request, stored together or not at all.
        const body = new FormData()
        for (const [name, value] of Object.entries(input)) body.append(name, String(value))
        for (const file of files) body.append('attachments', file)
        await postForm(url, body)
      }
      setMessage({ ok: true, text: `已${actions.find((a) => a.value === action)?.label ?? action}` })
      setCurrent(undefined)
      router.refresh()
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message })
    } finally {
      setBusy(false)
    }
  }

  const field = (f: Field) => {
    const id = `f-${f.name}`
    switch (f.kind) {
      case 'checkbox':
        return (
          <label key={f.name} className="check">
            <input type="checkbox" name={f.name} /> {f.label}
          </label>
        )
      case 'select':
        return (
          <label key={f.name} htmlFor={id}>
            {f.label}
            <select id={id} name={f.name} required>
              <option value="">请选择</option>
              {f.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </label>
        )
      case 'unit':
      case 'child': {
        const list = f.kind === 'child' ? childUnits : units
        return (
          <div key={f.name}>
            <label htmlFor={id}>{f.label}</label>
            <select id={id} name={f.name} required value={unit} onChange={(e) => setUnit(e.target.value)}>
              <option value="">请选择</option>
              {list.map((u) => (
                <option key={u.code} value={u.code}>
                  {u.name}
                </option>
              ))}
            </select>
            {f.kind === 'unit' && suggested.length > 0 && (
              <p className="suggestions">
                建议：
                {suggested.map((s) => {
                  const code = units.find((u) => u.name === s.name)?.code
                  return code ? (
                    <button key={s.name} type="button" className="chip" onClick={() => setUnit(code)}>
                      {s.name}
                    </button>
                  ) : null
                })}
              </p>
            )}
          </div>
        )
      }
      case 'files':
        return (
          <label key={f.name} htmlFor={id}>
            {f.label}
            <input id={id} name={f.name} type="file" multiple accept={ATTACHMENT_MIME_TYPES.join(',')} />
          </label>
        )
      case 'units':
        return (
          <fieldset key={f.name}>
            <legend>{f.label}</legend>
            <div className="unit-checks">
              {units.map((u) => (
                <label key={u.code} className="check">
                  <input type="checkbox" name={f.name} value={u.code} /> {u.name}
                </label>
              ))}
            </div>
          </fieldset>
        )
      default:
        return (
          <label key={f.name} htmlFor={id}>
            {f.label}
            {f.kind === 'textarea' ? (
              <textarea id={id} name={f.name} rows={3} maxLength={2000} required={f.required} />
            ) : (
              <input
                id={id}
                name={f.name}
                type={f.kind === 'number' ? 'number' : 'text'}
                min={f.kind === 'number' ? 1 : undefined}
                required={f.required}
              />
            )}
          </label>
        )
    }
  }

  return (
    <div className="order-actions">
      <div className="actions" role="toolbar" aria-label="可执行的操作">
        {actions.map((a) => (
          <button
            key={a.value}
            type="button"
            aria-expanded={current === a.value}
            onClick={() => {
              setMessage(undefined)
              setUnit('')
              setCurrent(current === a.value ? undefined : a.value)
            }}
          >
            {a.label}
          </button>
        ))}
      </div>
      {current && (
        <form className="action-form" data-action={current} onSubmit={(e) => void submit(e, current)}>
          <h3>{actions.find((a) => a.value === current)?.label}</h3>
          {(FIELDS[current] ?? []).map(field)}
          <button type="submit" disabled={busy}>
            确认{actions.find((a) => a.value === current)?.label}
          </button>
        </form>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'console-message' : 'error'}>
          {message.text}
        </p>
      )}
    </div>
  )
}
