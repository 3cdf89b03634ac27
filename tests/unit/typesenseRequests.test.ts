/**
 * What the Typesense engine would send, held to the server's documented rules (Typesense v30; each
 * rule cited in src/search/typesense/requests.ts). No server here: the client's HTTP adapter records
 * every request and answers what the server's API reference says it answers. The behaviour against a
 * real cluster is tests/search-conformance (TYPESENSE_URL=… npm test -- tests/search-conformance).
 */
import { createAnalyzer } from '../../src/search/analysis/analyzer'
import type { SynonymRule } from '../../src/search/analysis/synonyms'
import { FIELD_BOOSTS, TEXT_FIELDS } from '../../src/search/fields'
import type { SearchDocument, SearchQuery } from '../../src/search/types'
import {
  FIELD_MAX_WEIGHT,
  queryByWeights,
  SYMBOLS_TO_INDEX,
  synonymItems,
  typesenseToken,
} from '../../src/search/typesense/requests'
import { collectionSchema, QUESTIONS_SHADOW, shadowField, toTypesenseDocument } from '../../src/search/typesense/schema'
import { matchedTerms, TypesenseEngine } from '../../src/search/typesense/TypesenseEngine'

type Sent = { method: string; path: string; params: Record<string, unknown>; body: unknown }
type Reply = { status: number; data: unknown }

/** An axios adapter that records each request and answers from `answer` (200 {} by default). */
function recorder(answer: (r: Sent) => Reply | undefined = () => undefined) {
  const sent: Sent[] = []
  const adapter = async (config: {
    method?: string
    url?: string
    baseURL?: string
    params?: Record<string, unknown>
    data?: unknown
  }) => {
    const url = new URL(config.url!, config.baseURL ?? 'http://ts.invalid')
    const body = typeof config.data === 'string' && config.data ? JSON.parse(config.data) : config.data
    const request = { method: config.method!.toUpperCase(), path: url.pathname, params: config.params ?? {}, body }
    sent.push(request)
    const reply = answer(request) ?? { status: 200, data: {} }
    return { data: reply.data, status: reply.status, statusText: String(reply.status), headers: {}, config }
  }
  const engine = new TypesenseEngine({
    url: 'http://ts.invalid:8108',
    apiKey: 'admin',
    alias: 'kb',
    adapter: adapter as never,
  })
  return { engine, sent }
}

const emptySearch: Reply = { status: 200, data: { results: [{ found: 0, hits: [], facet_counts: [] }] } }
const now = new Date('2026-11-25T10:00:00+08:00')
const query = (text: string, extra: Partial<SearchQuery> = {}): SearchQuery => ({
  text,
  audience: 'agent',
  now,
  ...extra,
})

const doc = (code: string, version: number, over: Partial<SearchDocument> = {}): SearchDocument => ({
  code,
  version,
  type: 'guide',
  title: '居民身份证补领',
  summary: '身份证丢失后补领的材料和流程',
  body: '携带户口簿到派出所办理。',
  tags: ['身份证'],
  questions: [],
  question: '',
  structured: '',
  present: [],
  unit: '公安局',
  category: '户籍/身份证',
  districts: [],
  audience: 'public',
  status: 'published',
  ...over,
})

/** The server's default tokenizer on indexed text: symbols not in `symbols_to_index` are dropped. */
const serverIndexes = (token: string, symbols: readonly string[]) =>
  [...token].filter((ch) => /[\p{L}\p{N}]/u.test(ch) || symbols.includes(ch)).join('')

