/** Word segmentation with jieba, its dictionary extended by hotline vocabulary (from the CMS). */
import { Jieba } from '@node-rs/jieba'
import { dict } from '@node-rs/jieba/dict'

export type Segmenter = {
  /** Words as a reader would split them (for queries). */
  words(text: string): string[]
  /** Words plus the shorter words inside long ones (for the index). */
  searchWords(text: string): string[]
  /** Words as `words` splits them, each with its part-of-speech tag. */
  tagged(text: string): { word: string; tag: string }[]
  /** Words from the dictionary alone, without guessing unknown words (HMM). */
  dictionaryWords(text: string): string[]
}

// Loading jieba's dictionary takes about 150 ms; analyzers are rebuilt on every synonym change,
// so segmenters are shared per word list (the latest few).
const segmenters = new Map<string, Segmenter>()
const KEEP_SEGMENTERS = 4

export function createSegmenter(words: readonly string[]): Segmenter {
  const key = words.join('\n')
  let segmenter = segmenters.get(key)
  if (!segmenter) {
    if (segmenters.size >= KEEP_SEGMENTERS) segmenters.delete(segmenters.keys().next().value!)
    segmenters.set(key, (segmenter = loadSegmenter(words)))
  }
  return segmenter
}

function loadSegmenter(words: readonly string[]): Segmenter {
  const jieba = Jieba.withDict(dict)
  if (words.length) jieba.loadDict(Buffer.from(words.map((w) => `${w} 50000 n`).join('\n')))
  return {
    words: (text) => jieba.cut(text, true),
    searchWords: (text) => jieba.cutForSearch(text, true),
    tagged: (text) => jieba.tag(text, true),
    dictionaryWords: (text) => jieba.cut(text, false),
  }
}
