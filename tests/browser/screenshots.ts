/**
 * `npm run screenshots`: starts the product with demo data and writes the README's screenshots to
 * docs/screenshots (desktop and phone widths). Not a test; run it after visible changes.
 */
import fs from 'node:fs'
import path from 'node:path'

import { startProduct } from '../../src/cli/productProcess'
import { adminLogin, launchBrowser } from '../helpers/browser'

const out = path.resolve('docs/screenshots')
fs.mkdirSync(out, { recursive: true })
// The tests' clock, so that the demo's order numbers (dated from it) are the ones the look-up below asks for.
const server = await startProduct({ HOTLINE_NOW: '2026-11-25T10:00:00+08:00' })
const browser = await launchBrowser()
try {
  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 860 }],
    ['mobile', { width: 390, height: 844 }],
  ] as const) {
    const page = await (await browser.newContext({ locale: 'zh-CN', viewport })).newPage()
    await page.goto(`${server.base}/`)
    await page.screenshot({ path: path.join(out, `home-${size}.png`) })
    await page.goto(`${server.base}/search?q=${encodeURIComponent('身份证丢了咋办')}`)
    await page.screenshot({ path: path.join(out, `results-${size}.png`) })
    await page.click('ol.hits li:first-child h2 a')
    await page.waitForURL(/entries/)
    await page.screenshot({ path: path.join(out, `entry-${size}.png`), fullPage: size === 'mobile' })
  }
  const agent = await adminLogin(browser, server.base, 'agent@hotline.example')
  await agent.goto(`${server.base}/console`)
  await agent.fill('#console-q', '公积金提取')
  await agent.waitForSelector('.console-hits li')
  await agent.click('.console-hits li:first-child')
  await agent.waitForSelector('.console-entry h2')
  await agent.screenshot({ path: path.join(out, 'console.png') })
  const reviewer = await adminLogin(browser, server.base, 'reviewer.rs@hotline.example')
  await reviewer.screenshot({ path: path.join(out, 'admin-dashboard.png') })
  const dispatcher = await adminLogin(browser, server.base, 'dispatcher@hotline.example')
  await dispatcher.goto(`${server.base}/admin/reports`)
  await dispatcher.waitForSelector('[data-report="summary"]')
  await dispatcher.screenshot({ path: path.join(out, 'admin-reports.png'), fullPage: true })
  // The work-order desks (issue 15): the intake form, each role's desk, an order, the supervision desk.
  await agent.goto(`${server.base}/console`)
  await agent.fill('#in-phone', '13900001234')
  await agent.fill('#in-title', '公积金提取迟迟未到账')
  await agent.fill('#in-content', '上月申请租房提取公积金，至今未到账，请核实。')
  await agent.screenshot({ path: path.join(out, 'console-intake.png'), fullPage: true })
  await dispatcher.goto(`${server.base}/desk/dispatch`)
  await dispatcher.screenshot({ path: path.join(out, 'desk-dispatch.png'), fullPage: true })
  await dispatcher.goto(`${server.base}/desk/dispatch?queue=callback`)
  const first = dispatcher.locator('table.queue a').first()
  if (await first.count()) {
    await first.click()
    await dispatcher.waitForSelector('article.order')
    await dispatcher.screenshot({ path: path.join(out, 'desk-order.png'), fullPage: true })
    await dispatcher.emulateMedia({ media: 'print' })
    await dispatcher.screenshot({ path: path.join(out, 'desk-order-print.png'), fullPage: true })
    await dispatcher.emulateMedia({ media: 'screen' })
  }
  const handler = await adminLogin(browser, server.base, 'handler.rs@hotline.example')
  await handler.goto(`${server.base}/desk/unit?queue=handling`)
  await handler.screenshot({ path: path.join(out, 'desk-unit.png'), fullPage: true })
  const supervisor = await adminLogin(browser, server.base, 'supervisor@hotline.example')
  await supervisor.goto(`${server.base}/desk/supervision`)
  await supervisor.screenshot({ path: path.join(out, 'desk-supervision.png'), fullPage: true })
  await supervisor.goto(`${server.base}/desk`)
  await supervisor.screenshot({ path: path.join(out, 'desk-home.png'), fullPage: true })
  // The public progress look-up, the admin's import and the search tools.
  const claimant = await (
    await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 860 } })
  ).newPage()
  await claimant.goto(`${server.base}/progress`)
  await claimant.fill('input[name="number"]', 'GD20261115000001')
  await claimant.fill('input[name="phoneLast4"]', '0002')
  await claimant.click('button:has-text("查询")')
  await claimant.waitForSelector('dl.progress-result')
  await claimant.screenshot({ path: path.join(out, 'progress.png'), fullPage: true })
  const admin = await adminLogin(browser, server.base, 'kb-admin@hotline.example')
  for (const view of ['import', 'search-test', 'search-analytics']) {
    await admin.goto(`${server.base}/admin/${view}`, { waitUntil: 'networkidle' })
    await admin.screenshot({ path: path.join(out, `admin-${view}.png`), fullPage: true })
  }
  console.log(`screenshots written to ${out}`)
} finally {
  await browser.close()
  await server.stop()
}
