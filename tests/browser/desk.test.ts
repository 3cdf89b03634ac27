/**
 * The work-order desks in Chromium, driven only through the UI: a call taken at the console, dispatched,
 * signed for, extended, replied, called back 不满意, reopened, replied, 满意 and closed; a return approved
 * and redispatched; a 督办 by hand with its rectification; the claimant's progress on the public site.
 * Every page runs with all non-loopback requests blocked and must log no console error.
 */
import type { Locator, Page } from 'playwright-core'

import { guarded, loginIn } from '../helpers/browser'
import { useProductInBrowser } from '../helpers/productInBrowser'

const product = useProductInBrowser()

const { signIn, outside, problems } = product

const PHONE = '13900001234'
/** A 1×1 PNG: the photo a unit attaches as evidence. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** Takes a call at the console and submits it for dispatch; returns the order number. */
async function takeCall(agent: Page, title: string, content: string) {
  await agent.goto(`${product.base}/console`)
  await agent.fill('#in-phone', PHONE)
  await agent.fill('#in-name', '陈立')
  await agent.selectOption('#in-type', 'help')
  await agent.fill('#in-title', title)
  await agent.fill('#in-content', content)
  // The model trained on the demo's closed orders suggests the category; one click accepts it.
  const suggestion = agent.getByLabel('分类建议').locator('button', { hasText: '住房公积金/提取' })
  await suggestion.click()
  const chosen = await agent.locator('#in-category').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)
  expect(chosen).toContain('住房公积金/提取')
  await agent.fill('#in-district', '江北区')
  await agent.fill('#in-address', '滨江路 88 号')
  await agent.click('form.intake button[type="submit"]')
  const status = await agent.waitForSelector('text=/已提交派单，工单 GD\\d{14}/')
  return (await status.innerText()).match(/GD\d{14}/)![0]
}

/** Opens an order from a desk's queue by its number. */
async function openFromQueue(page: Page, path: string, number: string) {
  await page.goto(`${product.base}${path}`)
  await page.click(`table.queue a:has-text("${number}")`)
  await page.waitForURL(new RegExp(`/desk/orders/${number}$`))
}

/** Takes one action on the order page and waits for the state it leads to. */
async function act(page: Page, action: string, state: string, fill?: (form: Locator) => Promise<unknown>) {
  await page.getByRole('toolbar', { name: '可执行的操作' }).getByRole('button', { name: action, exact: true }).click()
  const form = page.locator('form[data-action]')
  await fill?.(form)
  await form.locator('button[type="submit"]').click()
  await page.waitForSelector(`article.order[data-state="${state}"]`)
}

let closedOrder: string

it('each role lands on its own queue after signing in; a page that asked for sign-in is kept', async () => {
  const landings: [string, string][] = [
    ['dispatcher@hotline.example', '/desk/dispatch'],
    ['handler.rs@hotline.example', '/desk/unit'],
    ['supervisor@hotline.example', '/desk/supervision'],
    ['agent@hotline.example', '/console'],
    ['editor.rs@hotline.example', '/admin'],
    ['kb-admin@hotline.example', '/admin'],
  ]
  for (const [email, path] of landings) {
    const page = await signIn(email)
    expect([email, new URL(page.url()).pathname]).toEqual([email, path])
    await page.context().close()
  }
  const page = await (await product.context()).newPage()
  await page.goto(`${product.base}/admin/collections/work-orders`)
  await page.waitForURL(/\/admin\/login\?redirect=/)
  await page.fill('input[name="email"]', 'dispatcher@hotline.example')
  await page.fill('input[name="password"]', 'Demo@12345')
  await page.click('button[type="submit"]')
  await page.waitForURL(/\/admin\/collections\/work-orders/)
  await page.context().close()
}, 120_000)

