'use client'
/**
 * 坐席受理: the call form beside the console's search. Claimant, type, urgency, category (with the
 * model's top suggestions as the agent types), place, respondent, content and the entries cited from
 * the search; then 直接答复, 不予受理 or 提交派单. Orders of the same caller or the same place are shown
 * as the agent types the phone or address, to link them.
 */
import { useEffect, useRef, useState } from 'react'

import { CLAIMANT_KINDS, NOT_ACCEPTED_REASONS, ORDER_TYPES } from '../domain/workOrders/orderTypes'
import { api, ApiError, postJson } from './api'
import { type Call, type Cited, EMPTY_CALL, orderBody } from './intakeBody'

export type CategoryOption = { id: string; code: string; path: string }

type CategorySuggestion = { id: string; path: string; confidence: number; because: string[] }
type Similar = {
  samePhone: { number: string; title: string; state: string; createdAt: string }[]
  similarOpen: { number: string; title: string; address?: string; state: string; similarity?: number }[]
}

/** Calls `run` once the inputs have rested for `ms`. */
function useSettled(run: () => void | Promise<void>, deps: unknown[], ms = 400) {
  const latest = useRef(run)
  latest.current = run
  useEffect(() => {
    const timer = setTimeout(() => void latest.current(), ms)
    return () => clearTimeout(timer)
  }, deps)
}

