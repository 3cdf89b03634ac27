/** Scoring a classifier: accuracy, per-class and macro F1, calibration, and stratified folds. */
import { random, shuffled } from './softmaxRegression'

export type ClassScore = { label: string; support: number; precision: number; recall: number; f1: number }

export type ClassificationScore = {
  count: number
  accuracy: number
  macroF1: number
  perClass: ClassScore[]
  /** Expected calibration error of the top suggestion's confidence (10 bins): 0 is perfectly calibrated. */
  calibrationError: number
  /** Share of texts whose true label is among the suggestions. */
  topKRecall: number
}

export type Prediction = { actual: string; suggested: { label: string; confidence: number }[] }

export function scoreClassification(predictions: readonly Prediction[]): ClassificationScore {
  const labels = [...new Set(predictions.flatMap((p) => [p.actual, ...p.suggested.map((s) => s.label)]))].sort()
  const tp = new Map<string, number>()
  const predicted = new Map<string, number>()
  const support = new Map<string, number>()
  const bins = Array.from({ length: 10 }, () => ({ n: 0, confidence: 0, correct: 0 }))
  let correct = 0
  let inTopK = 0
  for (const p of predictions) {
    const top = p.suggested[0]
    const hit = top?.label === p.actual
    support.set(p.actual, (support.get(p.actual) ?? 0) + 1)
    if (top) predicted.set(top.label, (predicted.get(top.label) ?? 0) + 1)
    if (hit) {
      correct++
      tp.set(p.actual, (tp.get(p.actual) ?? 0) + 1)
    }
    if (p.suggested.some((s) => s.label === p.actual)) inTopK++
    if (top) {
      const bin = bins[Math.min(9, Math.floor(top.confidence * 10))]
      bin.n++
      bin.confidence += top.confidence
      bin.correct += hit ? 1 : 0
    }
  }
  const ratio = (a: number, b: number) => (b ? a / b : 0)
  const perClass = labels.map((label) => {
    const precision = ratio(tp.get(label) ?? 0, predicted.get(label) ?? 0)
    const recall = ratio(tp.get(label) ?? 0, support.get(label) ?? 0)
    const f1 = ratio(2 * precision * recall, precision + recall)
    return { label, support: support.get(label) ?? 0, precision, recall, f1 }
  })
  const scored = perClass.filter((c) => c.support > 0)
  const n = predictions.length
  return {
    count: n,
    accuracy: ratio(correct, n),
    macroF1: ratio(
      scored.reduce((s, c) => s + c.f1, 0),
      scored.length,
    ),
    perClass,
    calibrationError: bins.reduce((s, b) => s + (b.n ? Math.abs(b.confidence - b.correct) : 0), 0) / (n || 1),
    topKRecall: ratio(inTopK, n),
  }
}

/**
 * Splits items into k folds of about equal size, each with about the same share of every label
 * (items of a label are shuffled with a fixed seed and dealt out in turn).
 */
export function stratifiedFolds<T>(items: readonly T[], labelOf: (item: T) => string, k: number, seed = 1): T[][] {
  const byLabel = new Map<string, T[]>()
  for (const item of items) {
    const label = labelOf(item)
    if (!byLabel.has(label)) byLabel.set(label, [])
    byLabel.get(label)!.push(item)
  }
  const rand = random(seed)
  const folds: T[][] = Array.from({ length: k }, () => [])
  let next = 0
  for (const label of [...byLabel.keys()].sort()) {
    for (const item of shuffled(byLabel.get(label)!, rand)) folds[next++ % k].push(item)
  }
  return folds
}
