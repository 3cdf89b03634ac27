import { SearchBox } from '../../site/SearchBox'
import { homeData } from './siteData'

export const dynamic = 'force-dynamic'

export default async function Home() {
  const { categories, faqs, notices } = await homeData()
  return (
    <>
      <h1>您好，请问您要办什么事？</h1>
      <SearchBox />
      <p className="meta">
        已经拨打过 12345？<a href="/progress">查询工单办理进度</a>
      </p>
      {notices.length > 0 && (
        <section className="part" aria-labelledby="notices">
          <h2 id="notices">通知公告</h2>
          <ul>
            {notices.map((n) => (
              <li key={n.code}>
                <a href={`/entries/${n.code}`}>{n.title}</a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="part" aria-labelledby="popular">
        <h2 id="popular">常见问题</h2>
        <ul>
          {faqs.map((f) => (
            <li key={f.code}>
              <a href={`/entries/${f.code}`}>{f.title}</a>
            </li>
          ))}
        </ul>
      </section>
      <section className="part" aria-labelledby="catalog">
        <h2 id="catalog">按分类浏览</h2>
        <ul className="grid">
          {categories.map((c) => (
            <li key={c.path}>
              <a href={`/categories/${encodeURIComponent(c.code)}`}>{c.name}</a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}
