import type { Metadata } from 'next'
import { notFound } from 'next/navigation'

import { ENTRY_TYPES } from '../../../../domain/knowledge/entryTypes'
import { labelOf } from '../../../../domain/labels'
import { ServiceError } from '../../../../services/errors'
import { categoryData } from '../../siteData'

export const dynamic = 'force-dynamic'

type Params = { params: Promise<{ code: string }>; searchParams: Promise<{ page?: string }> }

async function load(code: string, page: number) {
  try {
    return await categoryData(decodeURIComponent(code), page)
  } catch (err) {
    if (err instanceof ServiceError) notFound()
    throw err
  }
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { code } = await params
  const category = await load(code, 1)
  return { title: category.path, alternates: { canonical: `/categories/${encodeURIComponent(code)}` } }
}

export default async function CategoryPage({ params, searchParams }: Params) {
  const { code } = await params
  const page = Math.max(1, Number.parseInt((await searchParams).page ?? '1', 10) || 1)
  const c = await load(code, page)
  const link = (p: number) => `/categories/${encodeURIComponent(code)}${p > 1 ? `?page=${p}` : ''}`
  return (
    <>
      <p className="meta">
        <a href="/">首页</a> · 按分类浏览
      </p>
      <h1>{c.path}</h1>
      {c.subcategories.length > 0 && (
        <nav aria-label="子分类" className="chips">
          {c.subcategories.map((s) => (
            <a key={s.code} href={`/categories/${encodeURIComponent(s.code)}`}>
              {s.name}
            </a>
          ))}
        </nav>
      )}
      {c.found === 0 ? (
        <div className="empty">
          <p>
            该分类下暂无公开信息。可以在首页搜索，或直接拨打 <strong>12345</strong> 咨询。
          </p>
        </div>
      ) : (
        <>
          <p className="meta">共 {c.found} 条</p>
          <ol className="hits" data-category-entries>
            {c.entries.map((e) => (
              <li key={e.code}>
                <h2>
                  <span className="badge">{labelOf(ENTRY_TYPES, e.type)}</span>
                  <a href={`/entries/${encodeURIComponent(e.code)}`}>{e.title}</a>
                </h2>
                {e.summary && <p>{e.summary}</p>}
                <p className="meta">
                  {e.unit} · {e.category}
                </p>
              </li>
            ))}
          </ol>
          {c.pages > 1 && (
            <nav className="pager" aria-label="翻页">
              {page > 1 && <a href={link(page - 1)}>上一页</a>}
              <span>
                第 {page} / {c.pages} 页
              </span>
              {page < c.pages && <a href={link(page + 1)}>下一页</a>}
            </nav>
          )}
        </>
      )}
    </>
  )
}
