import type { Metadata } from 'next'

import { SearchBox } from '../../site/SearchBox'

export const metadata: Metadata = { title: '页面不存在', robots: { index: false } }

/** Any address of the site that names nothing, and entries that are not public. */
export default function NotFound() {
  return (
    <div className="gone">
      <p className="meta">404 · 页面不存在</p>
      <h1>没有找到这个页面</h1>
      <p>
        链接可能已失效，或信息未公开。可以在下面搜索，或直接拨打 <strong>12345</strong> 咨询。
      </p>
      <SearchBox />
      <p>
        <a href="/">返回首页</a>
      </p>
    </div>
  )
}
