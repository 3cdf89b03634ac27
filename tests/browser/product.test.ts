/**
 * The real product (server.ts with the production build and demo data) in Debian's Chromium: the
 * public FAQ site and the review workflow in the admin. One file, one server: two servers would race
 * to rebuild when the sources changed.
 */
import type { Page } from 'playwright-core'

import { adminLogin, loginIn } from '../helpers/browser'
import { useProductInBrowser } from '../helpers/productInBrowser'

// Info-level logs: the log-redaction test reads every request line the server wrote.
const product = useProductInBrowser({ LOG_LEVEL: 'info' })

const phone = () =>
  product.browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true })

it('public: finds a guide by a colloquial question and shows its materials as a checklist', async () => {
  const page = await (await phone()).newPage()
  await page.goto(`${product.base}/`)
  expect(await page.title()).toContain('12345')
  await page.fill('#q', '身份证丢了咋办')
  // Titles are suggested as the visitor types.
  await page.waitForFunction(() => document.querySelectorAll('#q-suggestions option').length > 0)
  await page.press('#q', 'Enter')
  await page.waitForURL(/\/search\?q=/)
  const first = page.locator('ol.hits li').first()
  expect(await first.locator('.badge').innerText()).toBe('办事指南')
  expect(await first.locator('mark').count()).toBeGreaterThan(0)
  await first.locator('h2 a').click()
  await page.waitForURL(/\/entries\/KB-/)
  expect(await page.locator('h1').innerText()).toContain('身份证')
  const materials = page.locator('section.part', { hasText: '申请材料' }).locator('ul.checklist li')
  expect(await materials.count()).toBeGreaterThan(0)
  expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toMatch(/\/entries\/KB-/)
  await page.click('button[value="yes"]')
  await page.waitForURL(/feedback=thanks/)
  expect(await page.locator('[role="status"]').innerText()).toContain('感谢')
}, 120_000)

it('public: never shows an internal answer script, and reads without JavaScript', async () => {
  const context = await product.browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false })
  const page = await context.newPage()
  // A demo answer script's own title, searched for by the public.
  const scripts = (await (
    await fetch(`${product.base}/api/v1/public/search?q=${encodeURIComponent('答复口径')}`)
  ).json()) as { hits: { type: string }[] }
  expect(scripts.hits.every((h) => h.type !== 'script')).toBe(true)
  await page.goto(`${product.base}/search?q=${encodeURIComponent('养老金调整尚未公布时的答复口径')}`)
  const badges = await page.locator('ol.hits .badge').allInnerTexts()
  expect(badges).not.toContain('答复口径')
  const response = await page.goto(`${product.base}/entries/KB-1118`)
  expect(response?.status()).toBe(404)
  await page.goto(`${product.base}/search?q=${encodeURIComponent('zzzz完全无关的问题qqq')}`)
  expect(await page.locator('.empty').innerText()).toContain('12345')
}, 120_000)

it('public: a claimant looks up their order’s progress without JavaScript, and a wrong pair finds nothing', async () => {
  const context = await product.browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(`${product.base}/`)
  await page.click('a:has-text("查询工单办理进度")')
  await page.waitForURL(/\/progress$/)
  // The demo's 养老金未按时到账 (王芳, 13812340002), registered 10 days before the server's HOTLINE_NOW 2026-11-25.
  await page.fill('input[name="number"]', 'GD20261115000001')
  await page.fill('input[name="phoneLast4"]', '0002')
  await page.click('button:has-text("查询")')
  await page.waitForSelector('dl.progress-result')
  const result = await page.locator('dl.progress-result').innerText()
  expect(result).toContain('已办结')
  expect(result).toContain('江临市人力资源和社会保障局')
  expect(result).toContain('养老金已于今日补发到账')
  for (const secret of ['王芳', '王*', '13812340002', '138****0002']) expect(await page.content()).not.toContain(secret)
  await page.fill('input[name="phoneLast4"]', '0003')
  await page.click('button:has-text("查询")')
  expect(await page.locator('[role="alert"]').innerText()).toContain('未查到该工单')
  expect(await page.locator('dl.progress-result').count()).toBe(0)
}, 120_000)

