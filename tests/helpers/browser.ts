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
  // Each role lands on its own page (its desk, the console or the admin), so wait to leave the form.
  await page.waitForURL((url) => !/^\/admin\/(login|start)\b/.test(url.pathname))
  await page.waitForLoadState()
  return page
}

export type GuardedContext = { context: BrowserContext; outside: string[]; problems: string[] }

/**
 * A browser context that reaches nothing but the product: every non-loopback request is aborted and
 * recorded in `outside`, every console error and page error in `problems`. Pass arrays to collect
 * across contexts; `ignore` leaves out console lines a test expects (e.g. the status of a 404 page).
 */
export async function guarded(
  browser: Browser,
  options: {
    viewport?: { width: number; height: number }
    outside?: string[]
    problems?: string[]
    ignore?: RegExp
  } = {},
): Promise<GuardedContext> {
  const { viewport = { width: 1400, height: 1000 }, outside = [], problems = [], ignore } = options
  const context = await browser.newContext({ locale: 'zh-CN', viewport })
  await context.route('**/*', (route) => {
    const host = new URL(route.request().url()).hostname
    if (['127.0.0.1', 'localhost', '[::1]'].includes(host)) return route.continue()
    outside.push(route.request().url())
    return route.abort('internetdisconnected')
  })
  context.on('page', (page) => {
    page.on('console', (m) => {
      if (m.type() === 'error' && !ignore?.test(m.text())) problems.push(`${page.url()}: ${m.text()}`)
    })
    page.on('pageerror', (err) => problems.push(`${page.url()}: ${err.message}`))
  })
  return { context, outside, problems }
}

/**
 * Opens a link by its address instead of clicking it. A Payload admin list rewrites its own URL (depth,
 * limit) once it has loaded, and a click on a row racing that rewrite is lost.
 */
export async function follow(page: Page, link: Locator): Promise<void> {
  const href = await link.getAttribute('href')
  if (!href) throw new Error('the link has no href')
  await page.goto(new URL(href, page.url()).toString())
}
