import type { SearchEngine } from '../../src/search/types'

/** A search engine that only answers `search`; its writes do nothing. For tests of what wraps an engine. */
export const stubEngine = (name: string, search: SearchEngine['search'], documents = 0): SearchEngine => ({
  name,
  search,
  upsert: async () => {},
  delete: async () => {},
  setSynonyms: async () => {},
  setPins: async () => {},
  setWords: async () => {},
  replaceAll: async () => {},
  health: async () => ({ status: 'up', engine: name, documents }),
})