it('agent console: finds an internal script by keyboard, marked internal, and records a direct answer', async () => {
  const page = await adminLogin(product.browser, product.base, 'agent@hotline.example')
  await page.goto(`${product.base}/console`)
  await page.keyboard.press('/')
  await page.keyboard.type('养老金调整答复口径')
  await page.waitForSelector('.console-hits li')
  await page.keyboard.press('Enter')
  await page.waitForSelector('.internal-banner')
  expect(await page.locator('.console-entry h2').innerText()).toContain('答复口径')
  await page.click('button:has-text("答复并记录")')
  const status = await page.waitForSelector('text=/已记录直接答复，工单 GD\\d{14}/')
  const number = (await status.innerText()).match(/GD\d{14}/)![0]
  const order = await page.evaluate(
    async (n) => (await fetch(`/api/v1/work-orders/${n}`, { credentials: 'include' })).json(),
    number,
  )
  expect(order).toMatchObject({ state: 'closed', resolution: 'answered' })
  expect(order.citedEntries[0].code).toMatch(/^KB-/)
  await page.click('button:has-text("纠错")')
  await page.fill('#error-text', '口径中的发布时间已更新')
  await page.click('button:has-text("提交纠错")')
  await page.waitForSelector('text=已收到纠错反馈')
}, 120_000)

const publicTitle = async (code: string) =>
  ((await (await fetch(`${product.base}/api/v1/public/entries/${code}`)).json()) as { title: string }).title

async function openEntry(page: Page, code: string): Promise<string> {
  const id = await page.evaluate(
    async (c) =>
      (await (await fetch(`/api/knowledge-entries?where[code][equals]=${c}&depth=0&draft=true`)).json()).docs[0].id,
    code,
  )
  const url = `${product.base}/admin/collections/knowledge-entries/${id}`
  await page.goto(url)
  await page.waitForSelector('[data-testid="workflow-state"]')
  return url
}

const state = (page: Page) => page.locator('[data-testid="workflow-state"]').innerText()

it('admin: takes an edit of a published entry through both reviews to publication', async () => {
  const editor = await adminLogin(product.browser, product.base, 'editor.rs@hotline.example')
  await expect(editor.locator('text=待我处理').count()).resolves.toBe(1)
  const url = await openEntry(editor, 'KB-1068')
  const before = await publicTitle('KB-1068')
  await editor.fill('input[name="title"]', `${before}（修订）`)
  const saved = editor.waitForResponse(
    (r) => r.url().includes('/api/knowledge-entries/') && r.request().method() !== 'GET',
  )
  await editor.click('button:has-text("保存草稿")')
  expect((await saved).status()).toBe(200)
  await editor.goto(url)
  await editor.click('[data-action="submit"]')
  await editor.waitForFunction(
    () => document.querySelector('[data-testid="workflow-state"]')?.textContent === '单位审核中',
  )
  expect(await publicTitle('KB-1068')).toBe(before)

  const reviewer = await adminLogin(product.browser, product.base, 'reviewer.rs@hotline.example')
  await expect(reviewer.locator('[data-work-list="unit_review"] a', { hasText: '（修订）' }).count()).resolves.toBe(1)
  await openEntry(reviewer, 'KB-1068')
  const diff = await reviewer.locator('.workflow-panel details').first().innerText()
  expect(diff).toContain(`${before}（修订）`)
  await reviewer.fill('textarea[aria-label="审核意见"]', '内容已核实')
  await reviewer.click('[data-action="approve_unit"]')
  await reviewer.waitForFunction(
    () => document.querySelector('[data-testid="workflow-state"]')?.textContent === '热线审核中',
  )

  const kbAdmin = await adminLogin(product.browser, product.base, 'kb-admin@hotline.example')
  await openEntry(kbAdmin, 'KB-1068')
  await kbAdmin.click('[data-action="approve_hotline"]')
  await kbAdmin.waitForFunction(
    () => document.querySelector('[data-testid="workflow-state"]')?.textContent === '已发布',
  )
  expect(await state(kbAdmin)).toBe('已发布')
  await kbAdmin.click('.workflow-panel summary:has-text("流转记录")')
  const history = await kbAdmin.locator('.workflow-panel ol').innerText()
  expect(history).toMatch(/审核发布[\s\S]*单位审核通过：内容已核实[\s\S]*提交审核/)
  expect(await publicTitle('KB-1068')).toBe(`${before}（修订）`)
}, 120_000)

