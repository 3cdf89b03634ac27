/**
 * The plain baseline the evaluation prints beside ours: the same index (BM25+) over jieba words
 * only — no bigrams, pinyin, synonyms, field weights, feedback or confidence threshold.
 */
import type { Analyzer } from '../analysis/analyzer'
import { InvertedIndex, topK } from '../embedded/invertedIndex'
import type { SearchDocument, SearchQuery } from '../types'
import { isVisible } from '../validity'

const FIELDS = ['title', 'tags', 'question', 'summary', 'structured', 'body'] as const

export function createBaseline(documents: SearchDocument[], analyzer: Analyzer) {
  const index = new InvertedIndex(
    FIELDS.map((name) => ({ name, boost: 1 })),
    (text) => analyzer.baselineTokens(text),
  )
  for (const d of documents)
    index.add(
      d.code,
      FIELDS.map((f) => (Array.isArray(d[f]) ? (d[f] as string[]).join(' ') : (d[f] as string))),
    )
  const byCode = new Map(documents.map((d) => [d.code, d]))
  return (query: Omit<SearchQuery, 'page' | 'perPage'>, limit = 10): string[] => {
    const terms = new Map(analyzer.baselineTokens(query.text).map((t) => [t, 1]))
    return topK(
      index.search(terms, (doc) => isVisible(byCode.get(index.idOf(doc))!, query)),
      limit,
    ).map((c) => index.idOf(c.doc))
  }
}
