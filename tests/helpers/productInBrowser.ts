/**
 * One test file's real product and Chromium: started before its tests (building the product first
 * when sources changed takes a while), stopped after them. Contexts from `context` and `signIn` reach
 * nothing but the product and collect into the file's `outside` and `problems`.
 */
import type { Browser } from 'playwright-core'

import { type RunningProduct, startProduct } from '../../src/cli/productProcess'
import { guarded, launchBrowser, loginIn } from './browser'

const START_TIMEOUT = 300_000

export function useProductInBrowser(env: Record<string, string> = {}) {
  const outside: string[] = []
  const problems: string[] = []
  let server: RunningProduct | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    server = await startProduct(env)
    browser = await launchBrowser()
  }, START_TIMEOUT)
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  const product = {
    /** Requests that tried to leave the machine, and console errors, across the file's contexts. */
    outside,
    problems,
    get server() {
      return server!
    },
    get base() {
      return server!.base
    },
    get browser() {
      return browser!
    },
    context: async () => (await guarded(product.browser, { outside, problems })).context,
    signIn: async (email: string) => loginIn(await product.context(), product.base, email),
  }
  return product
}
