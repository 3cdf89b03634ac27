/**
 * `npm run eval:intake -- --history FILE [--test FILE]`: learns the category model from a history
 * file and scores a test file; without --test, stratified 5-fold cross-validation on the history.
 * Files are JSON Lines `{"id","title","content","label1"}` (title may be null).
 */
import fs from 'node:fs'

import { Command } from 'commander'

import { CategoryModel, type LabelledText } from '../domain/intake/categoryModel'
import { crossValidate, type Evaluation, evaluateSplit, parseLabelledLines } from '../domain/intake/crossValidation'

const program = new Command('eval:intake')
  .requiredOption('--history <file>', '训练数据（JSON Lines，含 title、content、label1）')
  .option('--test <file>', '测试数据（同格式）；缺省时在训练数据上做分层 5 折交叉验证')
  .option('--folds <n>', '交叉验证折数', '5')
  .option('--alpha <x>', 'L2 正则化强度')
  .option('--epochs <n>', 'SGD 轮数')
  .option('--min-df <n>', '词项最少出现的文本数')
  .option('--calibration-folds <n>', '拟合置信度温度的折数（0 为不校准）')
  .option('--json', '输出 JSON')
  .parse()
const opts = program.opts<{
  history: string
  test?: string
  folds: string
  alpha?: string
  epochs?: string
  minDf?: string
  calibrationFolds?: string
  json?: boolean
}>()

function readLabelled(file: string): LabelledText[] {
  if (!fs.existsSync(file)) throw new Error(`找不到文件：${file}`)
  return parseLabelledLines(fs.readFileSync(file, 'utf8'), file)
}

const options = {
  ...(opts.alpha ? { alpha: Number(opts.alpha) } : {}),
  ...(opts.epochs ? { epochs: Number(opts.epochs) } : {}),
  ...(opts.minDf ? { minDf: Number(opts.minDf) } : {}),
  ...(opts.calibrationFolds ? { calibrationFolds: Number(opts.calibrationFolds) } : {}),
}
const history = readLabelled(opts.history)
const result: Evaluation = opts.test
  ? evaluateSplit(history, readLabelled(opts.test), options)
  : crossValidate(history, Number(opts.folds), options)

const f3 = (x: number) => x.toFixed(3)
if (opts.json) {
  console.log(JSON.stringify(result, null, 2))
} else {
  const mode = opts.test ? `train=${history.length} test=${result.count}` : `${opts.folds}-fold CV on ${history.length}`
  console.log(`${mode}`)
  console.log(
    `accuracy=${f3(result.accuracy)} macroF1=${f3(result.macroF1)} top3=${f3(result.topKRecall)} calibrationError=${f3(result.calibrationError)}`,
  )
  for (const c of result.perClass) {
    console.log(`  ${c.label}\tF1=${f3(c.f1)}  P=${f3(c.precision)}  R=${f3(c.recall)}  n=${c.support}`)
  }
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`
  if (opts.test) {
    console.log(`training time: ${seconds(result.trainMs[0])} (whole history, incl. calibration)`)
  } else {
    // What the product does: one model from the whole history.
    const started = performance.now()
    const cpu = process.cpuUsage()
    CategoryModel.train(history, options)
    const whole = performance.now() - started
    const { user, system } = process.cpuUsage(cpu)
    const perFold = result.trainMs.map(seconds).join(', ')
    console.log(
      `training time: ${seconds(whole)} on the whole history (${seconds((user + system) / 1000)} CPU); per fold ${perFold} (incl. calibration)`,
    )
  }
}
