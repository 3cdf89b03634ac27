/**
 * The real product (server.ts with the production build and demo data) in Debian's Chromium: the
 * public FAQ site and the review workflow in the admin. One file, one server: two servers would race
 * to rebuild when the sources changed.
 */
import type { Browser, Page } from 'playwright-core'

import { adminLogin, launchBrowser } from '../helpers/browser'
import { type RunningServer, startServer } from '../helpers/server'

// Starting the product (and building it, when sources changed since the last build) takes a while.
const START_TIMEOUT = 300_000

let server: RunningServer
let browser: Browser

beforeAll(async () => {
  server = await startServer()
  browser = await launchBrowser()
}, START_TIMEOUT)

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

const phone = () => browser.newContext({ locale: 'zh-CN', viewport: { width: 390, height: 844 }, isMobile: true })

it('public: finds a guide by a colloquial question and shows its materials as a checklist', async () => {
  const page = await (await phone()).newPage()
  await page.goto(`${server.base}/`)
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
  const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false })
  const page = await context.newPage()
  // A demo answer script's own title, searched for by the public.
  const scripts = (await (
    await fetch(`${server.base}/api/v1/public/search?q=${encodeURIComponent('答复口径')}`)
  ).json()) as { hits: { type: string }[] }
  expect(scripts.hits.every((h) => h.type !== 'script')).toBe(true)
  await page.goto(`${server.base}/search?q=${encodeURIComponent('养老金调整尚未公布时的答复口径')}`)
  const badges = await page.locator('ol.hits .badge').allInnerTexts()
  expect(badges).not.toContain('答复口径')
  const response = await page.goto(`${server.base}/entries/KB-1118`)
  expect(response?.status()).toBe(404)
  await page.goto(`${server.base}/search?q=${encodeURIComponent('zzzz完全无关的问题qqq')}`)
  expect(await page.locator('.empty').innerText()).toContain('12345')
}, 120_000)

it('public: a claimant looks up their order’s progress without JavaScript, and a wrong pair finds nothing', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto(`${server.base}/`)
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
  const page = await adminLogin(browser, server.base, 'agent@hotline.example')
  await page.goto(`${server.base}/console`)
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
  ((await (await fetch(`${server.base}/api/v1/public/entries/${code}`)).json()) as { title: string }).title

async function openEntry(page: Page, code: string): Promise<string> {
  const id = await page.evaluate(
    async (c) =>
      (await (await fetch(`/api/knowledge-entries?where[code][equals]=${c}&depth=0&draft=true`)).json()).docs[0].id,
    code,
  )
  const url = `${server.base}/admin/collections/knowledge-entries/${id}`
  await page.goto(url)
  await page.waitForSelector('[data-testid="workflow-state"]')
  return url
}

const state = (page: Page) => page.locator('[data-testid="workflow-state"]').innerText()

it('admin: takes an edit of a published entry through both reviews to publication', async () => {
  const editor = await adminLogin(browser, server.base, 'editor.rs@hotline.example')
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

  const reviewer = await adminLogin(browser, server.base, 'reviewer.rs@hotline.example')
  await expect(reviewer.locator('[data-work-list="unit_review"] a', { hasText: '（修订）' }).count()).resolves.toBe(1)
  await openEntry(reviewer, 'KB-1068')
  const diff = await reviewer.locator('.workflow-panel details').first().innerText()
  expect(diff).toContain(`${before}（修订）`)
  await reviewer.fill('textarea[aria-label="审核意见"]', '内容已核实')
  await reviewer.click('[data-action="approve_unit"]')
  await reviewer.waitForFunction(
    () => document.querySelector('[data-testid="workflow-state"]')?.textContent === '热线审核中',
  )

  const kbAdmin = await adminLogin(browser, server.base, 'kb-admin@hotline.example')
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
