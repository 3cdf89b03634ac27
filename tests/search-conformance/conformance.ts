/** Behaviour every SearchEngine must show; run against each engine by its own test file. */
import type { SearchDocument, SearchEngine, SearchQuery } from '../../src/search/types'

const now = new Date('2026-11-25T10:00:00+08:00')

export const doc = (code: string, over: Partial<SearchDocument> = {}): SearchDocument => ({
  code,
  version: 1,
  type: 'guide',
  title: '',
  summary: '',
  body: '',
  tags: [],
  question: '',
  questions: [],
  structured: '',
  present: [],
  unit: '公安局',
  category: '户籍证件/身份证',
  districts: [],
  audience: 'public',
  status: 'published',
  ...over,
})

const CORPUS: SearchDocument[] = [
  doc('KB-0001', {
    title: '居民身份证遗失补领',
    summary: '身份证丢了可以补领',
    tags: ['身份证丢了'],
    districts: ['东城区'],
  }),
  doc('KB-0002', { title: '居民身份证有效期满换领', summary: '身份证过期换领' }),
  doc('KB-0003', { type: 'script', title: '身份证制证进度答复口径', audience: 'internal' }),
  doc('KB-0004', { type: 'faq', title: '旧身份证补领标准', validUntil: '2025-12-30T16:00:00.000Z' }),
  doc('KB-0005', {
    title: '住房公积金租房提取',
    unit: '公积金中心',
    category: '住房公积金/提取',
    districts: ['西城区'],
  }),
  doc('KB-0006', {
    type: 'location',
    title: '市民中心办事大厅',
    unit: '政务办',
    category: '政务服务/办事大厅',
    structured: '市民大道100号',
  }),
  doc('KB-0007', { title: '即将施行的新规定', validFrom: '2027-01-01T00:00:00+08:00' }),
]