export function IntakeForm({
  categories,
  cited,
  onUncite,
  answerText,
  onDone,
}: {
  categories: CategoryOption[]
  cited: Cited[]
  onUncite: (code: string) => void
  /** The answer read out from the cited entries, recorded with a direct answer. */
  answerText: string
  /** `ok` when the call is filed as the agent chose; the console then starts a new call. */
  onDone: (message: string, ok: boolean) => void
}) {
  const [call, setCall] = useState<Call>(EMPTY_CALL)
  const [suggestions, setSuggestions] = useState<CategorySuggestion[]>([])
  const [similar, setSimilar] = useState<Similar>()
  const [related, setRelated] = useState<string[]>([])
  const [outcome, setOutcome] = useState<'dispatch' | 'answer' | 'not-accept'>('dispatch')
  const [notAccept, setNotAccept] = useState({ reason: '', note: '', duplicateOf: '' })
  const [noKnowledge, setNoKnowledge] = useState(false)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof Call>(key: K, value: Call[K]) => setCall((c) => ({ ...c, [key]: value }))

  useSettled(async () => {
    if (!call.title.trim() && !call.content.trim()) return setSuggestions([])
    const params = new URLSearchParams({ title: call.title.slice(0, 200), content: call.content.slice(0, 2000) })
    if (call.district.trim()) params.set('district', call.district.trim())
    try {
      setSuggestions(
        (await api<{ categories: CategorySuggestion[] }>(`/api/v1/work-orders/suggestions?${params}`)).categories.slice(
          0,
          3,
        ),
      )
    } catch {
      setSuggestions([])
    }
  }, [call.title, call.content, call.district])

  useSettled(async () => {
    const phone = call.phone.replace(/\s+/g, '')
    if (phone.length < 7 && call.address.trim().length < 4) return setSimilar(undefined)
    try {
      setSimilar(
        await postJson<Similar>('/api/v1/work-orders/similar', {
          phone: phone.length >= 7 ? phone : undefined,
          address: call.address.trim() || undefined,
          district: call.district.trim() || undefined,
          title: call.title.trim() || undefined,
          content: call.content.trim() || undefined,
        }),
      )
    } catch (err) {
      // Until the duplicate search exists (404) or when it fails, the form shows nothing.
      if (!(err instanceof ApiError)) throw err
      setSimilar(undefined)
    }
  }, [call.phone, call.address, call.district])

  const candidates = [...(similar?.samePhone ?? []), ...(similar?.similarOpen ?? [])].filter(
    (o, i, all) => all.findIndex((x) => x.number === o.number) === i,
  )

  const submit = async (e: React.FormEvent) => {
    e.preventDefault()
    setError(undefined)
    setBusy(true)
    try {
      const order = await postJson<{ number: string }>(
        '/api/v1/work-orders',
        orderBody(call, cited, suggestions[0]?.id, related),
      )
      try {
        if (outcome === 'answer')
          await postJson(`/api/v1/work-orders/${order.number}/actions/answer`, {
            citedEntries: cited.map((c) => c.code),
            noKnowledge: noKnowledge || undefined,
            answer: answerText || undefined,
          })
        if (outcome === 'not-accept')
          await postJson(`/api/v1/work-orders/${order.number}/actions/not-accept`, {
            reason: notAccept.reason,
            note: notAccept.note.trim() || undefined,
            duplicateOf: notAccept.duplicateOf.trim() || undefined,
          })
      } catch (err) {
        return onDone(
          `工单 ${order.number} 已登记，但${outcome === 'answer' ? '直接答复' : '不予受理'}未成功：${(err as Error).message}（可在派单台继续处理）`,
          false,
        )
      }
      onDone(
        outcome === 'answer'
          ? `已直接答复并办结，工单 ${order.number}`
          : outcome === 'not-accept'
            ? `已登记为不予受理，工单 ${order.number}`
            : `已提交派单，工单 ${order.number} 等待派单员派发`,
        true,
      )
    } catch (err) {
      setError((err as Error).message)
    } finally {
      setBusy(false)
    }
  }

  const text = (key: keyof Call, label: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label htmlFor={`in-${key}`}>
      {label}
      <input
        id={`in-${key}`}
        value={String(call[key])}
        onChange={(e) => set(key, e.target.value as never)}
        {...props}
      />
    </label>
  )
  const check = (key: 'anonymous' | 'confidential' | 'noReply' | 'complex', label: string) => (
    <label className="check" htmlFor={`in-${key}`}>
      <input id={`in-${key}`} type="checkbox" checked={call[key]} onChange={(e) => set(key, e.target.checked)} />{' '}
      {label}
    </label>
  )

  return (
    <form className="intake" aria-label="坐席受理" onSubmit={(e) => void submit(e)}>
      <h2>受理登记</h2>
      <fieldset>
        <legend>诉求人</legend>
        <div className="row">
          {text('name', '姓名', { maxLength: 50, disabled: call.anonymous, autoComplete: 'off' })}
          {text('phone', '联系电话', { maxLength: 20, inputMode: 'tel', autoComplete: 'off' })}
          <label htmlFor="in-kind">
            诉求人类型
            <select id="in-kind" value={call.kind} onChange={(e) => set('kind', e.target.value)}>
              {CLAIMANT_KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {call.kind !== 'person' && (
          <div className="row">
            {text('companyName', call.kind === 'enterprise' ? '企业名称' : '组织名称', {
              maxLength: 200,
              required: true,
            })}
            {call.kind === 'enterprise' &&
              text('creditCode', '统一社会信用代码', {
                maxLength: 18,
                minLength: 18,
                required: true,
                autoComplete: 'off',
              })}
          </div>
        )}
        <div className="row">
          {check('anonymous', '匿名')}
          {check('confidential', '要求保密')}
          {check('noReply', '不需回复')}
        </div>
        {candidates.length > 0 && (
          <div className="duplicates" role="region" aria-label="可能重复的工单">
            <strong>可能重复或相关的工单</strong>（勾选以关联）：
            {candidates.map((o) => (
              <label key={o.number} className="check">
                <input
                  type="checkbox"
                  checked={related.includes(o.number)}
                  onChange={(e) =>
                    setRelated((r) => (e.target.checked ? [...r, o.number] : r.filter((n) => n !== o.number)))
                  }
                />
                {o.number} {o.title}
              </label>
            ))}
          </div>
        )}
      </fieldset>
      <div className="row">
        <label htmlFor="in-type">
          诉求类型
          <select id="in-type" value={call.type} onChange={(e) => set('type', e.target.value)}>
            {ORDER_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <label htmlFor="in-urgency">
          紧急程度
          <select id="in-urgency" value={call.urgency} onChange={(e) => set('urgency', e.target.value)}>
            <option value="normal">普通</option>
            <option value="urgent">紧急</option>
          </select>
        </label>
        {check('complex', '复杂诉求')}
      </div>
      {text('title', '标题', { maxLength: 200, required: true })}
      <label htmlFor="in-content">
        诉求内容
        <textarea
          id="in-content"
          value={call.content}
          onChange={(e) => set('content', e.target.value)}
          rows={4}
          maxLength={5000}
          required
        />
      </label>
      <label htmlFor="in-category">
        诉求分类
        <select id="in-category" value={call.category} onChange={(e) => set('category', e.target.value)}>
          <option value="">（未选择）</option>
          {categories.map((c) => (
            <option key={c.id} value={c.code}>
              {c.path}
            </option>
          ))}
        </select>
      </label>
      {suggestions.length > 0 && (
        <p className="suggestions" aria-label="分类建议">
          建议分类：
          {suggestions.map((s) => {
            const option = categories.find((c) => c.id === s.id)
            return option ? (
              <button
                key={s.id}
                type="button"
                className="chip"
                title={s.because.length ? `依据：${s.because.join('、')}` : undefined}
                onClick={() => set('category', option.code)}
              >
                {s.path}（{Math.round(s.confidence * 100)}%）
              </button>
            ) : null
          })}
        </p>
      )}
      <div className="row">
        {text('district', '区域', { maxLength: 50 })}
        {text('address', '地址', { maxLength: 200 })}
      </div>
      {(call.type === 'complaint' || call.type === 'report') &&
        text('respondent', '被投诉（举报）对象', { maxLength: 200 })}
      <div>
        <strong>引用知识：</strong>
        {cited.length === 0 ? (
          <span className="meta">未引用（在左侧检索结果中点“引用此条”）</span>
        ) : (
          <ul className="cited">
            {cited.map((c) => (
              <li key={c.code}>
                {c.code} {c.title}{' '}
                <button type="button" className="link" onClick={() => onUncite(c.code)}>
                  取消引用
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <fieldset>
        <legend>处理方式</legend>
        <div className="row">
          {(
            [
              ['dispatch', '提交派单'],
              ['answer', '直接答复'],
              ['not-accept', '不予受理'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="check">
              <input
                type="radio"
                name="outcome"
                value={value}
                checked={outcome === value}
                onChange={() => setOutcome(value)}
              />{' '}
              {label}
            </label>
          ))}
        </div>
        {outcome === 'answer' && (
          <label className="check" htmlFor="in-no-knowledge">
            <input
              id="in-no-knowledge"
              type="checkbox"
              checked={noKnowledge}
              onChange={(e) => setNoKnowledge(e.target.checked)}
            />{' '}
            知识库无此内容（转知识缺口）
          </label>
        )}
        {outcome === 'not-accept' && (
          <>
            <label htmlFor="in-na-reason">
              不予受理类别
              <select
                id="in-na-reason"
                required
                value={notAccept.reason}
                onChange={(e) => setNotAccept((n) => ({ ...n, reason: e.target.value }))}
              >
                <option value="">请选择</option>
                {NOT_ACCEPTED_REASONS.map((r) => (
                  <option key={r.value} value={r.value}>
                    {r.label}
                  </option>
                ))}
              </select>
            </label>
            {notAccept.reason === 'duplicate' && (
              <label htmlFor="in-na-dup">
                原工单编号
                <input
                  id="in-na-dup"
                  required
                  pattern="GD\d{14}"
                  value={notAccept.duplicateOf}
                  onChange={(e) => setNotAccept((n) => ({ ...n, duplicateOf: e.target.value }))}
                />
              </label>
            )}
            <label htmlFor="in-na-note">
              告知诉求人的说明
              <textarea
                id="in-na-note"
                rows={2}
                maxLength={2000}
                value={notAccept.note}
                onChange={(e) => setNotAccept((n) => ({ ...n, note: e.target.value }))}
              />
            </label>
          </>
        )}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {outcome === 'answer' ? '直接答复并办结' : outcome === 'not-accept' ? '不予受理' : '提交派单'}
      </button>
    </form>
  )
}
