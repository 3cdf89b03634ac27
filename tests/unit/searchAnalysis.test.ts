import fc from 'fast-check'

import { BIGRAM_PREFIX, CHAR_PREFIX, createAnalyzer, LATIN_PREFIX } from '../../src/search/analysis/analyzer'
import { normalizeText } from '../../src/search/analysis/normalize'
import { WORD_WEIGHTS } from '../../src/search/analysis/wordWeight'
import {
  CONFIDENT_AT,
  CONFIDENT_WITHOUT_STRENGTH_AT,
  confidenceOf,
  coverage,
  coveredWords,
  isConfident,
} from '../../src/search/confidence'
import { rarestIdf } from '../../src/search/embedded/invertedIndex'
import { mrrAt, ndcgAt, recallAt } from '../../src/search/eval/metrics'
import { hitHighlights, markRanges } from '../../src/search/highlight'

const analyzer = createAnalyzer({ synonyms: [['医保', '医疗保险'], { root: '驾照', synonyms: ['驾驶证'] }] })

describe('normalisation', () => {
  it('folds width, case and traditional script', () => {
    expect(normalizeText('身份證遺失ＡＢＣ１２３')).toBe('身份证遗失abc123')
  })
})

describe('index tokens', () => {
  it('holds words, character bigrams and pinyin keys', () => {
    const tokens = analyzer.indexTokens('住房公积金提取')
    expect(tokens).toEqual(
      expect.arrayContaining([
        '住房公积金',
        '公积金',
        '提取',
        `${BIGRAM_PREFIX}公积`,
        `${BIGRAM_PREFIX}积金`,
        'py:gongjijin',
        'pi:gjj',
      ]),
    )
  })

  it('leaves out conversational fillers and punctuation', () => {
    const tokens = analyzer.indexTokens('请问，身份证怎么办？')
    expect(tokens).not.toContain('请问')
    expect(tokens).not.toContain('？')
    expect(tokens).toContain('身份证')
  })
})

describe('query analysis', () => {
  it('weights the caller’s own words above bigrams, homophones and synonyms', () => {
    const { terms, words } = analyzer.analyzeQuery('医保报销咋办')
    expect(words.map((w) => w.word)).toEqual(['医保', '报销'])
    expect(terms.get('医保')).toBe(1)
    expect(terms.get('医疗保险')).toBeLessThan(1)
    expect(terms.get('py:yibao')).toBeLessThan(terms.get(`${BIGRAM_PREFIX}医保`)!)
    expect(terms.has('咋办')).toBe(false)
  })

  it('maps pinyin input and initials to pinyin keys', () => {
    const { terms } = analyzer.analyzeQuery('shebao sfz')
    expect(terms.get('py:shebao')).toBeGreaterThan(0)
    expect(terms.get('pi:sfz')).toBeGreaterThan(0)
  })

  it('applies one-way synonyms in their direction only', () => {
    expect(analyzer.analyzeQuery('驾照').terms.has('驾驶证')).toBe(true)
    expect(analyzer.analyzeQuery('驾驶证').terms.has('驾照')).toBe(false)
  })

  it('expands phrases the segmenter splits, and reads intent cues', () => {
    const a = analyzer.analyzeQuery('公司不开了 注销要带什么')
    expect(a.terms.get('注销')).toBe(1)
    expect(a.intent.fields.has('materials')).toBe(true)
    expect(analyzer.analyzeQuery('车管所在哪').intent.types.has('location')).toBe(true)
  })
})

