/**
 * The anonymous page cache in front of the real Next (server.ts, production build, demo data): the
 * home page rendered once, then served from the cache, must be the same page — its links, category
 * tiles and search form — with every inline script carrying the nonce of its own response's
 * policy, compressed or not as the client asked.
 */
import http from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

import { type RunningProduct, startProduct } from '../../src/cli/productProcess'

let server: RunningProduct

beforeAll(async () => {
  server = await startProduct()
}, 300_000)

afterAll(async () => {
  await server?.stop()
})

type Page = { status: number; headers: http.IncomingHttpHeaders; html: string }

/** The bytes as sent (fetch would decode them itself), decoded here by the encoding the answer names. */
function get(path: string, acceptEncoding = 'identity'): Promise<Page> {
  return new Promise((resolve, reject) => {
    http
      .get(`${server.base}${path}`, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          const bytes = Buffer.concat(chunks)
          const encoding = res.headers['content-encoding']
          const body = encoding === 'gzip' ? gunzipSync(bytes) : encoding === 'br' ? brotliDecompressSync(bytes) : bytes
          resolve({ status: res.statusCode!, headers: res.headers, html: body.toString('utf8') })
        })
      })
      .on('error', reject)
  })
}

const policyNonce = (page: Page) => /'nonce-([^']+)'/.exec(String(page.headers['content-security-policy']))?.[1]

/** Every inline script and style (no src) with the nonce it carries. */
const inlineNonces = (html: string) =>
  [...html.matchAll(/<(script|style)\b([^>]*)>/g)]
    .filter(([, tag, attrs]) => tag === 'style' || !/\bsrc=/.test(attrs!))
    .map(([, , attrs]) => /\bnonce="([^"]*)"/.exec(attrs!)?.[1])

function expectHome(page: Page) {
  expect(page.status).toBe(200)
  expect(page.html).toContain('查询工单办理进度')
  expect(page.html).toMatch(/<input[^>]*id="q"/)
  expect(page.html).toMatch(/<form[^>]*action="\/search"/)
  const tiles = /<ul class="grid">([\s\S]*?)<\/ul>/.exec(page.html)?.[1] ?? ''
  expect(tiles.match(/href="\/categories\//g)?.length ?? 0).toBeGreaterThan(3)
  expect(page.html.trimEnd()).toMatch(/<\/html>$/)
  const nonce = policyNonce(page)
  expect(nonce).toBeTruthy()
  const nonces = inlineNonces(page.html)
  expect(nonces.length).toBeGreaterThan(0)
  expect(nonces.every((n) => n === nonce)).toBe(true)
}

/** What Chromium asks for. */
const BROWSER = 'gzip, deflate, br, zstd'

it('serves the home page from the cache as rendered, with the nonce of its own policy', async () => {
  // The first visitor's browser accepts compressed answers: what the cache keeps must still be the page.
  const miss = await get('/', BROWSER)
  expect(miss.headers['x-cache']).toBe('MISS')
  expectHome(miss)

  const hit = await get('/', BROWSER)
  expect(hit.headers['x-cache']).toBe('HIT')
  expectHome(hit)
  expect(policyNonce(hit)).not.toBe(policyNonce(miss))
  // The same page but for the nonce.
  expect(hit.html.split(policyNonce(hit)!).join('N')).toBe(miss.html.split(policyNonce(miss)!).join('N'))
}, 60_000)

it('compresses a hit for a client that accepts it, and sends it plain to one that does not', async () => {
  await get('/', BROWSER)
  for (const [accept, encoding] of [
    ['gzip, deflate', 'gzip'],
    [BROWSER, 'br'],
    ['identity', undefined],
  ] as const) {
    const page = await get('/', accept)
    expect(page.headers['x-cache']).toBe('HIT')
    expect(page.headers['content-encoding']).toBe(encoding)
    expect(String(page.headers.vary)).toMatch(/accept-encoding/i)
    expectHome(page)
  }
}, 60_000)

it('sends an entry page without the client runtime, readable and the same on a hit', async () => {
  const search = await (await fetch(`${server.base}/api/v1/public/search?q=${encodeURIComponent('身份证丢了')}`)).json()
  const code = (search as { hits: { code: string }[] }).hits[0]!.code
  const miss = await get(`/entries/${code}`, BROWSER)
  const hit = await get(`/entries/${code}`, BROWSER)
  expect([miss.headers['x-cache'], hit.headers['x-cache']]).toEqual(['MISS', 'HIT'])
  for (const page of [miss, hit]) {
    expect(page.status).toBe(200)
    expect(page.html).toMatch(/<h1>[^<]*身份证/)
    expect(page.html).toContain(`action="/api/v1/public/entries/${code}/feedback"`)
    expect(page.html).toMatch(/<link rel="stylesheet"[^>]*nonce="/)
    expect(page.html).not.toContain('<script')
    expect(page.html).not.toContain('as="script"')
    expect(page.html.trimEnd()).toMatch(/<\/html>$/)
  }
  // The stylesheet link carries its own answer's nonce.
  expect(hit.html).toContain(`nonce="${policyNonce(hit)}"`)
}, 60_000)
