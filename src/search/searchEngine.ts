/**
 * The process's search engine, chosen by SEARCH_ENGINE (embedded by default). Kept on globalThis:
 * the Next bundle that renders the public pages loads its own copy of this module, and must reach
 * the same index the server keeps current.
 */
import { env } from '../config/env'
import { CachedSearchEngine } from './cachedEngine'
import { EmbeddedEngine } from './embedded/EmbeddedEngine'
import type { SearchEngine } from './types'
import { TypesenseEngine } from './typesense/TypesenseEngine'

const shared = globalThis as { __hotlineKbSearchEngine?: SearchEngine; __hotlineKbIndexBuilding?: boolean }

export function searchEngine(): SearchEngine {
  const { searchEngine: kind, typesense, searchCacheMs } = env()
  if (!shared.__hotlineKbSearchEngine) {
    const engine = kind === 'typesense' && typesense ? new TypesenseEngine(typesense) : new EmbeddedEngine()
    // The same search within a few seconds is answered from memory (cachedEngine.ts).
    shared.__hotlineKbSearchEngine = searchCacheMs
      ? new CachedSearchEngine(engine, { ttlMs: searchCacheMs, maxEntries: 2_000 })
      : engine
  }
  return shared.__hotlineKbSearchEngine
}

/** Whether each process holds its own index (embedded), which then follows the database itself. */
export const keepsIndexInProcess = (engine: SearchEngine): boolean => engine.name === 'embedded'

/** Whether the start-up build of the in-process index is still running (the server serves meanwhile; health says so). */
export const indexBuilding = (): boolean => Boolean(shared.__hotlineKbIndexBuilding)
export const setIndexBuilding = (building: boolean): void => {
  shared.__hotlineKbIndexBuilding = building
}