describe('query-side word weights', () => {
  const weightOf = (query: string, word: string) =>
    analyzer.analyzeQuery(query).words.find((w) => w.word === word)?.weight

  it('weighs function words and fillers little, topic words fully, and keeps negation as a small signal', () => {
    expect(weightOf('为什么公积金不能提取', '公积金')).toBe(1)
    expect(weightOf('为什么公积金不能提取', '提取')).toBeGreaterThan(0.9)
    expect(weightOf('为什么公积金不能提取', '为什么')).toBeLessThan(0.2)
    expect(weightOf('为什么公积金不能提取', '不能')).toBe(WORD_WEIGHTS.negation)
  })

  it('splits segments the dictionary only guessed around fillers, but keeps a guessed typo whole', () => {
    const words = analyzer.analyzeQuery('停车费是怎么收的').words.map((w) => w.word)
    expect(words).toEqual(['停车费', '收'])
    expect(analyzer.analyzeQuery('我刚买的').words.find((w) => w.word === '刚')?.weight).toBeLessThan(0.2)
    // 社宝 (a typo of 社保) stays one word, so its homophone still finds 社保.
    expect(analyzer.analyzeQuery('社宝断交了').terms.has('py:shebao')).toBe(true)
  })

  it('counts a repeated word once', () => {
    expect(analyzer.analyzeQuery('社保 社保 转移').words.map((w) => w.word)).toEqual(['社保', '转移'])
  })

  it('matches Latin abbreviations by prefix and keeps decimals whole', () => {
    expect(analyzer.gramTokens('ETC卡')).toEqual(expect.arrayContaining([`${LATIN_PREFIX}et`, `${CHAR_PREFIX}卡`]))
    expect(analyzer.analyzeQuery('etc').terms.has(`${LATIN_PREFIX}etc`)).toBe(true)
    expect(analyzer.gramTokens('Wifi密码')).toContain(`${LATIN_PREFIX}wif`)
    expect(analyzer.analyzeQuery('利率3.25%').words.map((w) => w.word)).toContain('3.25%')
  })

  it('gives each word its characters as the last fallback, and no bigram across two whole words', () => {
    const a = analyzer.analyzeQuery('停车费是怎么收的')
    expect(a.words[0]!.characters).toEqual([`${CHAR_PREFIX}停`, `${CHAR_PREFIX}车`, `${CHAR_PREFIX}费`])
    expect(a.terms.has(`${BIGRAM_PREFIX}费收`)).toBe(false)
  })
})

describe('confidence', () => {
  it('counts a word as covered by itself, its evidence or half of its bigrams, by weight', () => {
    const { words } = analyzer.analyzeQuery('公积金提取')
    expect(coverage(words, new Set(['公积金', '提取']))).toBe(1)
    expect(coverage(words, new Set(['公积金']))).toBeCloseTo(1 / (1 + words[1]!.weight))
    expect(coverage(words, new Set([`${BIGRAM_PREFIX}公积`, `${BIGRAM_PREFIX}提取`]))).toBe(1)
    expect(coverage(words, new Set())).toBe(0)
    // A filler left uncovered costs little.
    const filler = analyzer.analyzeQuery('公积金为什么')
    expect(coverage(filler.words, new Set(['公积金']))).toBeGreaterThan(0.85)
  })

  it('lists the indexes of the covered words', () => {
    const { words } = analyzer.analyzeQuery('我在北京交了五年社保怎么转过来')
    expect(coveredWords(words, new Set(['社保']))).toEqual([words.findIndex((w) => w.word === '社保')])
    expect(coveredWords(words, new Set())).toEqual([])
  })

  it('is confident on broad coverage with a clear lead, not on a single weak match', () => {
    const confident = (s: Parameters<typeof confidenceOf>[0]) => isConfident(confidenceOf(s), s.margin)
    expect(confident({ queryCoverage: 1, margin: 0.6, strength: 3 })).toBe(true)
    expect(confident({ queryCoverage: 0.3, margin: 0.6, strength: 0.5 })).toBe(false)
    expect(confidenceOf({ queryCoverage: 0.9, margin: 0.5, strength: 2 })).toBeGreaterThan(
      confidenceOf({ queryCoverage: 0.4, margin: 0.5, strength: 2 }),
    )
    expect(confident({ queryCoverage: 1, margin: 0, strength: 3 })).toBe(false)
    expect(confidenceOf({ queryCoverage: 0.8, margin: 0.5, strength: 2 })).toBeGreaterThan(
      confidenceOf({ queryCoverage: 0.8, margin: 0.2, strength: 2 }),
    )
  })
})

