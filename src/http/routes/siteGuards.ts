/**
 * The public site's one answer Next cannot give: an expired entry is gone (410), with a pointer to
 * its replacements when the entry links to any. The page looks like the site's own (same header,
 * footer and colours), styled by a stylesheet that only this answer's nonce lets run.
 */
import { randomBytes } from 'node:crypto'

import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { now } from '../../domain/clock'
import { expiredPublicEntry } from '../../services/knowledgeQueries'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const STYLE = `body{margin:0;font-family:system-ui,-apple-system,'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif;color:#1f2328;line-height:1.6}
a{color:#0b57a4}header{background:#b5121b;color:#fff;padding:12px 16px}header a{color:#fff;text-decoration:none;font-weight:600}
main{max-width:960px;margin:0 auto;padding:16px}.gone{background:#f6f8fa;border-left:4px solid #b5121b;padding:16px;border-radius:6px}
.status{color:#59636e;font-size:14px}footer{border-top:1px solid #d8dee4;color:#59636e;padding:16px;text-align:center;font-size:14px}`

function gonePage(title: string, replacements: { code?: string | null; title?: string | null }[], nonce: string) {
  const links = replacements
    .map((r) => `<li><a href="/entries/${encodeURIComponent(r.code ?? '')}">${escapeHtml(r.title ?? '')}</a></li>`)
    .join('')
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>信息已过期 · 江临 12345</title><meta name="robots" content="noindex"><link rel="icon" href="/icon.svg" type="image/svg+xml">
<style nonce="${nonce}">${STYLE}</style></head><body>
<header><a href="/">江临 12345 · 办事指南与常见问题</a></header>
<main><p class="status">410 · 信息已过期</p><div class="gone"><h1>该信息已过期</h1>
<p>“${escapeHtml(title)}”已超过有效期，请以最新发布的信息为准。</p>${links ? `<p>最新信息：</p><ul data-successors>${links}</ul>` : ''}
<p><a href="/">返回首页搜索</a>，或拨打 <strong>12345</strong> 咨询。</p></div></main>
<footer>江临市政务服务便民热线 12345 · 信息以各承办单位发布为准</footer></body></html>`
}

export const goneWhenExpired =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    try {
      const expired = await expiredPublicEntry(payload, String(req.params.code), now())
      if (!expired) return next()
      const nonce = randomBytes(16).toString('base64')
      res.setHeader(
        'Content-Security-Policy',
        `default-src 'none'; style-src 'nonce-${nonce}'; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`,
      )
      res
        .status(410)
        .type('html')
        .send(gonePage(expired.title, expired.replacements, nonce))
    } catch (err) {
      next(err)
    }
  }
