'use client'
/**
 * 坐席工作台: search as you type with facets, the entry beside the results (internal 答复口径 marked),
 * copy the answer, cite it in the call's intake form (坐席受理), record a direct answer, report an error.
 * 新来电 clears everything of the previous call. Keyboard: "/" focuses the search, ↑/↓ move through
 * the results, Enter opens one.
 */
import { useCallback, useEffect, useRef, useState } from 'react'

import { shanghaiDateTimeString } from '../domain/shanghaiTime'
import { composeAnswer } from '../services/answerText'
import { api, signOut } from './api'
import type { Cited } from './intakeBody'
import { type CategoryOption, IntakeForm } from './IntakeForm'
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

/** The answer an agent reads out: the entry's own fields in order, each said once. */
const answerText = (e: Entry): string => composeAnswer(e)

export function AgentConsole({ agentName, categories }: { agentName: string; categories: CategoryOption[] }) {
  const [q, setQ] = useState('')
  const [filters, setFilters] = useState<Record<string, string>>({})
  const [result, setResult] = useState<Result>()
  const [active, setActive] = useState(0)
  const [entry, setEntry] = useState<Entry>()
  const [message, setMessage] = useState<string>()
  const [reporting, setReporting] = useState(false)
  const [errorText, setErrorText] = useState('')
  const [cited, setCited] = useState<(Cited & { answer: string })[]>([])
  const [call, setCall] = useState(1)
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
        const found = await api<Result>(`/api/v1/agent/search?${params}`)
        setResult(found)
        setActive(0)
        // Nothing found: no entry of an earlier search stays on screen to be read out or cited.
        if (!found.hits.length) setEntry(undefined)
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
      setReporting(false)
      setErrorText('')
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

  /** A quick 咨询 answered from the open entry, for a caller who gives no details. */
  const record = async () => {
    if (!entry) return
    try {
      const order = await api<{ number: string }>('/api/v1/work-orders', {
        method: 'POST',
        body: JSON.stringify({
          type: 'consultation',
          channel: 'phone',
          title: q.trim() || entry.title,
          content: q.trim() || entry.title,
          citedEntries: [entry.code],
        }),
      })
      await api(`/api/v1/work-orders/${order.number}/actions/answer`, {
        method: 'POST',
        body: JSON.stringify({ citedEntries: [entry.code], answer: answerText(entry) }),
      })
      setMessage(`已记录直接答复，工单 ${order.number}（引用 ${entry.code}）`)
    } catch (err) {
      setMessage((err as Error).message)
    }
  }

  const isCited = entry !== undefined && cited.some((c) => c.code === entry.code)
  const toggleCite = () => {
    if (!entry) return
    setCited((list) =>
      isCited
        ? list.filter((c) => c.code !== entry.code)
        : [...list, { code: entry.code, title: entry.title, version: entry.version, answer: answerText(entry) }],
    )
  }

  /** 新来电: nothing of the previous call (search, entry, citations, form) carries over. */
  const newCall = () => {
    setQ('')
    setFilters({})
    setResult(undefined)
    setEntry(undefined)
    setCited([])
    setMessage(undefined)
    setReporting(false)
    setErrorText('')
    setCall((n) => n + 1)
    input.current?.focus()
  }

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
    <div className="console intake-layout">
      <div>
        <p className="meta">
          坐席：{agentName} · 按 <kbd>/</kbd> 搜索，<kbd>↑</kbd>
          <kbd>↓</kbd> 选择，<kbd>Enter</kbd> 查看 ·{' '}
          <button type="button" onClick={newCall}>
            新来电
          </button>{' '}
          <a href="/desk">我的待办</a>{' '}
          <button type="button" className="link" onClick={() => void signOut()}>
            退出登录
          </button>
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
        {result && result.hits.length === 0 && (
          <p className="empty" role="status">
            没有找到相关条目。请换个说法或减少筛选条件；知识库无此内容时，可在右侧登记并勾选“知识库无此内容”。
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
                  <button type="button" aria-pressed={isCited} onClick={toggleCite}>
                    {isCited ? '取消引用' : '引用此条'}
                  </button>
                  <button type="button" onClick={() => void record()}>
                    答复并记录
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
      <IntakeForm
        key={call}
        categories={categories}
        cited={cited}
        onUncite={(code) => setCited((list) => list.filter((c) => c.code !== code))}
        answerText={cited.map((c) => c.answer).join('\n\n')}
        onDone={(text, ok) => {
          // A filed call ends it: the next one starts from a clean screen.
          if (ok) newCall()
          setMessage(text)
        }}
      />
    </div>
  )
}
