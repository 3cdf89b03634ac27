/** The process's search engine, chosen by SEARCH_ENGINE (embedded by default). */
import { env } from '../config/env'
import { EmbeddedEngine } from '../search/embedded/EmbeddedEngine'
import { TypesenseEngine } from '../search/typesense/TypesenseEngine'
import type { SearchEngine } from '../search/types'

let engine: SearchEngine | undefined

export function searchEngine(): SearchEngine {
  const { searchEngine: kind, typesense } = env()
  engine ??= kind === 'typesense' && typesense ? new TypesenseEngine(typesense) : new EmbeddedEngine()
  return engine
}
