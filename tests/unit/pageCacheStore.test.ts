import { joinWithNonce, PageCacheStore, splitAtNonce, withoutClientRuntime } from '../../src/http/pageCacheStore'

const page = (body: string) => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  parts: [Buffer.from(body)],
})
const bodyOf = (p?: { parts: Buffer[] }) => p && Buffer.concat(p.parts).toString()

describe('page cache store', () => {
  it('drops the least recently used pages when over its byte budget', () => {
    const store = new PageCacheStore(30)
    store.set('/a', page('x'.repeat(10)))
    store.set('/b', page('y'.repeat(10)))
    expect(bodyOf(store.get('/a'))).toBe('x'.repeat(10)) // /a is now the most recently used
    store.set('/c', page('z'.repeat(10)))
    expect(store.get('/b')).toBeUndefined()
    expect(store.get('/a')).toBeDefined()
    expect(store.get('/c')).toBeDefined()
    expect(store.bytes).toBeLessThanOrEqual(30)
  })

  it('keeps nothing larger than its whole budget, and replacing a page frees the old bytes', () => {
    const store = new PageCacheStore(30)
    store.set('/big', page('x'.repeat(40)))
    expect(store.size).toBe(0)
    store.set('/a', page('x'.repeat(20)))
    store.set('/a', page('y'.repeat(5)))
    expect(store.bytes).toBe(5 + '/a'.length)
    expect(bodyOf(store.get('/a'))).toBe('yyyyy')
  })

  it('forgets a page when its time to live has passed', () => {
    let now = 1_000
    const store = new PageCacheStore(1_000, () => now)
    store.set('/search?q=1', page('results'), 30_000)
    store.set('/', page('home'))
    now += 29_999
    expect(store.get('/search?q=1')).toBeDefined()
    now += 1
    expect(store.get('/search?q=1')).toBeUndefined()
    expect(store.bytes).toBe('home'.length + 1)
    expect(bodyOf(store.get('/'))).toBe('home')
  })

  it('clears everything on invalidation', () => {
    const store = new PageCacheStore(1_000)
    store.set('/', page('home'))
    store.set('/entries/KB-1', page('entry'))
    store.clear()
    expect(store.size).toBe(0)
    expect(store.bytes).toBe(0)
    expect(store.get('/')).toBeUndefined()
  })

  it('stores a page cut at its nonce and gives each hit a fresh one', () => {
    const html = '<script nonce="abc+/=">1</script><p>江临</p><style nonce="abc+/=">b{}</style>'
    const parts = splitAtNonce(Buffer.from(html), 'abc+/=')
    expect(parts).toHaveLength(3)
    expect(Buffer.concat(parts).toString()).not.toContain('abc+/=')
    expect(joinWithNonce(parts, 'fresh1').toString()).toBe(
      '<script nonce="fresh1">1</script><p>江临</p><style nonce="fresh1">b{}</style>',
    )
    expect(joinWithNonce(parts, 'fresh2').toString()).toBe(html.replaceAll('abc+/=', 'fresh2'))
    expect(splitAtNonce(Buffer.from('<p>no scripts</p>'), 'abc')).toHaveLength(1)
  })

  it('takes the client runtime off a page, markup and styles kept, unless the page reveals content with scripts', () => {
    const page = [
      '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css" nonce="n"/>',
      '<link rel="preload" as="script" fetchPriority="low" nonce="n" href="/_next/b.js"/>',
      '<script src="/_next/c.js" async="" nonce="n"></script></head>',
      '<body><h1>身份证补领</h1><form method="post"><button>有帮助</button></form>',
      '<script nonce="n">self.__next_f.push([1,"\\u003c/script\\u003e"])</script></body></html>',
    ].join('')
    expect(withoutClientRuntime(Buffer.from(page)).toString()).toBe(
      '<!DOCTYPE html><html><head><link rel="stylesheet" href="/a.css" nonce="n"/></head>' +
        '<body><h1>身份证补领</h1><form method="post"><button>有帮助</button></form></body></html>',
    )
    const streamed = '<div hidden id="S:0"><p>late</p></div><script>$RC("B:0","S:0")</script>'
    expect(withoutClientRuntime(Buffer.from(streamed)).toString()).toBe(streamed)
  })
})
