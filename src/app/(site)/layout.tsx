/* The public FAQ site: server-rendered, readable without JavaScript, mobile first. */
import type { Metadata } from 'next'
import type React from 'react'

import './site.css'

export const metadata: Metadata = {
  title: { default: '江临 12345 政务服务便民热线 · 办事指南与常见问题', template: '%s · 江临 12345' },
  description: '查询办事指南、办事地点、政策文件和常见问题；找不到答案请拨打 12345。',
}

export default function SiteLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="zh-CN">
      <body>
        <a className="skip" href="#main">
          跳到正文
        </a>
        <header className="site">
          <a href="/">江临 12345 · 办事指南与常见问题</a>
          <span className="hotline">热线电话 12345（24 小时）</span>
        </header>
        <main id="main">{children}</main>
        <footer className="site">江临市政务服务便民热线 12345 · 信息以各承办单位发布为准</footer>
      </body>
    </html>
  )
}
