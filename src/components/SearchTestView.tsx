/**
 * 检索测试 in the admin (/admin/search-test): type a question, see the entries agents would get,
 * ranked, with why each matched (the caller's words it covers, the similar question that matched,
 * the fields), its score and whether it would be marked 可信. Server-rendered from a GET form.
 * kb-admins see every entry; a unit's editors and reviewers public entries and their unit's own.
 */
import type { AdminViewServerProps, Payload } from 'payload'

import { now } from '../domain/clock'
import { type AccessUser, hasRole, isStaff } from '../domain/roles'
import { CONFIDENT_AT } from '../search/confidence'
import { searchEngine } from '../search/searchEngine'
import { searchTest } from '../services/searchTest'
import { AdminViewShell } from './AdminViewShell'

const FIELD_LABELS: Record<string, string> = {
  title: '标题',
  tags: '标签',
  question: '常见问题',
  summary: '摘要',
  structured: '办事要素',
  body: '正文',
  category: '分类',
  grams: '标题单字',
  similarQuestion: '相似问',
}
const percent = (v: number) => `${Math.round(v * 100)}%`

async function Results({ payload, user, q }: { payload: Payload; user: AccessUser | null; q: string }) {
  const { hits } = await searchTest(payload, searchEngine(), user, q, now())
  if (!hits.length) return <p>没有检索到条目。</p>
  return (
    <ol data-search-test style={{ paddingLeft: 20 }}>
      {hits.map((h) => (
        <li key={h.code} data-code={h.code} style={{ marginBottom: 16 }}>
          <strong>
            <a href={`/admin/collections/knowledge-entries?where[code][equals]=${encodeURIComponent(h.code)}`}>
              {h.code} {h.title}
            </a>
          </strong>
          {h.audience === 'internal' ? ' 【内部】' : ''}
          {h.expired ? ' 【已过期】' : ''}
          <div>
            得分 {h.score.toFixed(1)} · 可信度 {percent(h.confidence)} ·{' '}
            <span data-confident={h.confident}>{h.confident ? '可信' : '不可信'}</span>
            {h.signals && (
              <>
                {' '}
                （覆盖来电用词 {percent(h.signals.queryCoverage)}，领先第二名 {percent(h.signals.margin)}
                {h.signals.strength !== undefined && `，强度 ${h.signals.strength.toFixed(1)}`}）
              </>
            )}
          </div>
          {h.matchedQuestion && <div>命中相似问：{h.matchedQuestion}</div>}
          {h.explanation && (
            <>
              <div>
                来电用词：
                {h.explanation.words.map((w) => (
                  <span
                    key={w.word}
                    title={`权重 ${w.weight.toFixed(2)}`}
                    style={{
                      marginRight: 8,
                      textDecoration: w.matched ? undefined : 'line-through',
                      opacity: w.matched ? 1 : 0.6,
                    }}
                  >
                    {w.matched ? '✓' : '✗'}
                    {w.word}（{w.weight.toFixed(2)}）
                  </span>
                ))}
              </div>
              <div>命中字段：{h.explanation.fields.map((f) => FIELD_LABELS[f] ?? f).join('、') || '—'}</div>
            </>
          )}
        </li>
      ))}
    </ol>
  )
}

export async function SearchTestView(view: AdminViewServerProps) {
  const { initPageResult, searchParams } = view
  const { req } = initPageResult
  const user = req.user as AccessUser | null
  const allowed = isStaff(user) || hasRole(user, 'unit-editor', 'unit-reviewer')
  const raw = searchParams?.q
  const q = (typeof raw === 'string' ? raw : '').trim().slice(0, 200)
  return (
    <AdminViewShell view={view} title="检索测试">
      {allowed ? (
        <>
          <p>
            输入来电人的问法，查看坐席检索会得到的条目、命中原因、得分及是否标为“可信”（可信度达 {percent(CONFIDENT_AT)}{' '}
            以上）。
          </p>
          <form method="get" style={{ display: 'flex', gap: 8 }}>
            <input name="q" defaultValue={q} placeholder="例如：身份证丢了怎么办" style={{ flex: 1 }} maxLength={200} />
            <button type="submit" className="btn btn--style-primary btn--size-small">
              测试
            </button>
          </form>
          {q && <Results payload={req.payload} user={user} q={q} />}
        </>
      ) : (
        <p>仅知识库管理员和单位编辑、审核员可使用检索测试。</p>
      )}
    </AdminViewShell>
  )
}