it('console: a call is taken with a category and nothing of it leaks into the next call', async () => {
  const agent = await signIn('agent@hotline.example')
  await agent.goto(`${product.base}/console`)
  // A search with hits: open one and cite it.
  await agent.fill('#console-q', '公积金提取')
  await agent.waitForSelector('.console-hits li')
  await agent.click('.console-hits li:first-child')
  await agent.waitForSelector('.console-entry h2')
  await agent.click('button:has-text("引用此条")')
  expect(await agent.locator('form.intake ul.cited li').count()).toBe(1)
  await agent.click('button:has-text("纠错")')
  await agent.fill('#error-text', '电话已变更')
  // Another entry: the 纠错 form of the first one is gone.
  await agent.click('.console-hits li:nth-child(2)')
  await agent.waitForFunction(() => !document.querySelector('#error-text'))
  // A search with no hits: the empty state, and no entry of the previous search on screen.
  await agent.fill('#console-q', 'zzqqxxjjkkvv')
  await agent.waitForSelector('.console p.empty')
  expect(await agent.locator('.console-entry h2').count()).toBe(0)
  // 新来电: search, citations and the form start empty.
  await agent.fill('#in-title', '上一个来电')
  await agent.click('button:has-text("新来电")')
  expect(await agent.inputValue('#console-q')).toBe('')
  expect(await agent.inputValue('#in-title')).toBe('')
  expect(await agent.locator('form.intake ul.cited li').count()).toBe(0)
}, 120_000)

it('a call runs its whole life at the desks: dispatch, sign-for, extension, reply, 不满意, reopen, 满意, closed', async () => {
  const agent = await signIn('agent@hotline.example')
  const number = await takeCall(agent, '公积金提取迟迟未到账', '上月申请租房提取公积金，至今未到账，请核实。')
  closedOrder = number

  const dispatcher = await signIn('dispatcher@hotline.example')
  await openFromQueue(dispatcher, '/desk/dispatch?queue=intake', number)
  expect(await dispatcher.locator('dl.fields').first().innerText()).toContain('住房公积金/提取')
  // The unit that handled similar orders is suggested; one click picks it.
  await act(dispatcher, '派发', 'dispatched', async (form) => {
    await form.locator('.suggestions button', { hasText: '江临市住房公积金管理中心' }).click()
    expect(await form.locator('#f-unit').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.text)).toBe(
      '江临市住房公积金管理中心',
    )
  })

  const handler = await signIn('handler.gjj@hotline.example')
  // The handler learns of it on the desk's landing page, and finds it in the unit's sign-for queue.
  await handler.goto(`${product.base}/desk`)
  expect(await handler.locator('ul.notices').innerText()).toContain(`新派工单：${number}`)
  await openFromQueue(handler, '/desk/unit?queue=sign', number)
  expect(await handler.locator('.deadline').first().innerText()).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/)
  await act(handler, '签收', 'accepted')
  await act(handler, '申请延期', 'extension_requested', async (form) => {
    await form.locator('#f-days').fill('3')
    await form.locator('#f-reason').fill('需向银行核实划款记录')
  })

  await dispatcher.goto(`${product.base}/desk`)
  expect(await dispatcher.locator('ul.notices').innerText()).toContain(`延期申请：${number}`)
  await openFromQueue(dispatcher, '/desk/dispatch?queue=extension', number)
  await act(dispatcher, '同意延期', 'accepted')

  const reply = async (result: string) => {
    await handler.reload()
    await act(handler, '办结答复', 'replied', async (form) => {
      await form.locator('input[name="contacted"]').check()
      await form.locator('#f-result').fill(result)
      await form.locator('#f-text').fill(`${result}，如有疑问请致电 12345。`)
    })
  }
  await reply('经核实，系银行账号有误，已退回')

  await openFromQueue(dispatcher, '/desk/dispatch?queue=callback', number)
  await act(dispatcher, '回访', 'called_back', (form) => form.locator('#f-satisfaction').selectOption('dissatisfied'))
  await act(dispatcher, '重办', 'accepted', (form) => form.locator('#f-reason').fill('诉求人称账号无误，请再次核实'))

  await reply('已重新划款，今日到账')
  await openFromQueue(dispatcher, '/desk/dispatch?queue=callback', number)
  await act(dispatcher, '回访', 'called_back', async (form) => {
    await form.locator('#f-satisfaction').selectOption('satisfied')
    await form.locator('input[name="solved"]').check()
  })
  await act(dispatcher, '办结归档', 'closed')
  const timeline = await dispatcher.locator('ol.timeline').innerText()
  expect(timeline).toMatch(
    /登记[\s\S]*派发[\s\S]*签收[\s\S]*申请延期[\s\S]*同意延期[\s\S]*办结答复[\s\S]*回访[\s\S]*重办/,
  )
  expect(timeline).not.toMatch(/\d{4}-\d{2}-\d{2}T/)
}, 240_000)

