/**
 * The review workflow in the real admin: a unit editor edits a published entry and submits it, the
 * unit reviewer sees the diff and approves, the kb-admin publishes; the public API serves the old
 * title until then and the new one after, and the history shows every step.
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

const publicTitle = async (code: string) => ((await (await fetch(`${server.base}/api/v1/public/entries/${code}`)).json()) as { title: string }).title

async function openEntry(page: Page, code: string): Promise<string> {
  const id = await page.evaluate(async (c) => (await (await fetch(`/api/knowledge-entries?where[code][equals]=${c}&depth=0&draft=true`)).json()).docs[0].id, code)
  const url = `${server.base}/admin/collections/knowledge-entries/${id}`
  await page.goto(url)
  await page.waitForSelector('[data-testid="workflow-state"]')
  return url
}

const state = (page: Page) => page.locator('[data-testid="workflow-state"]').innerText()

it('takes an edit of a published entry through both reviews to publication', async () => {
  const editor = await adminLogin(browser, server.base, 'editor.rs@hotline.example')
  await expect(editor.locator('text=待我处理').count()).resolves.toBe(1)
  const url = await openEntry(editor, 'KB-1068')
  const before = await publicTitle('KB-1068')
  await editor.fill('input[name="title"]', `${before}（修订）`)
  const saved = editor.waitForResponse((r) => r.url().includes('/api/knowledge-entries/') && r.request().method() !== 'GET')
  await editor.click('button:has-text("保存草稿")')
  expect((await saved).status()).toBe(200)
  await editor.goto(url)
  await editor.click('[data-action="submit"]')
  await editor.waitForFunction(() => document.querySelector('[data-testid="workflow-state"]')?.textContent === '单位审核中')
  expect(await publicTitle('KB-1068')).toBe(before)

  const reviewer = await adminLogin(browser, server.base, 'reviewer.rs@hotline.example')
  await expect(reviewer.locator('[data-work-list="unit_review"] a', { hasText: '（修订）' }).count()).resolves.toBe(1)
  await openEntry(reviewer, 'KB-1068')
  const diff = await reviewer.locator('.workflow-panel details').first().innerText()
  expect(diff).toContain(`${before}（修订）`)
  await reviewer.fill('textarea[aria-label="审核意见"]', '内容已核实')
  await reviewer.click('[data-action="approve_unit"]')
  await reviewer.waitForFunction(() => document.querySelector('[data-testid="workflow-state"]')?.textContent === '热线审核中')

  const kbAdmin = await adminLogin(browser, server.base, 'kb-admin@hotline.example')
  await openEntry(kbAdmin, 'KB-1068')
  await kbAdmin.click('[data-action="approve_hotline"]')
  await kbAdmin.waitForFunction(() => document.querySelector('[data-testid="workflow-state"]')?.textContent === '已发布')
  expect(await state(kbAdmin)).toBe('已发布')
  await kbAdmin.click('.workflow-panel summary:has-text("流转记录")')
  const history = await kbAdmin.locator('.workflow-panel ol').innerText()
  expect(history).toMatch(/审核发布[\s\S]*单位审核通过：内容已核实[\s\S]*提交审核/)
  expect(await publicTitle('KB-1068')).toBe(`${before}（修订）`)
}, 120_000)
