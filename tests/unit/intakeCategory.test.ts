import { CategoryModel, type LabelledText } from '../../src/domain/intake/categoryModel'
import { scoreClassification, stratifiedFolds } from '../../src/domain/intake/classification'
import { crossValidate } from '../../src/domain/intake/crossValidation'
import { random } from '../../src/domain/intake/softmaxRegression'

/** Synthetic orders: each category has its own problem words, all share the filler and places. */
const WORDS: Record<string, string[]> = {
  供水: ['停水', '水压', '自来水', '水管', '漏水', '水表'],
  噪音: ['噪音', '施工', '夜间', '扰民', '广场舞', '喇叭'],
  交通: ['公交', '红绿灯', '停车', '拥堵', '站台', '线路'],
}
const FILLER = ['小区', '居民', '反映', '希望', '尽快', '处理', '幸福路', '解放街', '问题', '几天']

function synthetic(count: number, seed: number, noise = 0): LabelledText[] {
  const rand = random(seed)
  const pick = (list: string[]) => list[Math.floor(rand() * list.length)]
  const labels = Object.keys(WORDS)
  return Array.from({ length: count }, (_, i) => {
    const label = labels[i % labels.length]
    // With `noise`, some texts carry another category's words (as real appeals do).
    const source = rand() < noise ? pick(labels) : label
    const words = Array.from({ length: 8 }, (_, j) => (j % 2 ? pick(WORDS[source]) : pick(FILLER)))
    return { title: `${pick(WORDS[source])}${pick(FILLER)}`, content: words.join('，'), label }
  })
}

describe('category model', () => {
  const train = synthetic(150, 1)
  const model = CategoryModel.train(train)

  it('suggests the category of unseen texts, top three best first', () => {
    const suggestions = model.suggest({ title: '停水三天了', content: '我们小区自来水水压太低，水管还漏水' })
    expect(suggestions).toHaveLength(3)
    expect(suggestions[0].label).toBe('供水')
    expect(suggestions[0].confidence).toBeGreaterThan(0.6)
    expect(suggestions.map((s) => s.confidence)).toEqual(
      [...suggestions.map((s) => s.confidence)].sort((a, b) => b - a),
    )
    const total = suggestions.reduce((s, x) => s + x.confidence, 0)
    expect(total).toBeCloseTo(1, 5)
    expect(model.suggest({ content: '夜间施工噪音扰民' })[0].label).toBe('噪音')
    expect(model.suggest({ title: null, content: '公交站台附近停车拥堵' })[0].label).toBe('交通')
  })

  it('is less confident about a text that mixes two categories', () => {
    const clear = model.suggest({ content: '夜间施工噪音扰民，喇叭很吵' })[0]
    const mixed = model.suggest({ content: '夜间施工噪音，还停水了，水管漏水' })[0]
    expect(mixed.confidence).toBeLessThan(clear.confidence)
  })

  it('suggests nothing for a text without known words', () => {
    expect(model.suggest({ title: '', content: '' })).toEqual([])
    expect(model.suggest({ content: '！？。' })).toEqual([])
  })

  it('explains a suggestion by the words that pushed it', () => {
    const terms = model.explain({ content: '小区停水，水管漏水' }, '供水').map((t) => t.term)
    expect(terms.slice(0, 3)).toEqual(expect.arrayContaining(['停水', '漏水']))
    expect(model.explain({ content: '停水' }, '不存在的类别')).toEqual([])
  })

  it('reloads from JSON with the same suggestions', () => {
    const json = JSON.parse(JSON.stringify(model.toJSON()))
    const reloaded = CategoryModel.fromJSON(json)
    const text = { title: '红绿灯坏了', content: '路口拥堵，希望尽快处理' }
    expect(reloaded.suggest(text)).toEqual(model.suggest(text))
    expect(reloaded.labels).toEqual(['交通', '供水', '噪音'])
    expect(() => CategoryModel.fromJSON({ ...json, weights: json.weights.slice(0, 8) })).toThrow('损坏')
    expect(() => CategoryModel.fromJSON({ kind: 'other' } as never)).toThrow('不是可识别的分类模型')
  })

  it('is reproducible and needs two categories', () => {
    expect(CategoryModel.train(train).toJSON()).toEqual(model.toJSON())
    expect(() => CategoryModel.train(train.filter((t) => t.label === '供水'))).toThrow('两个类别')
  })

  it('calibrates its confidence on noisy labels: closer to how often it is right than uncalibrated', () => {
    const noisy = synthetic(300, 2, 0.3)
    const calibrated = crossValidate(noisy, 3)
    const raw = crossValidate(noisy, 3, { calibrationFolds: 0 })
    expect(calibrated.accuracy).toBeGreaterThan(0.55)
    expect(calibrated.accuracy).toBe(raw.accuracy)
    expect(calibrated.calibrationError).toBeLessThan(raw.calibrationError / 2)
    expect(calibrated.calibrationError).toBeLessThan(0.15)
  })
})

describe('classification scores', () => {
  it('computes accuracy, per-class and macro F1, top-k recall', () => {
    const p = (actual: string, ...labels: string[]) => ({
      actual,
      suggested: labels.map((label, i) => ({ label, confidence: i ? 0.1 : 0.8 })),
    })
    const score = scoreClassification([p('a', 'a', 'b'), p('a', 'b', 'a'), p('b', 'b'), p('c', 'b', 'c')])
    expect(score.accuracy).toBe(0.5)
    const f1 = Object.fromEntries(score.perClass.map((c) => [c.label, c.f1]))
    // a: P 1, R 0.5; b: P 1/3, R 1; c: never predicted.
    expect(f1.a).toBeCloseTo(2 / 3)
    expect(f1.b).toBeCloseTo(0.5)
    expect(f1.c).toBe(0)
    expect(score.macroF1).toBeCloseTo((2 / 3 + 0.5) / 3)
    expect(score.topKRecall).toBe(1)
    // Every top suggestion said 0.8; half were right.
    expect(score.calibrationError).toBeCloseTo(0.3)
  })

  it('splits into stratified folds that cover every item once', () => {
    const items = Array.from({ length: 23 }, (_, i) => ({ i, label: i < 15 ? 'x' : 'y' }))
    const folds = stratifiedFolds(items, (t) => t.label, 5)
    expect(
      folds
        .flat()
        .map((t) => t.i)
        .sort((a, b) => a - b),
    ).toEqual(items.map((t) => t.i))
    for (const fold of folds) {
      expect(fold.filter((t) => t.label === 'x')).toHaveLength(3)
      expect(fold.length).toBeGreaterThanOrEqual(4)
    }
  })
})
