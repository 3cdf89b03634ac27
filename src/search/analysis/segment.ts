/** Word segmentation with jieba, its dictionary extended by hotline vocabulary. */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'

import { HOTLINE_WORDS } from './lexicon'

export type Segmenter = {
  /** Words as a reader would split them (for queries). */
  words(text: string): string[]
  /** Words plus the shorter words inside long ones (for the index). */
  searchWords(text: string): string[]
}

// Loading jieba's dictionary takes about 150 ms; analyzers are rebuilt on every synonym change,
// so segmenters are shared per word list.
const segmenters = new Map<string, Segmenter>()

export function createSegmenter(extraWords: readonly string[] = []): Segmenter {
  const key = extraWords.join('\n')
  let segmenter = segmenters.get(key)
  if (!segmenter) segmenters.set(key, (segmenter = loadSegmenter(extraWords)))
  return segmenter
}

function loadSegmenter(extraWords: readonly string[]): Segmenter {
  const jieba = Jieba.withDict(dict)
  const words = [...HOTLINE_WORDS, ...extraWords]
  if (words.length) jieba.loadDict(Buffer.from(words.map((w) => `${w} 50000 n`).join('\n')))
  return {
    words: (text) => jieba.cut(text, true),
    searchWords: (text) => jieba.cutForSearch(text, true),
  }
}