export function describeConformance(name: string, makeEngine: () => Promise<SearchEngine>) {
  describe(`${name} engine conformance`, () => {
    let engine: SearchEngine
    const search = (text: string, over: Partial<SearchQuery> = {}) =>
      engine.search({ text, audience: 'agent', now, ...over })
    const codes = async (text: string, over: Partial<SearchQuery> = {}) =>
      (await search(text, over)).hits.map((h) => h.document.code)

    beforeEach(async () => {
      engine = await makeEngine()
      await engine.replaceAll(CORPUS)
      await engine.setSynonyms([])
      await engine.setPins([])
    })

    it('finds the best entry first', async () => {
      expect((await codes('身份证丢了'))[0]).toBe('KB-0001')
    })

    it('keeps internal, expired and not-yet-valid entries from the public', async () => {
      const publicCodes = await codes('身份证', { audience: 'public' })
      expect(publicCodes).toEqual(expect.arrayContaining(['KB-0001', 'KB-0002']))
      for (const hidden of ['KB-0003', 'KB-0004', 'KB-0007']) expect(publicCodes).not.toContain(hidden)
    })

    it('shows agents internal scripts, and expired entries only when asked, marked', async () => {
      expect(await codes('身份证')).toContain('KB-0003')
      expect(await codes('身份证')).not.toContain('KB-0004')
      const withExpired = await search('身份证补领', { includeExpired: true })
      expect(withExpired.hits.find((h) => h.document.code === 'KB-0004')?.expired).toBe(true)
    })

    it('filters and counts facets', async () => {
      expect(await codes('身份证', { filters: { type: ['script'] } })).toEqual(['KB-0003'])
      expect(await codes('提取', { filters: { unit: ['公积金中心'], district: ['西城区'] } })).toEqual(['KB-0005'])
      const all = await search('身份证')
      expect(all.facets.type).toMatchObject({ guide: 2, script: 1 })
      expect(all.facets.district).toMatchObject({ 东城区: 1 })
    })

    it('understands traditional characters, pinyin and typos', async () => {
      expect((await codes('身份證遺失'))[0]).toBe('KB-0001')
      expect(await codes('gongjijin')).toContain('KB-0005')
      expect((await codes('公积全租房'))[0]).toBe('KB-0005')
    })

    it('applies synonyms pushed to it', async () => {
      expect(await codes('便民窗口')).not.toContain('KB-0006')
      await engine.setSynonyms([['便民窗口', '办事大厅']])
      expect(await codes('便民窗口')).toContain('KB-0006')
    })

    it('puts pinned answers first, confident, and still keeps internal ones from the public', async () => {
      await engine.setPins([{ query: '请问身份证', codes: ['KB-0006', 'KB-0003'] }])
      const agent = await search('身份证')
      expect(agent.hits.slice(0, 2).map((h) => [h.document.code, h.confident])).toEqual([
        ['KB-0006', true],
        ['KB-0003', true],
      ])
      const publicCodes = await codes('身份证', { audience: 'public' })
      expect(publicCodes[0]).toBe('KB-0006')
      expect(publicCodes).not.toContain('KB-0003')
      expect((await codes('身份证补领'))[0]).not.toBe('KB-0006')
    })

    it('gives no confident hit to a question it cannot answer', async () => {
      const result = await search('明天天气怎么样')
      expect(result.hits.filter((h) => h.confident)).toEqual([])
    })

    describe('similar questions (相似问)', () => {
      const withQuestions = [
        doc('KB-0101', { title: '出生登记', questions: ['小孩刚生下来怎么上户口', '新生儿落户要带什么'] }),
        // Its phrasings hold the same words only when pooled together.
        doc('KB-0102', { title: '其他事项', questions: ['小孩生病', '上户口排队'] }),
      ]

      it('finds an entry by a phrasing its title never held, first and confident', async () => {
        await engine.upsert(withQuestions)
        const result = await search('孩子刚生下来怎么上户口')
        expect(result.hits[0]?.document.code).toBe('KB-0101')
        expect(result.hits[0]?.confident).toBe(true)
      })

      it('counts the best-matching question, not the words of all questions pooled', async () => {
        await engine.upsert(withQuestions)
        expect((await codes('小孩上户口'))[0]).toBe('KB-0101')
      })

      it('explains on request why a hit matched: the words it covers, the similar question, the fields', async () => {
        await engine.upsert(withQuestions)
        const plain = await search('孩子刚生下来怎么上户口')
        expect(plain.hits[0]?.explanation).toBeUndefined()
        const { hits } = await search('孩子刚生下来怎么上户口', { explain: true })
        const best = hits[0]!
        expect(best.document.code).toBe('KB-0101')
        expect(best.explanation?.fields).toContain('similarQuestion')
        const words = best.explanation!.words
        expect(words.find((w) => w.word === '户口')).toMatchObject({ matched: true })
        expect(words.every((w) => w.weight > 0 && w.weight <= 1)).toBe(true)
      })

      it('forgets replaced questions', async () => {
        await engine.upsert(withQuestions)
        await engine.upsert([doc('KB-0101', { version: 2, title: '出生登记', questions: ['新生儿办理户籍'] })])
        expect((await codes('刚生下来怎么上户口'))[0]).not.toBe('KB-0101')
        expect((await codes('新生儿办理户籍'))[0]).toBe('KB-0101')
      })
    })

    it('explains a title match by the title field, and leaves out words the entry lacks', async () => {
      const { hits } = await search('身份证补领 火星', { explain: true })
      const hit = hits.find((h) => h.explanation?.fields.includes('title'))
      expect(hit).toBeDefined()
      expect(hit!.explanation!.words.find((w) => w.word === '火星')).toMatchObject({ matched: false })
    })

    it('pages results', async () => {
      const first = await search('身份证', { perPage: 1, page: 1 })
      const second = await search('身份证', { perPage: 1, page: 2 })
      expect(first.found).toBe(second.found)
      expect(first.hits[0].document.code).not.toBe(second.hits[0].document.code)
    })

    it('upserts, ignores stale versions, deletes and reports its size', async () => {
      await engine.upsert([doc('KB-0001', { version: 3, title: '身份证挂失' })])
      await engine.upsert([doc('KB-0001', { version: 2, title: '过时的标题' })])
      expect((await search('挂失')).hits[0].document.title).toBe('身份证挂失')
      expect(await codes('过时')).not.toContain('KB-0001')
      await engine.delete(['KB-0001'])
      expect(await codes('身份证挂失')).not.toContain('KB-0001')
      expect((await engine.health()).documents).toBe(CORPUS.length - 1)
    })
  })
}
