import { CachedSearchEngine } from '../../src/search/cachedEngine'
import type { SearchQuery, SearchResult } from '../../src/search/types'
import { stubEngine } from '../helpers/stubEngine'

/** An engine that answers each query with the audience it was asked for and counts its searches. */
function countingEngine() {
  const asked: SearchQuery[] = []
  let release: (() => void) | undefined
  const engine = stubEngine('counting', async (query) => {
    asked.push(query)
    if (release === undefined && query.text === 'slow') await new Promise<void>((resolve) => (release = resolve))
    return { found: asked.length, hits: [], facets: { audience: { [query.audience]: 1 } }, tookMs: 7 } as never
  })
  return { engine, asked, release: () => release?.() }
}

const at = new Date('2026-11-25T10:00:00+08:00')
const q = (text: string, more: Partial<SearchQuery> = {}): SearchQuery => ({
  text,
  audience: 'public',
  now: at,
  ...more,
})
const audienceOf = (r: SearchResult) => Object.keys(r.facets.audience)[0]

describe('search result cache', () => {
  it('answers the same query from memory, spaces aside, and never one audience with another’s result', async () => {
    let clock = 0
    const { engine, asked } = countingEngine()
    const cached = new CachedSearchEngine(engine, { ttlMs: 5_000, maxEntries: 10, clock: () => clock })
    await cached.search(q('身份证丢了'))
    const again = await cached.search(q('  身份证丢了 '))
    expect(asked).toHaveLength(1)
    expect(again.found).toBe(1)

    expect(audienceOf(await cached.search(q('身份证丢了', { audience: 'agent' })))).toBe('agent')
    await cached.search(q('身份证丢了', { filters: { category: ['户籍'] } }))
    await cached.search(q('身份证丢了', { page: 2 }))
    expect(asked).toHaveLength(4)
    expect(audienceOf(await cached.search(q('身份证丢了')))).toBe('public')
    expect(asked).toHaveLength(4)

    clock = 5_000
    await cached.search(q('身份证丢了'))
    expect(asked).toHaveLength(5)
  })

  it('has at hand only a result it would answer from memory, without asking the engine', async () => {
    let clock = 0
    const { engine, asked } = countingEngine()
    const cached = new CachedSearchEngine(engine, { ttlMs: 5_000, maxEntries: 10, clock: () => clock })
    expect(cached.atHand(q('公积金'))).toBeUndefined()
    await cached.search(q('公积金'))
    expect(cached.atHand(q(' 公积金 '))).toMatchObject({ found: 1, tookMs: 0 })
    expect(cached.atHand(q('公积金', { audience: 'agent' }))).toBeUndefined()
    expect(cached.atHand(q('公积金', { now: new Date(at.getTime() + 86_400_000) }))).toBeUndefined()
    await cached.setPins([])
    expect(cached.atHand(q('公积金'))).toBeUndefined()
    await cached.search(q('公积金'))
    clock = 5_000
    expect(cached.atHand(q('公积金'))).toBeUndefined()
    expect(asked).toHaveLength(2)
  })

  it('asks the engine again for another hotline time, and after any change to the index', async () => {
    const { engine, asked } = countingEngine()
    const cached = new CachedSearchEngine(engine, { ttlMs: 5_000, maxEntries: 10 })
    await cached.search(q('社保'))
    await cached.search(q('社保', { now: new Date(at.getTime() + 86_400_000) }))
    expect(asked).toHaveLength(2)
    await cached.upsert([])
    await cached.search(q('社保'))
    await cached.setSynonyms([])
    await cached.search(q('社保'))
    expect(asked).toHaveLength(4)
  })

  it('does not keep a result ranked while the index changed', async () => {
    const { engine, asked, release } = countingEngine()
    const cached = new CachedSearchEngine(engine, { ttlMs: 5_000, maxEntries: 10 })
    const running = cached.search(q('slow'))
    await cached.delete(['KB-1'])
    release()
    await running
    await cached.search(q('slow'))
    expect(asked).toHaveLength(2)
  })

  it('ranks a query once while it runs: the same query asked meanwhile waits for it', async () => {
    const { engine, asked, release } = countingEngine()
    const cached = new CachedSearchEngine(engine, { ttlMs: 5_000, maxEntries: 10 })
    const first = cached.search(q('slow'))
    const second = cached.search(q(' slow '))
    const otherAudience = cached.search(q('slow', { audience: 'agent' }))
    release()
    expect((await second).found).toBe((await first).found)
    expect(audienceOf(await otherAudience)).toBe('agent')
    expect(asked.map((s) => s.audience)).toEqual(['public', 'agent'])
    // A change while it runs: whoever asks afterwards gets a fresh ranking.
    const { engine: engine2, asked: asked2, release: release2 } = countingEngine()
    const cached2 = new CachedSearchEngine(engine2, { ttlMs: 5_000, maxEntries: 10 })
    const running = cached2.search(q('slow'))
    await cached2.upsert([])
    const after = cached2.search(q('slow'))
    release2()
    await Promise.all([running, after])
    expect(asked2).toHaveLength(2)
  })

  it('keeps at most maxEntries results', async () => {
    const { engine, asked } = countingEngine()
    const cached = new CachedSearchEngine(engine, { ttlMs: 5_000, maxEntries: 2 })
    for (const text of ['a', 'b', 'c']) await cached.search(q(text))
    await cached.search(q('c'))
    await cached.search(q('a'))
    expect(asked.map((s) => s.text)).toEqual(['a', 'b', 'c', 'a'])
  })
})
