/**
 * The plain baseline the evaluation prints beside ours: the same index library (MiniSearch BM25)
 * over jieba words only — no bigrams, pinyin, synonyms, field weights or confidence threshold.
 */
import MiniSearch from 'minisearch'

import type { Analyzer } from '../analysis/analyzer'
import type { SearchDocument, SearchQuery } from '../types'
import { isVisible } from '../validity'

export function createBaseline(documents: SearchDocument[], analyzer: Analyzer) {
  const index = new MiniSearch<SearchDocument>({
    idField: 'code',
    fields: ['title', 'tags', 'question', 'summary', 'structured', 'body'],
    extractField: (doc, field) => {
      const value = doc[field as keyof SearchDocument]
      return Array.isArray(value) ? value.join(' ') : ((value as string) ?? '')
    },
    tokenize: analyzer.baselineTokens,
    processTerm: (t) => t,
  })
  index.addAll(documents)
  const byCode = new Map(documents.map((d) => [d.code, d]))
  return (query: Omit<SearchQuery, 'page' | 'perPage'>, limit = 10): string[] =>
    index
      .search(query.text, { tokenize: analyzer.baselineTokens, processTerm: (t) => t, filter: (r) => isVisible(byCode.get(r.id as string)!, query) })
      .slice(0, limit)
      .map((r) => r.id as string)
}
