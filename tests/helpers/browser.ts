/** Debian's Chromium driven by playwright-core, as the project's browser tests use it. */
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core'

export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })

export async function adminLogin(
  browser: Browser,
  base: string,
  email: string,
  password = 'Demo@12345',
): Promise<Page> {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } })
  return loginIn(context, base, email, password)
}

/** Signs in through the admin's login form in the given browser context. */
export async function loginIn(context: BrowserContext, base: string, email: string, password = 'Demo@12345') {
  const page = await context.newPage()
  await page.goto(`${base}/admin/login`)
  await page.fill('input[name="email"]', email)
  await page.fill('input[name="password"]', password)
  await page.click('button[type="submit"]')
  await page.waitForURL(`${base}/admin`)
  return page
}

/**
 * Follows a link by its address. The admin's lists rewrite their own address once loaded; a click
 * racing that rewrite is lost, so tests that open a row go to its link instead of clicking it.
 */
export async function follow(page: Page, link: Locator) {
  const href = await link.getAttribute('href')
  if (!href) throw new Error('the link has no address')
  await page.goto(new URL(href, page.url()).toString())
}
