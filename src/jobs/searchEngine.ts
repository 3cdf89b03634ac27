/** The process's search engine: embedded by default (the Typesense engine arrives with SEARCH_ENGINE). */
import { EmbeddedEngine } from '../search/embedded/EmbeddedEngine'
import type { SearchEngine } from '../search/types'

let engine: SearchEngine | undefined

export function searchEngine(): SearchEngine {
  engine ??= new EmbeddedEngine()
  return engine
}
