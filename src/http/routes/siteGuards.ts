/**
 * The public site's one answer Next cannot give: an expired entry is gone (410), with a pointer to
 * its replacements when the entry links to any.
 */
import type { RequestHandler } from 'express'
import type { Payload } from 'payload'

import { now } from '../../domain/clock'
import { expiredPublicEntry } from '../../services/knowledgeQueries'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export const goneWhenExpired =
  (payload: Payload): RequestHandler =>
  async (req, res, next) => {
    try {
      const expired = await expiredPublicEntry(payload, String(req.params.code), now())
      if (!expired) return next()
      const links = expired.replacements
        .map((r) => `<li><a href="/entries/${encodeURIComponent(r.code ?? '')}">${escapeHtml(r.title ?? '')}</a></li>`)
        .join('')
      res.status(410).type('html')
        .send(`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>信息已过期 · 江临 12345</title><meta name="robots" content="noindex"></head><body style="font-family:system-ui,sans-serif;max-width:720px;margin:2em auto;padding:0 16px">
<h1>该信息已过期</h1><p>“${escapeHtml(expired.title)}”已超过有效期，请以最新发布的信息为准。</p>${links ? `<p>最新信息：</p><ul>${links}</ul>` : ''}<p><a href="/">返回首页搜索</a>，或拨打 <strong>12345</strong> 咨询。</p></body></html>`)
    } catch (err) {
      next(err)
    }
  }