// ---- Security (issue 13): stored XSS, CSP, offline pages, credentials in the log ----

/** Credentials this file used; none of them may appear in the server's log. */
const secrets: string[] = []

async function restLogin(email: string): Promise<string> {
  const res = await fetch(`${product.base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'Demo@12345' }),
  })
  const { token } = (await res.json()) as { token: string }
  secrets.push(token)
  return `JWT ${token}`
}

const PAYLOAD = '<img src=x onerror="window.__xss=1">'

it('console and public search: an entry whose title and summary carry HTML never run it', async () => {
  const kbAdmin = await restLogin('kb-admin@hotline.example')
  const units = (await (
    await fetch(`${product.base}/api/units?limit=1`, { headers: { authorization: kbAdmin } })
  ).json()) as {
    docs: { id: number }[]
  }
  const created = await fetch(`${product.base}/api/knowledge-entries`, {
    method: 'POST',
    headers: { authorization: kbAdmin, 'content-type': 'application/json' },
    body: JSON.stringify({
      type: 'faq',
      title: `社保卡跨省使用${PAYLOAD}`,
      summary: `${PAYLOAD}异地就医直接结算`,
      audience: 'public',
      unit: units.docs[0]!.id,
      faq: { question: '社保卡能跨省用吗', answer: '可以' },
    }),
  })
  expect(created.status).toBe(201)
  const { doc } = (await created.json()) as { doc: { id: number } }
  const published = await fetch(`${product.base}/api/knowledge-entries/${doc.id}/transition`, {
    method: 'POST',
    headers: { authorization: kbAdmin, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'publish_urgent', comment: '安全测试' }),
  })
  expect(published.status).toBe(200)
  await new Promise((r) => setTimeout(r, 1500)) // the outbox indexes it

  const agent = await adminLogin(product.browser, product.base, 'agent@hotline.example')
  await agent.goto(`${product.base}/console`)
  // "img onerror" matches only the markup: the old console then injected the raw title.
  for (const q of ['img onerror', '社保卡跨省使用']) {
    await agent.fill('#console-q', q)
    await agent.waitForSelector('.console-hits li:has-text("社保卡跨省使用")')
    expect(await agent.locator('.console-hits img').count()).toBe(0)
    expect(await agent.locator('.console-hits li', { hasText: '社保卡跨省使用' }).first().innerText()).toContain('<img')
  }
  expect(await agent.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()

  const visitor = await (await product.browser.newContext()).newPage()
  await visitor.goto(`${product.base}/search?q=${encodeURIComponent('社保卡跨省使用')}`)
  expect(await visitor.locator('ol.hits li', { hasText: '社保卡跨省使用' }).count()).toBeGreaterThan(0)
  expect(await visitor.locator('ol.hits img').count()).toBe(0)
  expect(await visitor.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined()
}, 120_000)

it('sends a nonce-based Content-Security-Policy with every page and a closed one with API answers', async () => {
  for (const path of ['/', '/search?q=%E7%A4%BE%E4%BF%9D', '/console', '/admin/login']) {
    const res = await fetch(`${product.base}${path}`)
    const policy = res.headers.get('content-security-policy') ?? ''
    const nonce = /'nonce-([^']+)'/.exec(policy)?.[1]
    expect([path, nonce]).toEqual([path, expect.any(String)])
    expect(policy).toContain("object-src 'none'")
    expect(policy).toContain("frame-ancestors 'none'")
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/)
    // Next put the nonce on its scripts.
    expect(await res.text()).toContain(`nonce="${nonce}"`)
  }
  const api = await fetch(`${product.base}/api/v1/health`)
  expect(api.headers.get('content-security-policy')).toMatch(/^default-src 'none'/)
}, 60_000)

it('offline: every page loads fully with all non-loopback requests blocked, with no console errors', async () => {
  const admin = await restLogin('admin@hotline.example')
  const order = (
    (await (
      await fetch(`${product.base}/api/work-orders?limit=1&depth=0`, { headers: { authorization: admin } })
    ).json()) as {
      docs: { id: number }[]
    }
  ).docs[0]!
  const entry = (
    (await (
      await fetch(`${product.base}/api/knowledge-entries?limit=1&depth=0`, { headers: { authorization: admin } })
    ).json()) as {
      docs: { id: number; code: string }[]
    }
  ).docs[0]!

  const context = await product.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } })
  const outside: string[] = []
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname
    if (['127.0.0.1', 'localhost', '[::1]'].includes(host)) return route.continue()
    outside.push(route.request().url())
    return route.abort('internetdisconnected')
  })
  const problems: string[] = []
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`${page.url()}: ${m.text()}`)
    })
    page.on('pageerror', (err) => problems.push(`${page.url()}: ${err.message}`))
  })
  const page = await loginIn(context, product.base, 'admin@hotline.example')
  const pages = [
    '/',
    `/search?q=${encodeURIComponent('身份证丢了咋办')}`,
    `/entries/KB-1068`,
    '/console',
    '/admin',
    '/admin/reports',
    '/admin/account',
    '/admin/collections/work-orders',
    `/admin/collections/work-orders/${order.id}`,
    `/admin/collections/knowledge-entries/${entry.id}`,
    '/admin/collections/users',
    '/admin/collections/api-keys',
  ]
  for (const path of pages) {
    const res = await page.goto(`${product.base}${path}`, { waitUntil: 'networkidle' })
    expect([path, res?.status()]).toEqual([path, 200])
    if (path.startsWith('/admin/collections/work-orders/')) {
      // The history renders as a table, not as a code editor fetched from a CDN.
      await page.waitForSelector('.timeline-field table')
      expect(await page.locator('.timeline-field').innerText()).toContain('登记')
    }
  }
  expect(outside).toEqual([])
  expect(problems).toEqual([])
  for (const cookie of await context.cookies()) if (cookie.name === 'payload-token') secrets.push(cookie.value)
}, 180_000)

it('writes no credential to the log: session tokens, cookies, API keys', async () => {
  const admin = await restLogin('admin@hotline.example')
  const created = await fetch(`${product.base}/api/api-keys`, {
    method: 'POST',
    headers: { authorization: admin, 'content-type': 'application/json' },
    body: JSON.stringify({ name: '日志测试', scopes: ['agent'] }),
  })
  const { doc } = (await created.json()) as { doc: { key: string } }
  secrets.push(doc.key)
  const bearer = { authorization: `Bearer ${doc.key}` }
  expect(
    (await fetch(`${product.base}/api/v1/agent/search?q=${encodeURIComponent('社保')}`, { headers: bearer })).status,
  ).toBe(200)
  await fetch(`${product.base}/api/mcp`, {
    method: 'POST',
    headers: { ...bearer, 'content-type': 'application/json', accept: 'application/json, text/event-stream' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
  })
  const login = await fetch(`${product.base}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'agent@hotline.example', password: 'Demo@12345' }),
  })
  const cookie = login.headers
    .getSetCookie()
    .find((c) => c.startsWith('payload-token='))!
    .split(';')[0]!
  secrets.push(cookie.slice('payload-token='.length))
  await fetch(`${product.base}/api/users/me`, { headers: { cookie } })
  await new Promise((r) => setTimeout(r, 500))

  const log = product.server.output()
  // Request logging is on, one line per request (src/http/requestLog.ts), and logs no header at all.
  expect(log).toContain('"url":"/api/users/me"')
  expect(log).toContain(`"url":"/api/v1/agent/search?q=${encodeURIComponent('社保')}"`)
  expect(log).toContain('"url":"/api/mcp"')
  expect(log).not.toMatch(/"(?:authorization|cookie|set-cookie)":/i)
  expect(secrets.length).toBeGreaterThanOrEqual(5)
  for (const secret of secrets) expect(log.includes(secret)).toBe(false)
}, 60_000)
