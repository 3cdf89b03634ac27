'use client'
/**
 * 坐席工作台: search as you type with facets, the entry beside the results (internal 答复口径 marked),
 * copy the answer, record a direct answer as a work order, open a dispatch order, report an error.
 * Keyboard: "/" focuses the search, ↑/↓ move through the results, Enter opens one.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

import { shanghaiDateTimeString } from '../domain/shanghaiTime'
import { Marked } from './Marked'

type Hit = {
  code: string
  title: string
  type: string
  unit: string
  category: string
  summary: string
  marks: { title: [number, number][]; summary: [number, number][] }
  confident: boolean
  audience: string
  stale: boolean
  status: string
}
type Result = { found: number; hits: Hit[]; facets: Record<string, Record<string, number>> }
type Entry = Record<string, unknown> & {
  code: string
  title: string
  type: string
  audience: string
  summary?: string
  body?: string
  /** The cited version: when the live content was published. */
  version: string
  relatedEntries: { code: string; title: string }[]
}

const TYPE_LABELS: Record<string, string> = {
  guide: '办事指南',
  location: '办事地点',
  policy: '政策文件',
  faq: '常见问题',
  notice: '通知公告',
  script: '答复口径',
}
const FACETS: [string, string][] = [
  ['type', '类型'],
  ['unit', '单位'],
  ['category', '分类'],
  ['district', '区域'],
]

/**
 * The session ends after SESSION_IDLE_MINUTES without activity; while the agent works, each request
 * renews it at most every few minutes.
 */
const RENEW_EVERY_MS = 5 * 60_000
let renewedAt = Date.now()
function renewSession() {
  if (Date.now() - renewedAt < RENEW_EVERY_MS) return
  renewedAt = Date.now()
  void fetch('/api/users/refresh-token', { method: 'POST', credentials: 'include' }).catch(() => undefined)
}

const api = async <T,>(url: string, init?: RequestInit): Promise<T> => {
  renewSession()
  const res = await fetch(url, {
    credentials: 'include',
    ...init,
    headers: { 'content-type': 'application/json', ...(init?.headers ?? {}) },
  })
  const body = await res.json()
  if (!res.ok) throw new Error(body.message ?? `请求失败（${res.status}）`)
  return body as T
}

/** The answer an agent reads out: the entry's own fields in order. */
function answerText(e: Entry): string {
  const g = (e[e.type] ?? {}) as Record<string, unknown>
  const lines = [e.summary || e.title]
  const push = (label: string, v: unknown) => {
    if (Array.isArray(v) && v.length) lines.push(`${label}：${v.join('；')}`)
    else if (typeof v === 'string' && v) lines.push(`${label}：${v}`)
  }
  push('所需材料', g.materials)
  push('办理流程', g.steps)
  push('办理时限', g.timeLimit)
  push('收费标准', g.fee)
  push('电话', g.phone)
  push('地址', g.address)
  push('办公时间', g.hours)
  push('答复', g.answer)
  push('政策要点', g.keyPoints)
  const places = (Array.isArray(g.locations) ? g.locations : []) as Record<string, string>[]
  push(
    '办理地点',
    places.map((l) => [l.title, l.address, l.hours].filter(Boolean).join(' ')),
  )
  if (e.type === 'script' && e.body) lines.push(e.body)
  return lines.join('\n')
}

