/** Learning from one set of labelled texts and scoring on another, or k-fold cross-validation. */
import { type CategoryModelOptions, CategoryModel, type LabelledText } from './categoryModel'
import { type ClassificationScore, type Prediction, scoreClassification, stratifiedFolds } from './classification'

/** Labelled texts from JSON Lines `{"id","title","content","label1"}` (title may be null). */
export function parseLabelledLines(text: string, source = ''): LabelledText[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line, number: i + 1 }))
    .filter(({ line }) => line.trim())
    .map(({ line, number }) => {
      const row = JSON.parse(line) as { title?: string | null; content?: string | null; label1?: string }
      if (!row.label1) throw new Error(`${source} 第 ${number} 行缺少 label1`)
      return { title: row.title, content: row.content, label: row.label1 }
    })
}

export type Evaluation = ClassificationScore & { trainMs: number[] }

function predictAll(model: CategoryModel, test: readonly LabelledText[]): Prediction[] {
  return test.map((t) => ({ actual: t.label, suggested: model.suggest(t, 3) }))
}

export function evaluateSplit(
  train: readonly LabelledText[],
  test: readonly LabelledText[],
  options: Partial<CategoryModelOptions> = {},
): Evaluation {
  const started = performance.now()
  const model = CategoryModel.train(train, options)
  const trainMs = performance.now() - started
  return { ...scoreClassification(predictAll(model, test)), trainMs: [trainMs] }
}

/**
 * Stratified k-fold cross-validation: every text is scored once by a model that did not see it;
 * the scores are computed over all those predictions together.
 */
export function crossValidate(
  examples: readonly LabelledText[],
  folds = 5,
  options: Partial<CategoryModelOptions> = {},
  seed = 1,
): Evaluation {
  const parts = stratifiedFolds(examples, (e) => e.label, folds, seed)
  const predictions: Prediction[] = []
  const trainMs: number[] = []
  parts.forEach((test, i) => {
    const train = parts.filter((_, j) => j !== i).flat()
    const started = performance.now()
    const model = CategoryModel.train(train, options)
    trainMs.push(performance.now() - started)
    predictions.push(...predictAll(model, test))
  })
  return { ...scoreClassification(predictions), trainMs }
}
