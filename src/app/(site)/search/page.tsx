import type { Metadata } from 'next'

import { ENTRY_TYPES } from '../../../domain/knowledge/entryTypes'
import { labelOf } from '../../../domain/labels'
import { Marked } from '../../../site/Marked'
import { SearchBox } from '../../../site/SearchBox'
import { homeData, PER_PAGE, searchData } from '../siteData'

export const dynamic = 'force-dynamic'

type Params = { searchParams: Promise<{ q?: string; category?: string; page?: string }> }

export async function generateMetadata({ searchParams }: Params): Promise<Metadata> {
  const { q } = await searchParams
  return { title: q ? `“${q.slice(0, 50)}”的搜索结果` : '搜索', robots: { index: false } }
}

const typeLabel = (t: string) => labelOf(ENTRY_TYPES, t)
const link = (q: string, category: string | undefined, page: number) =>
  `/search?q=${encodeURIComponent(q)}${category ? `&category=${encodeURIComponent(category)}` : ''}${page > 1 ? `&page=${page}` : ''}`

export default async function SearchPage({ searchParams }: Params) {
  const p = await searchParams
  const q = (p.q ?? '').trim().slice(0, 200)
  const page = Math.max(1, Number.parseInt(p.page ?? '1', 10) || 1)
  if (!q) {
    return (
      <>
        <h1>搜索</h1>
        <SearchBox />
      </>
    )
  }
  const result = await searchData(q, p.category, page)
  const pages = Math.ceil(result.found / PER_PAGE)
  const categories = Object.entries(result.facets.category)
    .sort((a, b) => b[1] - a[1])
    .slice(0, 12)
  return (
    <>
      <h1>“{q}”的搜索结果</h1>
      <SearchBox q={q} />
      {categories.length > 0 && (
        <nav aria-label="按分类筛选" className="meta filters">
          <span>分类：</span>
          {p.category ? <a href={link(q, undefined, 1)}>全部</a> : <strong>全部</strong>}
          {categories.map(([c, n]) =>
            p.category === c ? (
              <strong key={c}>
                {c}（{n}）
              </strong>
            ) : (
              <a key={c} href={link(q, c, 1)}>
                {c}（{n}）
              </a>
            ),
          )}
        </nav>
      )}
      {!result.hits.some((h) => h.confident) && page === 1 ? (
        <>
          <EmptyState />
          {result.hits.length > 0 && (
            <section className="part">
              <h2>您可能在找</h2>
              <ul>
                {result.hits.slice(0, 5).map((h) => (
                  <li key={h.code}>
                    <a href={`/entries/${h.code}?q=${encodeURIComponent(q)}`}>{h.title}</a>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      ) : (
        <>
          <p className="meta">共找到 {result.found} 条</p>
          <ol className="hits">
            {result.hits.map((h) => (
              <li key={h.code}>
                <h2>
                  <span className="badge">{typeLabel(h.type)}</span>
                  <a href={`/entries/${h.code}?q=${encodeURIComponent(q)}`}>
                    <Marked text={h.title} ranges={h.marks.title} />
                  </a>
                </h2>
                <p>
                  <Marked text={h.summary ?? ''} ranges={h.marks.summary} />
                </p>
                <p className="meta">
                  {h.unit} · {h.category}
                </p>
              </li>
            ))}
          </ol>
          {pages > 1 && (
            <nav className="pager" aria-label="翻页">
              {page > 1 && <a href={link(q, p.category, page - 1)}>上一页</a>}
              <span>
                第 {page} / {pages} 页
              </span>
              {page < pages && <a href={link(q, p.category, page + 1)}>下一页</a>}
            </nav>
          )}
        </>
      )}
    </>
  )
}

async function EmptyState() {
  const { categories } = await homeData()
  return (
    <div className="empty">
      <p>
        没有找到确切的答案。可以换个说法再试，或直接拨打 <strong>12345</strong>，话务员会为您解答。
      </p>
      <p>也可以按分类浏览：</p>
      <ul className="grid">
        {categories.slice(0, 8).map((c) => (
          <li key={c.path}>
            <a href={`/categories/${encodeURIComponent(c.code)}`}>{c.name}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}