describe('Typesense requests', () => {
  it('1. leaves out synonym rules that segment to stop words only, so the set is never refused', async () => {
    const { engine, sent } = recorder()
    const rules: SynonymRule[] = [
      { root: '咋办', synonyms: ['怎么办'] },
      { root: '丢了', synonyms: ['遗失', '补领'] },
    ]
    await engine.setSynonyms(rules)
    const put = sent.find((r) => r.method === 'PUT' && r.path === '/synonym_sets/kb_synonyms')!
    const items = (put.body as { items: { root?: string; synonyms: string[] }[] }).items
    expect(items).toHaveLength(1)
    // The server refuses the whole set when any item has no synonyms or an empty string in them.
    for (const item of items) {
      expect(item.synonyms.length).toBeGreaterThan(0)
      expect(item.synonyms.every((s) => s.length > 0)).toBe(true)
      if ('root' in item) expect(item.root).not.toBe('')
    }
  })

  it('2. searches through multi_search (POST) with a capped token list, whatever the question length', async () => {
    const { engine, sent } = recorder((r) => (r.path === '/multi_search' ? emptySearch : undefined))
    const question =
      '您好，我想咨询一下，我去年十月份从外省调到江临市工作，社保关系还没有转过来，现在想办理灵活就业人员养老保险参保登记，' +
      '同时还要把住房公积金账户从原单位转到新单位，请问需要准备哪些材料，是不是要本人带身份证和户口本去社区服务中心窗口，' +
      '网上能不能办理，大概需要多少个工作日，收不收费用？另外原来单位的企业年金和医保个人账户余额怎么处理，以后退休待遇怎么计算？'
    expect(question.length).toBeGreaterThanOrEqual(160)
    await engine.search(query(question))
    expect(sent.filter((r) => r.method === 'GET' && r.path.endsWith('/search'))).toHaveLength(0)
    const post = sent.find((r) => r.method === 'POST' && r.path === '/multi_search')!
    const search = (post.body as { searches: { q: string; collection: string }[] }).searches[0]!
    expect(search.collection).toBe('kb')
    expect(search.q.split(' ').length).toBeLessThanOrEqual(64)
    // The same request with all its terms as a GET query string would pass the server's 4,000 characters.
    const literal = createAnalyzer().analyzeQuery(question).literal
    const asGet = new URLSearchParams(
      Object.entries({ ...search, q: literal.join(' ') }).map(([k, v]) => [
        k,
        Array.isArray(v) ? v.join(',') : String(v),
      ]),
    )
    expect(asGet.toString().length).toBeGreaterThan(4000)
  })

  it('3. sends nothing and finds nothing for a query of stop words only (no q=* match-all)', async () => {
    const { engine, sent } = recorder(() => emptySearch)
    for (const text of ['你好', '谢谢', '请问']) {
      const result = await engine.search(query(text))
      expect(result.found).toBe(0)
      expect(result.hits).toEqual([])
    }
    expect(sent).toHaveLength(0)
  })

  it('4. indexes and queries tokens with symbols the same way (3.5, 2024.10, a-1, 50%)', async () => {
    const schema = collectionSchema('kb_1', { synonyms: 's', curation: 'c' })
    const symbols = schema.symbols_to_index ?? []
    const analyzer = createAnalyzer()
    const text = '补贴标准提高3.5倍，2024.10起执行，a-1窗口办理，报销50%，c#与r&d'
    const indexed = toTypesenseDocument(doc('KB-0001', 1, { body: text }), analyzer)
    const stored = new Set(
      String(indexed.t_body)
        .split(' ')
        .map((t) => serverIndexes(t, symbols)),
    )
    const { engine, sent } = recorder(() => emptySearch)
    for (const q of ['3.5', '2024.10', 'a-1', '50%']) {
      await engine.search(query(q))
      const search = (sent.at(-1)!.body as { searches: { q: string }[] }).searches[0]!
      // With pre_segmented_query the server takes each query token verbatim.
      const tokens = search.q.split(' ')
      expect(tokens.some((t) => stored.has(t))).toBe(true)
      expect(tokens).toContain(q)
    }
    for (const symbol of ['.', '-', '%', ':']) expect(symbols).toContain(symbol)
    // Every token we index survives the server's tokenizer unchanged.
    for (const token of String(indexed.t_body).split(' ')) expect(serverIndexes(token, symbols)).toBe(token)
    expect(typesenseToken('-1')).toBe('1')
    expect(SYMBOLS_TO_INDEX).toContain('.')
  })

  it('5. counts words matched anywhere in a long field, not only in the snippet window', () => {
    const analyzer = createAnalyzer()
    const filler = '本中心提供相关业务咨询服务。'.repeat(20)
    const stored = toTypesenseDocument(doc('KB-0002', 1, { summary: `${filler}公积金提取` }), analyzer)
    const analysis = analyzer.analyzeQuery('公积金提取')
    expect(String(stored.t_summary).split(' ').length).toBeGreaterThan(30)
    const matched = matchedTerms(stored, analysis.terms.keys())
    expect(matched.has('公积金')).toBe(true)
    expect(matched.has('提取')).toBe(true)
  })

  it('6. sends the same drop_tokens_threshold for every page of one query', async () => {
    const { engine, sent } = recorder(() => emptySearch)
    await engine.search(query('社保卡补办', { page: 1 }))
    await engine.search(query('社保卡补办', { page: 4, perPage: 20 }))
    const [a, b] = sent.map((r) => (r.body as { searches: Record<string, unknown>[] }).searches[0]!)
    expect(a!.drop_tokens_threshold).toBe(b!.drop_tokens_threshold)
    const strip = ({ page: _p, per_page: _pp, ...rest }: Record<string, unknown>) => rest
    expect(strip(a!)).toEqual(strip(b!))
  })

  it('7. sends field weights within 0–15, in the order of the embedded boosts', async () => {
    const { engine, sent } = recorder(() => emptySearch)
    await engine.search(query('社保卡'))
    const search = (sent[0]!.body as { searches: { query_by: string; query_by_weights: string }[] }).searches[0]!
    const weights = search.query_by_weights.split(',').map(Number)
    expect(weights).toHaveLength(search.query_by.split(',').length)
    for (const w of weights) expect(Number.isInteger(w) && w >= 0 && w <= FIELD_MAX_WEIGHT).toBe(true)
    const boosts = TEXT_FIELDS.map((f) => FIELD_BOOSTS[f])
    for (let i = 0; i < boosts.length; i++)
      for (let j = 0; j < boosts.length; j++)
        if (boosts[i]! > boosts[j]!) expect(weights[i]!).toBeGreaterThan(weights[j]!)
    expect(queryByWeights({ a: 4, b: 1 })).toEqual([15, 4])
  })

  it('8. writes a version only over an older one, decided by the server in one conditional write', async () => {
    const { engine, sent } = recorder((r) =>
      r.method === 'PATCH'
        ? { status: 200, data: { num_updated: 0 } }
        : r.method === 'POST'
          ? { status: 409, data: { message: 'exists' } }
          : undefined,
    )
    await engine.upsert([doc('KB-0003', 5)])
    // No read of the stored version first (a lagging follower could answer it).
    expect(sent.some((r) => r.method === 'GET' || r.path.endsWith('/search'))).toBe(false)
    const patch = sent.find((r) => r.method === 'PATCH')!
    expect(patch.path).toBe('/collections/kb/documents')
    expect(patch.params.filter_by).toBe('id:=`KB-0003` && version:<=5')
    expect((patch.body as Record<string, unknown>).version).toBe(5)
    expect((patch.body as Record<string, unknown>).validUntil).toBeNull()
    expect(sent.some((r) => r.method === 'POST' && r.path === '/collections/kb/documents')).toBe(true)
  })

  it('9. replays writes made during a reindex into the new collection, and stops on alias errors other than 404', async () => {
    const { engine, sent } = recorder((r) => {
      if (r.path.endsWith('/documents/import')) return { status: 200, data: '{"success":true}' }
      if (r.method === 'GET' && r.path === '/synonym_sets') return { status: 200, data: [{ name: 'kb_synonyms' }] }
      if (r.method === 'GET' && r.path === '/curation_sets') return { status: 200, data: [{ name: 'kb_pins' }] }
      if (r.method === 'GET' && r.path === '/aliases/kb')
        return { status: 200, data: { name: 'kb', collection_name: 'kb_1' } }
      if (r.method === 'PATCH') return { status: 200, data: { num_updated: 1 } }
      return undefined
    })
    const reindex = engine.replaceAll([doc('KB-0001', 1)])
    // A publish lands while the new collection is being filled.
    await engine.upsert([doc('KB-0009', 2)])
    await reindex
    const created = sent.find((r) => r.method === 'POST' && r.path === '/collections')!.body as { name: string }
    const replayed = sent.filter(
      (r) =>
        r.method === 'PATCH' &&
        r.path === `/collections/${created.name}/documents` &&
        String(r.params.filter_by).includes('KB-0009'),
    )
    expect(replayed.length).toBeGreaterThan(0)
    const swapAt = sent.findIndex((r) => r.method === 'PUT' && r.path === '/aliases/kb')
    expect(sent.findIndex((r) => r === replayed[0])).toBeLessThan(swapAt)

    const failing = recorder((r) => {
      if (r.method === 'GET' && r.path === '/aliases/kb')
        return { status: 503, data: { message: 'Not Ready or Lagging' } }
      if (r.path.endsWith('/documents/import')) return { status: 200, data: '{"success":true}' }
      if (r.method === 'GET' && (r.path === '/synonym_sets' || r.path === '/curation_sets'))
        return { status: 200, data: [] }
      return undefined
    })
    await expect(failing.engine.replaceAll([doc('KB-0001', 1)])).rejects.toThrow()
    expect(failing.sent.some((r) => r.method === 'PUT' && r.path === '/aliases/kb')).toBe(false)
  })

  it('10. gives synonym and pin items ids derived from the rule, so removing one leaves the others alone', async () => {
    const phrase = (s: string) => createAnalyzer().baselineTokens(s).join(' ')
    const a: SynonymRule = ['社保卡', '社会保障卡']
    const b: SynonymRule = { root: '上户口', synonyms: ['出生登记'] }
    const before = synonymItems([a, b], phrase).items
    const after = synonymItems([b], phrase).items
    expect(after[0]!.id).toBe(before[1]!.id)
    expect(new Set(before.map((i) => i.id)).size).toBe(2)

    const { engine, sent } = recorder()
    await engine.setPins([
      { query: '社保卡补办', codes: ['KB-0001'] },
      { query: '公积金提取', codes: ['KB-0002'] },
    ])
    await engine.setPins([{ query: '公积金提取', codes: ['KB-0002'] }])
    const [first, second] = sent
      .filter((r) => r.method === 'PUT' && r.path === '/curation_sets/kb_pins')
      .map((r) => (r.body as { items: { id: string }[] }).items)
    expect(second![0]!.id).toBe(first![1]!.id)
  })

  it('11. indexes only the fields queries read: display fields are stored, not indexed', () => {
    const schema = collectionSchema('kb_1', { synonyms: 's', curation: 'c' })
    const queried = new Set([...TEXT_FIELDS.map(shadowField), QUESTIONS_SHADOW])
    for (const field of schema.fields ?? []) {
      if (field.type !== 'string' && field.type !== 'string[]') continue
      const indexed = field.index !== false
      expect(field.locale).toBeUndefined()
      if (indexed) expect(queried.has(field.name) || field.facet === true || field.name === 'code').toBe(true)
    }
    for (const name of ['title', 'summary', 'body', 'tags', 'question', 'questions', 'structured'])
      expect(schema.fields!.find((f) => f.name === name)!.index).toBe(false)
  })
})
