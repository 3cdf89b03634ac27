/**
 * Category suggestion at intake: a multinomial logistic regression over the TF-IDF of an order's
 * words and character bigrams, learned from orders whose category a person confirmed. Its
 * confidences are calibrated by a temperature fitted on held-out folds of the training data, and the
 * model serialises to JSON so that it can be stored and reloaded without retraining.
 */
import { stratifiedFolds } from './classification'
import { type IntakeText, intakeTokens, type SparseVector, TfIdf, type TfIdfState } from './features'
import {
  DEFAULT_SOFTMAX_OPTIONS,
  logits,
  type SoftmaxOptions,
  type SoftmaxWeights,
  softmax,
  trainSoftmax,
} from './softmaxRegression'

export type LabelledText = IntakeText & { label: string }

export type CategorySuggestion = { label: string; confidence: number }

export type CategoryModelOptions = SoftmaxOptions & {
  /** A term counts only when it occurs in at least this many training texts. */
  minDf: number
  /** Held-out folds used to fit the confidence temperature (0: no calibration). */
  calibrationFolds: number
}

export const DEFAULT_CATEGORY_OPTIONS: CategoryModelOptions = {
  ...DEFAULT_SOFTMAX_OPTIONS,
  minDf: 2,
  calibrationFolds: 2,
}

export type CategoryModelJson = {
  kind: 'intake-category-model'
  version: 1
  labels: string[]
  examples: number
  options: CategoryModelOptions
  features: TfIdfState
  /** Float32 weights, feature-major, base64. */
  weights: string
  bias: number[]
  temperature: number
}

/** Temperatures tried when calibrating: 0.1 to 30 on a log scale (a grid is enough for one scalar). */
const TEMPERATURES = Array.from({ length: 100 }, (_, i) => 0.1 * Math.pow(300, i / 99))

function fit(texts: string[][], labels: number[], classes: number, options: CategoryModelOptions) {
  const features = TfIdf.fit(texts, options.minDf)
  const xs = texts.map((t) => features.transform(t))
  return { features, weights: trainSoftmax(xs, labels, features.size, classes, options) }
}

/** The temperature that minimises the log-loss of held-out predictions. */
function calibrate(texts: string[][], labels: number[], classes: number, options: CategoryModelOptions): number {
  if (options.calibrationFolds < 2 || texts.length < options.calibrationFolds * 2) return 1
  const indices = stratifiedFolds(
    texts.map((_, i) => i),
    (i) => String(labels[i]),
    options.calibrationFolds,
    options.seed,
  )
  const heldOut: { scores: Float64Array; label: number }[] = []
  for (const fold of indices) {
    const test = new Set(fold)
    const train = texts.map((_, i) => i).filter((i) => !test.has(i))
    const model = fit(
      train.map((i) => texts[i]),
      train.map((i) => labels[i]),
      classes,
      options,
    )
    for (const i of fold)
      heldOut.push({ scores: logits(model.weights, model.features.transform(texts[i])), label: labels[i] })
  }
  let best = { temperature: 1, loss: Infinity }
  for (const temperature of TEMPERATURES) {
    const loss = heldOut.reduce((s, h) => s - Math.log(softmax(h.scores, temperature)[h.label] + 1e-12), 0)
    if (loss < best.loss) best = { temperature, loss }
  }
  return best.temperature
}

export class CategoryModel {
  private constructor(
    readonly labels: string[],
    readonly examples: number,
    readonly options: CategoryModelOptions,
    private readonly features: TfIdf,
    private readonly weights: SoftmaxWeights,
    readonly temperature: number,
  ) {}

  static train(examples: readonly LabelledText[], options: Partial<CategoryModelOptions> = {}): CategoryModel {
    const opts = { ...DEFAULT_CATEGORY_OPTIONS, ...options }
    const usable = examples.filter((e) => e.label && (e.title?.trim() || e.content?.trim()))
    const labels = [...new Set(usable.map((e) => e.label))].sort()
    if (labels.length < 2) throw new Error('训练数据至少需要两个类别')
    const labelIds = new Map(labels.map((l, i) => [l, i]))
    const texts = usable.map((e) => intakeTokens(e))
    const ys = usable.map((e) => labelIds.get(e.label)!)
    const { features, weights } = fit(texts, ys, labels.length, opts)
    const temperature = calibrate(texts, ys, labels.length, opts)
    return new CategoryModel(labels, usable.length, opts, features, weights, temperature)
  }

  static fromJSON(json: CategoryModelJson): CategoryModel {
    if (json?.kind !== 'intake-category-model' || json.version !== 1) throw new Error('不是可识别的分类模型文件')
    const bytes = Buffer.from(json.weights, 'base64')
    if (bytes.byteLength !== json.features.terms.length * json.labels.length * 4) throw new Error('分类模型文件已损坏')
    const weights = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength))
    return new CategoryModel(
      json.labels,
      json.examples,
      json.options,
      new TfIdf(json.features),
      { classes: json.labels.length, weights, bias: Float32Array.from(json.bias) },
      json.temperature,
    )
  }

  toJSON(): CategoryModelJson {
    const { weights } = this.weights
    return {
      kind: 'intake-category-model',
      version: 1,
      labels: this.labels,
      examples: this.examples,
      options: this.options,
      features: this.features.state,
      weights: Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).toString('base64'),
      bias: [...this.weights.bias],
      temperature: this.temperature,
    }
  }

  private vector(text: IntakeText): SparseVector {
    return this.features.transform(intakeTokens(text))
  }

  /** The most likely categories, best first, with calibrated confidences (empty for an empty text). */
  suggest(text: IntakeText, count = 3): CategorySuggestion[] {
    const x = this.vector(text)
    if (x.index.length === 0) return []
    const p = softmax(logits(this.weights, x), this.temperature)
    return p
      .map((confidence, k) => ({ label: this.labels[k], confidence }))
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, count)
  }

  /** The terms of a text that pushed it most towards a category (why it was suggested). */
  explain(text: IntakeText, label: string, count = 5): { term: string; weight: number }[] {
    const k = this.labels.indexOf(label)
    if (k < 0) return []
    const K = this.labels.length
    const x = this.vector(text)
    return Array.from(x.index, (f, j) => ({
      term: this.features.state.terms[f],
      weight: x.value[j] * (this.weights.weights[f * K + k] - averageWeight(this.weights.weights, f, K)),
    }))
      .filter((t) => t.weight > 0)
      .sort((a, b) => b.weight - a.weight)
      .slice(0, count)
  }
}

function averageWeight(weights: Float32Array, feature: number, classes: number): number {
  let sum = 0
  for (let k = 0; k < classes; k++) sum += weights[feature * classes + k]
  return sum / classes
}
