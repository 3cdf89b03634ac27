import fc from 'fast-check'

import { BIGRAM_PREFIX, createAnalyzer } from '../../src/search/analysis/analyzer'
import { normalizeText } from '../../src/search/analysis/normalize'
import { coverage, isConfident } from '../../src/search/confidence'
import { mrrAt, ndcgAt, recallAt } from '../../src/search/eval/metrics'
import { highlight, hitHighlights, markRanges } from '../../src/search/highlight'

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

describe('confidence', () => {
  it('counts a word as covered by itself, its evidence or half of its bigrams', () => {
    const a = analyzer.analyzeQuery('公积金提取')
    expect(coverage(a, new Set(['公积金', '提取']))).toBe(1)
    expect(coverage(a, new Set(['公积金']))).toBe(0.5)
    expect(coverage(a, new Set([`${BIGRAM_PREFIX}公积`, `${BIGRAM_PREFIX}提取`]))).toBe(1)
    expect(coverage(a, new Set())).toBe(0)
  })

  it('is confident on broad coverage, or on a strong score for the query’s weight', () => {
    expect(isConfident(0.6, 1, 10)).toBe(true)
    expect(isConfident(0.3, 100, 10)).toBe(false)
    expect(isConfident(0.3, 1000, 10)).toBe(true)
    expect(isConfident(0, 1000, 10)).toBe(false)
  })
})

describe('highlights', () => {
  it('marks matched words, merges neighbours and escapes HTML', () => {
    expect(highlight('居民身份证遗失补领', ['身份证', `${BIGRAM_PREFIX}遗失`])).toBe('居民<mark>身份证遗失</mark>补领')
    expect(highlight('<b>医保</b>', ['医保'])).toBe('&#60;b&#62;<mark>医保</mark>&#60;/b&#62;')
    expect(highlight('无关内容', ['医保', 'py:yibao'])).toBeUndefined()
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
