/**
 * What a new user found walking the product (issue 15), driven only through the UI of the real
 * product in Chromium: browsing by category, the review diff in words, the 410 page, the admin's
 * upload with its preview, and pages free of English leftovers and console errors while every
 * non-loopback request is blocked.
 */
import type { Page } from 'playwright-core'

import { demoEntryRecords } from '../../src/seed/demo'
import { adminLogin, follow, guarded, loginIn } from '../helpers/browser'
import { useProductInBrowser } from '../helpers/productInBrowser'

const product = useProductInBrowser()

/** The demo's codes are fixed by its order; the test only needs to know which one is which. */
const demoCode = (title: string) =>
  (demoEntryRecords(new Date()).find((r) => (r.record as { title: string }).title === title)!.record as { id: string })
    .id

/** A browser context that reaches nothing but the product, and collects every console error. */
const offlineContext = (viewport?: { width: number; height: number }) =>
  // A 404 or 410 page is the answer asked for; Chromium reports its status as an error line.
  guarded(product.browser, { viewport, ignore: /status of 40[14]|status of 410/ })

/** Opens an entry's edit view from the admin's list, by its code. */
async function openEntry(page: Page, code: string) {
  await page.goto(`${product.base}/admin/collections/knowledge-entries?where[code][equals]=${code}`)
  // The list rewrites its address (depth, limit) once it has loaded; a click racing that rewrite is
  // lost, so follow the row's link itself.
  await follow(page, page.locator('table tbody a[href*="/collections/knowledge-entries/"]').first())
  await page.waitForSelector('[data-testid="workflow-state"]')
}

const workflowState = (page: Page) => page.locator('[data-testid="workflow-state"]').innerText()
/** The state in the edit view's header, where Payload shows its draft/published status. */
const headerState = (page: Page) => page.locator('.doc-controls [data-testid="header-workflow-state"]').innerText()