describe('isConfident', () => {
  it('marks only a hit that leads the others, at the threshold', () => {
    expect(isConfident(0.9, 0.3)).toBe(true)
    expect(isConfident(0.9, 0)).toBe(false)
    expect(isConfident(CONFIDENT_AT - 0.01, 0.3)).toBe(false)
    expect(isConfident(0.8, 0.3, CONFIDENT_WITHOUT_STRENGTH_AT)).toBe(false)
  })
})

describe('confidence without a comparable score (Typesense)', () => {
  it('judges coverage and margin alone, at its own threshold', () => {
    const confident = (s: Parameters<typeof confidenceOf>[0]) => confidenceOf(s) >= CONFIDENT_WITHOUT_STRENGTH_AT
    expect(confident({ queryCoverage: 1, margin: 0.8 })).toBe(true)
    expect(confident({ queryCoverage: 1, margin: 0.2 })).toBe(false)
    expect(confident({ queryCoverage: 0.4, margin: 0.8 })).toBe(false)
  })
})

describe('rarestIdf', () => {
  it('is the IDF of a term one document holds, growing with the index', () => {
    expect(rarestIdf(2)).toBeCloseTo(Math.log(2))
    expect(rarestIdf(0)).toBe(rarestIdf(1))
    expect(rarestIdf(100_000)).toBeGreaterThan(rarestIdf(255))
  })
})

describe('highlights', () => {
  it('marks matched words, merges neighbours and escapes HTML', () => {
    const title = (text: string, terms: string[]) => hitHighlights({ title: text, summary: '' }, terms).highlights.title
    expect(title('居民身份证遗失补领', ['身份证', `${BIGRAM_PREFIX}遗失`])).toBe('居民<mark>身份证遗失</mark>补领')
    expect(title('<b>医保</b>', ['医保'])).toBe('&#60;b&#62;<mark>医保</mark>&#60;/b&#62;')
    expect(title('无关内容', ['医保', 'py:yibao'])).toBeUndefined()
  })

  it('gives the marks as ranges into the text, so that pages never insert entry text as HTML', () => {
    expect(markRanges('居民身份证遗失补领', ['身份证', `${BIGRAM_PREFIX}遗失`])).toEqual([[2, 7]])
    const title = '<img src=x onerror=alert(1)>社保卡'
    const marks = hitHighlights({ title, summary: '<img src=x onerror=alert(1)>' }, ['社保'])
    expect(marks.marks).toEqual({ title: [[28, 30]], summary: [] })
    expect(marks.highlights.title).toBe('&#60;img src=x onerror=alert(1)&#62;<mark>社保</mark>卡')
    expect(marks.highlights.summary).toBeUndefined()
  })

  it('ranges are ordered, disjoint and inside the text (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string({ minLength: 1, maxLength: 3 }), { maxLength: 5 }), (text, terms) => {
        let at = 0
        for (const [start, end] of markRanges(text, terms)) {
          expect(start).toBeGreaterThanOrEqual(at)
          expect(end).toBeGreaterThan(start)
          expect(end).toBeLessThanOrEqual(text.length)
          at = end
        }
      }),
    )
  })
})

describe('evaluation metrics (linear gain, as the evaluation README defines)', () => {
  const relevant = { A: 3, B: 2, C: 1 }
  it('computes nDCG@10', () => {
    expect(ndcgAt(10, ['A', 'B', 'C'], relevant)).toBeCloseTo(1)
    const dcg = (1 / Math.log2(2)) * 0 + 3 / Math.log2(3)
    const ideal = 3 + 2 / Math.log2(3) + 1 / Math.log2(4)
    expect(ndcgAt(10, ['X', 'A'], relevant)).toBeCloseTo(dcg / ideal)
  })

  it('computes Recall@5 over every judged entry, or grade 3 only', () => {
    expect(recallAt(5, ['A', 'X', 'C'], relevant)).toBeCloseTo(2 / 3)
    expect(recallAt(5, ['A'], relevant, 3)).toBe(1)
  })

  it('computes MRR@10 of the first grade-3 entry', () => {
    expect(mrrAt(10, ['X', 'B', 'A'], relevant)).toBeCloseTo(1 / 3)
    expect(mrrAt(10, ['B'], relevant)).toBe(0)
  })
})
