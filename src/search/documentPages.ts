/** Documents for a reindex: all at once, or page by page as they are read (so not all held at once). */
import type { SearchDocument } from './types'

export type DocumentSource = SearchDocument[] | AsyncIterable<SearchDocument[]>

/** The source as pages of at most `size` documents (an async source keeps its own pages). */
export async function* pagesOf(documents: DocumentSource, size = 500): AsyncGenerator<SearchDocument[]> {
  if (!Array.isArray(documents)) {
    yield* documents
    return
  }
  for (let i = 0; i < documents.length; i += size) yield documents.slice(i, i + size)
}