export function AgentConsole({ agentName }: { agentName: string }) {
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Record<string, string>>({})
  const [result, setResult] = useState<Result>()
  const [active, setActive] = useState(0)
  const [entry, setEntry] = useState<Entry>()
  const [message, setMessage] = useState<string>()
  const input = useRef<HTMLInputElement>(null)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && document.activeElement !== input.current) {
        e.preventDefault()
        input.current?.focus()
      }
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  useEffect(() => {
    if (!q.trim()) return setResult(undefined)
    const timer = setTimeout(async () => {
      const params = new URLSearchParams({ q, per_page: '20', ...filters })
      try {
        setResult(await api<Result>(`/api/v1/agent/search?${params}`))
        setActive(0)
      } catch (err) {
        setMessage((err as Error).message)
      }
    }, 200)
    return () => clearTimeout(timer)
  }, [q, filters])

  // The query goes along so that the search analytics count the hit as used.
  const open = useCallback(
    async (code: string) => {
      setMessage(undefined)
      const from = q.trim() ? `?${new URLSearchParams({ q: q.trim().slice(0, 200) })}` : ''
      setEntry(await api<Entry>(`/api/v1/agent/entries/${encodeURIComponent(code)}${from}`))
    },
    [q],
  )

  const onSearchKey = (e: React.KeyboardEvent) => {
    const hits = result?.hits ?? []
    if (e.key === 'ArrowDown') setActive((a) => Math.min(a + 1, hits.length - 1))
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(a - 1, 0))
    else if (e.key === 'Enter' && hits[active]) void open(hits[active].code)
    else return
    e.preventDefault()
  }

  const record = async (kind: 'answer' | 'dispatch') => {
    if (!entry) return
    try {
      const order = await api<{ number: string }>('/api/v1/work-orders', {
        method: 'POST',
        body: JSON.stringify({
          type: 'consultation',
          channel: 'phone',
          title: q || entry.title,
          content: q || entry.title,
          citedEntries: [entry.code],
        }),
      })
      if (kind === 'answer') {
        await api(`/api/v1/work-orders/${order.number}/actions/answer`, {
          method: 'POST',
          body: JSON.stringify({ citedEntries: [entry.code], answer: answerText(entry) }),
        })
        setMessage(`已记录直接答复，工单 ${order.number}（引用 ${entry.code}）`)
      } else setMessage(`已生成待派发工单 ${order.number}，请派单员派发`)
    } catch (err) {
      setMessage((err as Error).message)
    }
  }

  const [reporting, setReporting] = useState(false)
  const [errorText, setErrorText] = useState('')
  const report = async (e: React.FormEvent) => {
    e.preventDefault()
    if (!entry) return
    try {
      setMessage(
        (
          await api<{ message: string }>(`/api/v1/agent/entries/${entry.code}/error-reports`, {
            method: 'POST',
            body: JSON.stringify({ description: errorText }),
          })
        ).message,
      )
      setReporting(false)
      setErrorText('')
    } catch (err) {
      setMessage((err as Error).message)
    }
  }

  return (
    <div className="console">
      <p className="meta">
        坐席：{agentName} · 按 <kbd>/</kbd> 搜索，<kbd>↑</kbd>
        <kbd>↓</kbd> 选择，<kbd>Enter</kbd> 查看
      </p>
      <label htmlFor="console-q" className="skip">
        搜索知识库
      </label>
      <input
        id="console-q"
        ref={input}
        className="console-search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        onKeyDown={onSearchKey}
        placeholder="输入来电人的问题，如：公积金怎么取"
        autoFocus
        maxLength={200}
      />
      {result && (
        <div className="facets">
          {FACETS.map(([facet, label]) => (
            <select
              key={facet}
              aria-label={label}
              value={filters[facet] ?? ''}
              onChange={(e) => setFilters((f) => ({ ...f, [facet]: e.target.value }))}
            >
              <option value="">{label}：全部</option>
              {Object.entries(result.facets[facet] ?? {}).map(([v, n]) => (
                <option key={v} value={v}>
                  {facet === 'type' ? (TYPE_LABELS[v] ?? v) : v}（{n}）
                </option>
              ))}
            </select>
          ))}
        </div>
      )}
      {message && (
        <p role="status" className="console-message">
          {message}
        </p>
      )}
      <div className="console-panes">
        <ol className="console-hits" role="listbox" aria-label="检索结果">
          {result?.hits.map((h, i) => (
            <li
              key={h.code}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : ''}
              onClick={() => void open(h.code)}
            >
              <span className="badge">{TYPE_LABELS[h.type] ?? h.type}</span>
              {h.audience === 'internal' && <span className="badge internal">内部</span>}
              {h.confident ? <span className="badge">可信</span> : <span className="badge weak">仅供参考</span>}
              {h.stale && <span className="badge weak">逾期未复核</span>}
              <strong>
                <Marked text={h.title} ranges={h.marks.title} />
              </strong>
              <div className="meta">
                <Marked text={h.summary} ranges={h.marks.summary} />
              </div>
            </li>
          ))}
        </ol>
        <section className="console-entry" aria-label="条目详情">
          {entry ? (
            <>
              {entry.audience === 'internal' && (
                <p className="internal-banner">内部答复口径：仅供坐席参考，不得向外提供原文</p>
              )}
              <h2>{entry.title}</h2>
              <pre className="answer">{answerText(entry)}</pre>
              <div className="actions">
                <button
                  type="button"
                  onClick={() =>
                    void navigator.clipboard?.writeText(answerText(entry)).then(() => setMessage('答复已复制'))
                  }
                >
                  复制答复
                </button>
                <button type="button" onClick={() => void record('answer')}>
                  答复并记录
                </button>
                <button type="button" onClick={() => void record('dispatch')}>
                  转派单
                </button>
                <button type="button" aria-expanded={reporting} onClick={() => setReporting((r) => !r)}>
                  纠错
                </button>
              </div>
              {reporting && (
                <form className="report-form" onSubmit={(e) => void report(e)}>
                  <label htmlFor="error-text">错误描述（如电话、地址已变更）</label>
                  <textarea
                    id="error-text"
                    value={errorText}
                    onChange={(e) => setErrorText(e.target.value)}
                    rows={3}
                    minLength={5}
                    maxLength={2000}
                    required
                  />
                  <button type="submit">提交纠错</button>
                </form>
              )}
              {entry.relatedEntries.length > 0 && (
                <p className="meta">
                  相关：
                  {entry.relatedEntries.map((r) => (
                    <button key={r.code} type="button" className="link" onClick={() => void open(r.code)}>
                      {r.title}
                    </button>
                  ))}
                </p>
              )}
              <p className="meta">
                {entry.code} · 版本 {shanghaiDateTimeString(new Date(entry.version))}
              </p>
            </>
          ) : (
            <p className="meta">选择左侧结果查看详情。</p>
          )}
        </section>
      </div>
    </div>
  )
}
