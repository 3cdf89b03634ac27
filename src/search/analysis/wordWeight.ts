/**
 * How much a caller's word says about what they ask, from general Chinese usage rather than from our
 * corpus or lexicon, so that it holds in any domain: jieba's IDF table (computed on a large general
 * corpus) and the word's part of speech. Function words, fillers and odd segments weigh little;
 * negation keeps a small weight because it tells near-duplicate sibling entries apart.
 */
import { idf as idfTable } from '@node-rs/jieba/dict'

/** Parts of speech (jieba tags) that carry grammar rather than topic. */
const FUNCTION_TAG = /^(d|p|c|u|r|y|e|o|f|m|q|x|zg)/
/** Words that flip a question's meaning (能提取 / 不能提取). */
export const NEGATIONS: ReadonlySet<string> = new Set([
  '不',
  '没',
  '没有',
  '未',
  '无',
  '别',
  '不能',
  '不是',
  '不用',
  '不要',
  '不让',
  '没法',
  '无法',
  '不予',
  '不给',
])

export const WORD_WEIGHTS = {
  /** Pronouns, adverbs, particles, numerals, locality words (我/刚/上/后/多少 …). */
  function: 0.15,
  negation: 0.3,
  /** A number the caller says (80岁, 3.25): some evidence, but numbers repeat across topics. */
  number: 0.6,
  /** Other words: IDF at or below `low` weighs `content`, at or above `high` a full 1. */
  content: 0.4,
  low: 3.5,
  high: 7,
}

let table: Map<string, number> | undefined

function generalIdf(word: string): number | undefined {
  if (!table) {
    table = new Map()
    for (const line of Buffer.from(idfTable).toString('utf8').split('\n')) {
      const space = line.indexOf(' ')
      if (space > 0) table.set(line.slice(0, space), Number(line.slice(space + 1)))
    }
  }
  return table.get(word)
}

/** Whether jieba's general dictionary knows the word (HMM-made segments such as 费是 or 我刚 it does not). */
export const isKnownWord = (word: string): boolean => generalIdf(word) !== undefined

/** Weight 0.15–1 of a caller's word with its part-of-speech tag; `vocabulary` words weigh 1. */
export function wordWeight(word: string, tag: string, vocabulary: ReadonlySet<string>): number {
  if (NEGATIONS.has(word)) return WORD_WEIGHTS.negation
  if (vocabulary.has(word)) return 1
  if (/^[0-9][0-9.\-%]*$/.test(word)) return WORD_WEIGHTS.number
  if (/^[a-z0-9]+$/.test(word)) return word.length > 1 ? 1 : WORD_WEIGHTS.function
  if (FUNCTION_TAG.test(tag)) return WORD_WEIGHTS.function
  const idf = generalIdf(word)
  if (idf === undefined) return 1
  const { content, low, high } = WORD_WEIGHTS
  return content + (1 - content) * Math.min(1, Math.max(0, (idf - low) / (high - low)))
}
