/**
 * Multinomial logistic regression on sparse vectors, trained by stochastic gradient descent with L2
 * regularisation (the "optimal" step size of Bottou's SGD, as in scikit-learn's SGDClassifier).
 * Linear: each word's weight per class says why a text leans to a class.
 */
import type { SparseVector } from './features'

export type SoftmaxOptions = {
  /** L2 regularisation strength. */
  alpha: number
  epochs: number
  /** Weight classes inversely to their frequency, so small classes are not drowned. */
  balanced: boolean
  seed: number
}

export const DEFAULT_SOFTMAX_OPTIONS: SoftmaxOptions = { alpha: 3e-5, epochs: 10, balanced: true, seed: 1 }

export type SoftmaxWeights = {
  classes: number
  /** Feature-major: weights[feature * classes + class]. */
  weights: Float32Array
  bias: Float32Array
}

/** A small deterministic generator (mulberry32), so that training is reproducible. */
export function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export function shuffled<T>(items: readonly T[], rand: () => number): T[] {
  const out = [...items]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

/** Class scores (logits) of a vector. */
export function logits(model: SoftmaxWeights, x: SparseVector, out = new Float64Array(model.classes)): Float64Array {
  const K = model.classes
  for (let k = 0; k < K; k++) out[k] = model.bias[k]
  for (let j = 0; j < x.index.length; j++) {
    const base = x.index[j] * K
    const v = x.value[j]
    for (let k = 0; k < K; k++) out[k] += v * model.weights[base + k]
  }
  return out
}

/** Probabilities from scores, softened or sharpened by a temperature. */
export function softmax(scores: ArrayLike<number>, temperature = 1): number[] {
  let max = -Infinity
  for (let k = 0; k < scores.length; k++) max = Math.max(max, scores[k])
  const exp = Array.from(scores, (s) => Math.exp((s - max) / temperature))
  const sum = exp.reduce((a, b) => a + b, 0)
  return exp.map((e) => e / sum)
}

export function trainSoftmax(
  xs: readonly SparseVector[],
  ys: readonly number[],
  features: number,
  classes: number,
  options: Partial<SoftmaxOptions> = {},
): SoftmaxWeights {
  const { alpha, epochs, balanced, seed } = { ...DEFAULT_SOFTMAX_OPTIONS, ...options }
  const K = classes
  const w = new Float64Array(features * K)
  const bias = new Float64Array(K)
  const counts = new Array<number>(K).fill(0)
  for (const y of ys) counts[y]++
  const classWeight = counts.map((n) => (balanced && n ? ys.length / (K * n) : 1))
  // Bottou's schedule: eta_t = 1 / (alpha (t0 + t)), t0 chosen so that the first step is about 1/sqrt(alpha)-scaled.
  const typw = Math.sqrt(1 / Math.sqrt(alpha))
  const eta0 = typw / Math.max(1, 1 / (1 + Math.exp(-typw)))
  const t0 = 1 / (eta0 * alpha)
  let scale = 1
  let t = 0
  const rand = random(seed)
  const order = xs.map((_, i) => i)
  const scores = new Float64Array(K)
  const grad = new Float64Array(K)
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (const i of shuffled(order, rand)) {
      const { index, value } = xs[i]
      const eta = 1 / (alpha * (t0 + t++))
      for (let k = 0; k < K; k++) scores[k] = 0
      for (let j = 0; j < index.length; j++) {
        const base = index[j] * K
        const v = value[j]
        for (let k = 0; k < K; k++) scores[k] += v * w[base + k]
      }
      // Softmax in place: the gradient of the log-loss is p - y.
      let max = -Infinity
      for (let k = 0; k < K; k++) max = Math.max(max, (scores[k] = scores[k] * scale + bias[k]))
      let sum = 0
      for (let k = 0; k < K; k++) sum += scores[k] = Math.exp(scores[k] - max)
      const cw = classWeight[ys[i]]
      for (let k = 0; k < K; k++) grad[k] = cw * (scores[k] / sum - (k === ys[i] ? 1 : 0))
      // L2 shrinks every weight; kept as one scale factor so that an update touches only x's features.
      scale *= 1 - eta * alpha
      if (scale < 1e-9) {
        for (let f = 0; f < w.length; f++) w[f] *= scale
        scale = 1
      }
      const step = eta / scale
      for (let j = 0; j < index.length; j++) {
        const base = index[j] * K
        const v = value[j] * step
        for (let k = 0; k < K; k++) w[base + k] -= v * grad[k]
      }
      // The intercept learns slowly and is not regularised (as in scikit-learn).
      for (let k = 0; k < K; k++) bias[k] -= eta * 0.01 * grad[k]
    }
  }
  for (let f = 0; f < w.length; f++) w[f] *= scale
  return { classes: K, weights: Float32Array.from(w), bias: Float32Array.from(bias) }
}