it('public: every category tile lists its entries, page by page, and a phone keeps results in view', async () => {
  const { context, outside, problems } = await offlineContext({ width: 390, height: 844 })
  const page = await context.newPage()
  await page.goto(`${product.base}/`)
  const tiles = page.locator('section[aria-labelledby="catalog"] .grid a')
  const count = await tiles.count()
  expect(count).toBeGreaterThanOrEqual(10)
  for (let i = 0; i < count; i++) {
    await page.goto(`${product.base}/`)
    const name = await tiles.nth(i).innerText()
    await tiles.nth(i).click()
    await page.waitForURL(/\/categories\//)
    expect(await page.locator('h1').innerText()).toContain(name)
    expect(await page.content()).not.toContain('没有找到确切的答案')
    expect([name, (await page.locator('[data-category-entries] li').count()) > 0]).toEqual([name, true])
  }
  // A category with more than one page of entries: the pager leads on.
  await page.goto(`${product.base}/`)
  await tiles.filter({ hasText: '社会保障' }).first().click()
  await page.waitForURL(/\/categories\//)
  if (await page.locator('.pager a:has-text("下一页")').count()) {
    const first = await page.locator('[data-category-entries] li h2').first().innerText()
    await page.click('.pager a:has-text("下一页")')
    await page.waitForURL(/page=2/)
    expect(await page.locator('[data-category-entries] li h2').first().innerText()).not.toBe(first)
  }

  // On a phone, the search's category filter stays one line: the first result is on the first screen.
  await page.goto(`${product.base}/`)
  await page.fill('#q', '社保')
  await page.press('#q', 'Enter')
  await page.waitForURL(/\/search\?q=/)
  const box = await page.locator('ol.hits li').first().boundingBox()
  expect(box!.y).toBeLessThan(844)
  expect(outside).toEqual([])
  expect(problems).toEqual([])
}, 180_000)

it('public: an entry shows 设定依据 and dialable phones without repeating itself; an expired one answers 410', async () => {
  const { context, outside, problems } = await offlineContext()
  const page = await context.newPage()
  await page.goto(`${product.base}/`)
  await page.fill('#q', '居民身份证首次申领')
  await page.press('#q', 'Enter')
  await page.waitForURL(/\/search\?q=/)
  await page.locator('ol.hits li h2 a', { hasText: '居民身份证首次申领' }).first().click()
  await page.waitForURL(/\/entries\//)
  expect(await page.locator('section.part h2').allInnerTexts()).toContain('设定依据')
  const tel = page.locator('section.part', { hasText: '咨询电话' }).locator('a[href^="tel:"]')
  expect(await tel.count()).toBeGreaterThan(0)
  const details = page.locator('section.part', { hasText: '详细说明' })
  if (await details.count()) expect(await details.innerText()).not.toMatch(/办理条件：|申请材料：/)
  // The site's own icon, from the product itself.
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href')
  expect(icon).toMatch(/^\/icon/)

  // An old bookmark to the expired 2024 policy: gone, with the way to its successor.
  const response = await page.goto(
    `${product.base}/entries/${demoCode('江临市高校毕业生就业补贴政策（2024年版，已废止）')}`,
  )
  expect(response?.status()).toBe(410)
  expect(await page.locator('h1').innerText()).toBe('该信息已过期')
  expect(await page.locator('header').innerText()).toContain('江临 12345')
  // Styled: the stylesheet ran (the page's background strip is the site's red).
  expect(await page.locator('header').evaluate((h) => getComputedStyle(h).backgroundColor)).toBe('rgb(181, 18, 27)')
  await page.locator('[data-successors] a').first().click()
  await page.waitForURL(/\/entries\//)
  expect(await page.locator('h1').innerText()).toBe('江临市高校毕业生就业补贴政策（2026年版）')

  // An address that names nothing: the site's own 404, in Chinese.
  const missing = await page.goto(`${product.base}/no-such-page`)
  expect(missing?.status()).toBe(404)
  expect(await page.locator('h1').innerText()).toBe('没有找到这个页面')
  expect(await page.locator('body').innerText()).not.toContain('could not be found')
  expect(outside).toEqual([])
  expect(problems).toEqual([])
}, 120_000)

it('admin: a reviewer reads the diff in labels, on a read-only form whose header agrees with the panel', async () => {
  const editor = await adminLogin(product.browser, product.base, 'editor.rs@hotline.example')
  // An entry of the editor's unit (人社局).
  const rsCode = demoCode('江临市高校毕业生就业补贴政策（2026年版）')
  await openEntry(editor, rsCode)
  const before = await editor.locator('input[name="title"]').inputValue()
  await editor.fill('input[name="title"]', `${before}（修订）`)
  await editor.fill('textarea[name="summary"]', '修订后的摘要。')
  const saved = editor.waitForResponse(
    (r) => r.url().includes('/api/knowledge-entries/') && r.request().method() !== 'GET',
  )
  await editor.click('button:has-text("保存草稿")')
  expect((await saved).status()).toBe(200)
  await openEntry(editor, rsCode)
  await editor.click('[data-action="submit"]')
  await editor.waitForFunction(
    () => document.querySelector('[data-testid="workflow-state"]')?.textContent === '单位审核中',
  )
  // A confirmation survives the reload, and the header says what the panel says (not 草稿).
  expect(await editor.locator('.workflow-panel [role="status"]').innerText()).toContain('已提交审核')
  expect(await headerState(editor)).toBe('单位审核中')
  // While it is in review the editor's own form is read-only too, and says why (no save to be refused).
  await openEntry(editor, rsCode)
  expect(await editor.locator('input[name="title"]').isDisabled()).toBe(true)
  expect(await editor.locator('textarea[name="summary"]').isDisabled()).toBe(true)
  expect(await editor.locator('button:has-text("保存草稿")').count()).toBe(0)
  expect(await editor.locator('[data-testid="read-only-reason"]').innerText()).toBe(
    '表单为只读：条目「单位审核中」，审核期间不能修改；如需修改请先撤回',
  )

  const reviewer = await adminLogin(product.browser, product.base, 'reviewer.rs@hotline.example')
  await openEntry(reviewer, rsCode)
  expect(await workflowState(reviewer)).toBe('单位审核中')
  expect(await headerState(reviewer)).toBe(await workflowState(reviewer))
  expect(await reviewer.locator('.doc-controls').innerText()).not.toContain('草稿')
  const diff = await reviewer.locator('.workflow-panel details').first().innerText()
  expect(diff).toContain('标题')
  expect(diff).toContain('摘要')
  expect(diff).not.toMatch(/\btitle\b|\bsummary\b|guide\.|policy\./)
  // The reviewer reviews: the form is read-only, with no save to be refused.
  expect(await reviewer.locator('input[name="title"]').isDisabled()).toBe(true)
  expect(await reviewer.locator('button:has-text("保存草稿")').count()).toBe(0)
  expect(await reviewer.locator('[data-testid="read-only-reason"]').innerText()).toContain('只有本单位的编辑可以修改')
  await reviewer.click('[data-action="approve_unit"]')
  await reviewer.waitForFunction(
    () => document.querySelector('[data-testid="workflow-state"]')?.textContent === '热线审核中',
  )
  expect(await reviewer.locator('.workflow-panel [role="status"]').innerText()).toContain('单位审核通过')

  const kbAdmin = await adminLogin(product.browser, product.base, 'kb-admin@hotline.example')
  await openEntry(kbAdmin, rsCode)
  await kbAdmin.click('[data-action="approve_hotline"]')
  await kbAdmin.waitForFunction(
    () => document.querySelector('[data-testid="workflow-state"]')?.textContent === '已发布',
  )
  expect(await kbAdmin.locator('.workflow-panel [role="status"]').innerText()).toContain('审核发布')
  // Dates in the history in the product's one style.
  await kbAdmin.click('.workflow-panel summary:has-text("流转记录")')
  expect(await kbAdmin.locator('.workflow-panel ol').innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
}, 180_000)

it('admin: a unit editor uploads a spreadsheet, sees the preview with reasons, then imports it', async () => {
  const { context, outside, problems } = await offlineContext()
  const page = await loginIn(context, product.base, 'editor.rs@hotline.example')
  // The navigation links to the view (the drawer itself is closed at this width).
  expect(await page.locator('a[href="/admin/import"]').count()).toBeGreaterThan(0)
  await page.goto(`${product.base}/admin/import`)
  const csv = [
    '类型,承办单位,知识库目录,标题,申请材料（；分隔）,办理流程(;分隔),相似问（；分隔）,备注',
    '办事指南,江临市人力资源和社会保障局,社会保障/养老保险,上传测试：退休人员资格认证,身份证；社保卡,线上认证；窗口认证,退休认证怎么做,内部',
    '办事指南,江临市公安局,户籍证件/身份证,上传测试：别的单位,身份证,申请,,',
  ].join('\n')
  await page.setInputFiles('input[type="file"]', {
    name: '导入.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  })
  await page.click('button:has-text("预览")')
  await page.waitForSelector('[data-import-report="preview"]')
  const preview = await page.locator('[data-import-report="preview"]').innerText()
  expect(preview).toContain('将新建 1 条')
  expect(preview).toContain('拒绝 1 条')
  expect(preview).toContain('未识别的列已忽略：备注')
  expect(await page.locator('tr[data-action="reject"]').innerText()).toContain('只能导入本单位的条目')
  await page.click('button:has-text("确认导入")')
  await page.waitForSelector('[data-import-report="import"]')
  expect(await page.locator('[data-import-report="import"] [role="status"]').innerText()).toContain('新建 1 条')

  expect(outside).toEqual([])
  expect(problems).toEqual([])
}, 180_000)

it('admin and site: no English leftovers, one date style, no console errors, nothing from outside', async () => {
  const { context, outside, problems } = await offlineContext()
  const login = await context.newPage()
  await login.goto(`${product.base}/admin/login`)
  await login.waitForSelector('input[name="email"]')
  const loginText = await login.locator('body').innerText()
  expect(loginText).toContain('江临 12345')
  expect(loginText).not.toMatch(/\bAPI\b|Payload/)
  const page = await loginIn(context, product.base, 'admin@hotline.example')

  const texts: Record<string, string> = {}
  const visit = async (path: string, status = 200) => {
    const res = await page.goto(`${product.base}${path}`, { waitUntil: 'networkidle' })
    expect([path, res?.status()]).toEqual([path, status])
    texts[path] = await page.locator('body').innerText()
  }
  await visit('/admin/collections/work-orders')
  await follow(page, page.locator('table tbody tr a').first())
  await page.waitForSelector('.timeline-field')
  const order = await page.locator('body').innerText()
  // "API 密钥" is the name of the API-key collection in the navigation; an "API" tab is not.
  expect(order).not.toMatch(/Cited Entry|\bAPI\b(?! 密钥)/)
  expect(order).not.toMatch(/上午|下午|\d{1,2}\/\d{1,2}\/\d{4}|T\d{2}:\d{2}:\d{2}/)

  await visit('/admin/collections/knowledge-entries')
  await visit('/admin/import')
  await visit('/admin/no-such-view', 404)
  for (const [path, text] of Object.entries(texts)) {
    expect([path, text]).not.toEqual([
      path,
      expect.stringMatching(/Nothing found|Not Found|could not be found|\bAPI\b(?! 密钥)/),
    ])
    expect([path, text]).not.toEqual([path, expect.stringMatching(/上午|下午|\d{1,2}\/\d{1,2}\/\d{4}/)])
  }
  expect(texts['/admin/no-such-view']).toMatch(/[\u4e00-\u9fa5]/)
  expect(outside).toEqual([])
  expect(problems).toEqual([])
}, 180_000)