it('a 确已尽责 explanation carries its evidence files to the dispatcher, who downloads and accepts it', async () => {
  // The refused file answers 400, which Chromium logs as a console error: expected here, and only here.
  const own = await guarded(product.browser, { outside, ignore: /status of 400 \(Bad Request\)/ })
  const handler = await loginIn(own.context, product.base, 'handler.gjj@hotline.example')
  await handler.goto(`${product.base}/desk/orders/${closedOrder}`)
  await handler.getByRole('toolbar', { name: '可执行的操作' }).getByRole('button', { name: '确已尽责说明' }).click()
  const form = handler.locator('form[data-action="explain"]')
  await form.locator('#f-text').fill('两次划款均按诉求人提供的账号办理，银行回单见附件')
  await form.locator('#f-attachments').setInputFiles([
    {
      name: '银行回单.png',
      mimeType: 'image/png',
      buffer: PNG,
    },
    { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('不是图片') },
  ])
  await form.locator('button[type="submit"]').click()
  // A file that is neither an image nor a PDF is refused with the reason, and nothing is stored.
  expect(await handler.locator('.order-actions [role="alert"]').innerText()).toBe(
    '附件“说明.txt”不是图片（JPG、PNG、GIF、WebP）或 PDF 文件',
  )
  await form.locator('#f-attachments').setInputFiles([])
  await form.locator('#f-attachments').setInputFiles({
    name: '银行回单.png',
    mimeType: 'image/png',
    buffer: PNG,
  })
  await form.locator('button[type="submit"]').click()
  await handler.waitForSelector('ol.timeline ul.attachments a:has-text("银行回单.png")')
  expect(own.problems).toEqual([])

  const dispatcher = await signIn('dispatcher@hotline.example')
  await openFromQueue(dispatcher, '/desk/dispatch?queue=explanation', closedOrder)
  const link = dispatcher.locator('dl.fields ul.attachments a', { hasText: '银行回单.png' })
  expect(await link.getAttribute('href')).toMatch(/^\/api\/order-attachments\/file\//)
  const [download] = await Promise.all([dispatcher.waitForEvent('download'), link.click()])
  expect(download.suggestedFilename()).toBe('银行回单.png')
  await dispatcher
    .getByRole('toolbar', { name: '可执行的操作' })
    .getByRole('button', { name: '认可尽责说明', exact: true })
    .click()
  await dispatcher.locator('form[data-action="accept-explanation"] button[type="submit"]').click()
  await dispatcher.waitForSelector('dl.fields dd:has-text("（已认可）")')
}, 120_000)

it('a return request is approved and the order redispatched; a 督办 by hand is rectified and accepted', async () => {
  const agent = await signIn('agent@hotline.example')
  const number = await takeCall(agent, '公积金贷款额度咨询无人答复', '多次拨打中心电话无人接听，贷款额度问题无人答复。')

  const dispatcher = await signIn('dispatcher@hotline.example')
  await openFromQueue(dispatcher, '/desk/dispatch?queue=intake', number)
  await act(dispatcher, '派发', 'dispatched', (form) =>
    form.locator('#f-unit').selectOption({ label: '江临市人力资源和社会保障局' }),
  )

  const rs = await signIn('handler.rs@hotline.example')
  await openFromQueue(rs, '/desk/unit?queue=sign', number)
  await act(rs, '申请退回', 'return_requested', async (form) => {
    await form.locator('#f-reason').fill('住房公积金不属本局职责')
    await form.locator('#f-basis').fill('《住房公积金管理条例》第十条')
  })

  await openFromQueue(dispatcher, '/desk/dispatch?queue=return', number)
  await act(dispatcher, '同意退回并改派', 'dispatched', (form) =>
    form.locator('#f-unit').selectOption({ label: '江临市住房公积金管理中心' }),
  )
  expect(await dispatcher.locator('dl.fields').nth(2).innerText()).toContain('江临市住房公积金管理中心')

  const gjj = await signIn('handler.gjj@hotline.example')
  await openFromQueue(gjj, '/desk/unit?queue=sign', number)
  // The other unit no longer sees it.
  await rs.goto(`${product.base}/desk/orders/${number}`)
  expect(await rs.locator('p[role="alert"]').innerText()).toContain('没有这张工单或无权查看')

  const supervisor = await signIn('supervisor@hotline.example')
  await supervisor.goto(`${product.base}/desk/orders/${number}`)
  await supervisor.fill('#sv-description', '多次反映无人答复，请限期整改')
  await supervisor.click('form[data-form="open-supervision"] button[type="submit"]')
  await supervisor.waitForSelector('text=已立项督办')

  await gjj.goto(`${product.base}/desk/supervision`)
  const item = gjj.locator('ul.supervision-items li', { hasText: number })
  await item.locator('textarea[name="text"]').fill('已安排专人回电并开通回拨专线')
  await item.locator('button:has-text("提交整改反馈")').click()
  await gjj.waitForSelector('text=已提交整改反馈')

  await supervisor.goto(`${product.base}/desk/supervision?reason=poor_handling`)
  const review = supervisor.locator('ul.supervision-items li', { hasText: number })
  expect(await review.innerText()).toContain('整改反馈：已安排专人回电并开通回拨专线')
  await review.locator('button:has-text("认可整改")').click()
  // Accepted, the item leaves the list of open items.
  await review.waitFor({ state: 'detached' })
  await supervisor.goto(`${product.base}/desk/supervision?reason=poor_handling&status=all`)
  expect(await supervisor.locator('ul.supervision-items li', { hasText: number }).innerText()).toContain('已办结')
}, 240_000)

it('the claimant looks up the closed order on the public site', async () => {
  const page = await (await product.context()).newPage()
  await page.goto(`${product.base}/progress`)
  await page.fill('input[name="number"]', closedOrder)
  await page.fill('input[name="phoneLast4"]', PHONE.slice(-4))
  await page.click('button:has-text("查询")')
  await page.waitForSelector('dl.progress-result')
  expect(await page.locator('dl.progress-result').innerText()).toContain('已办结')
}, 60_000)

it('every desk page loads offline with no console errors, and the order prints as a form', async () => {
  for (const [email, paths] of [
    ['dispatcher@hotline.example', ['/desk', '/desk/dispatch', '/desk/dispatch?queue=callback', '/desk/supervision']],
    ['handler.gjj@hotline.example', ['/desk', '/desk/unit', '/desk/unit?queue=due', '/desk/supervision']],
    ['supervisor@hotline.example', ['/desk', '/desk/supervision', '/desk/dispatch']],
    ['kb-admin@hotline.example', ['/desk']],
    ['agent@hotline.example', ['/console', '/desk/dispatch']],
  ] as const) {
    const page = await signIn(email)
    for (const path of paths) {
      const response = await page.goto(`${product.base}${path}`)
      expect(response?.status()).toBe(200)
      await page.waitForLoadState('networkidle')
      expect(await page.locator('h1, .console').count()).toBeGreaterThan(0)
    }
  }
  const dispatcher = await signIn('dispatcher@hotline.example')
  await dispatcher.goto(`${product.base}/desk/orders/${closedOrder}`)
  await dispatcher.emulateMedia({ media: 'print' })
  expect(await dispatcher.locator('.desk-nav').isVisible()).toBe(false)
  expect(await dispatcher.locator('.print-only').first().isVisible()).toBe(true)
  expect(outside).toEqual([])
  expect(problems).toEqual([])
}, 180_000)
