/**
 * A short memory of search results in front of an engine: on a busy day many people ask the same few
 * things (身份证丢了, 社保转移), and one ranking serves them all for a few seconds. The key is the
 * whole query but its clock — audience, filters, page, expired entries, explanations — so an agent's
 * result (internal entries) is never a public answer. Every change to the index or to how it ranks
 * (entries, synonyms, pins, words) forgets everything at once; the time to live bounds what a change
 * made elsewhere (another app server on a shared engine) or an entry passing its validity can leave.
 */
import type { SearchEngine, SearchQuery, SearchResult } from './types'

export type ResultCacheOptions = { ttlMs: number; maxEntries: number; clock?: () => number }

/** Spaces around and inside a query change nothing in its ranking; everything else may. */
export const resultKey = ({ now: _now, text, ...rest }: SearchQuery): string =>
  JSON.stringify({ ...rest, text: text.trim().replace(/\s+/g, ' ') })

export class CachedSearchEngine implements SearchEngine {
  private readonly results = new Map<string, { result: SearchResult; at: number; until: number }>()
  /** Searches running now: the same query asked meanwhile waits for that one instead of ranking again. */
  private readonly running = new Map<string, { result: Promise<SearchResult>; at: number }>()
  private readonly clock: () => number
  /** Counts changes: a search that was running across one does not keep its result. */
  private generation = 0

  constructor(
    private readonly engine: SearchEngine,
    private readonly options: ResultCacheOptions,
  ) {
    this.clock = options.clock ?? performance.now.bind(performance)
  }

  get name(): string {
    return this.engine.name
  }

  atHand(query: SearchQuery): SearchResult | undefined {
    const started = this.clock()
    const kept = this.results.get(resultKey(query))
    // Within its time to live, and ranked for (nearly) the same hotline time: validity depends on it.
    if (kept && kept.until > started && Math.abs(kept.at - query.now.getTime()) < this.options.ttlMs)
      return { ...kept.result, tookMs: this.clock() - started }
    return undefined
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const kept = this.atHand(query)
    if (kept) return kept
    const started = this.clock()
    const key = resultKey(query)
    const at = query.now.getTime()
    const joined = this.running.get(key)
    if (joined && Math.abs(joined.at - at) < this.options.ttlMs)
      return { ...(await joined.result), tookMs: this.clock() - started }
    const generation = this.generation
    const running = this.engine.search(query)
    this.running.set(key, { result: running, at })
    let result: SearchResult
    try {
      result = await running
    } finally {
      if (this.running.get(key)?.result === running) this.running.delete(key)
    }
    if (generation !== this.generation) return result
    if (this.results.size >= this.options.maxEntries) this.forgetExpiredOrOldest(started)
    this.results.set(key, { result, at, until: started + this.options.ttlMs })
    return result
  }

  upsert: SearchEngine['upsert'] = (documents) => this.changing(() => this.engine.upsert(documents))
  delete: SearchEngine['delete'] = (codes) => this.changing(() => this.engine.delete(codes))
  setSynonyms: SearchEngine['setSynonyms'] = (rules) => this.changing(() => this.engine.setSynonyms(rules))
  setPins: SearchEngine['setPins'] = (pins) => this.changing(() => this.engine.setPins(pins))
  setWords: SearchEngine['setWords'] = (words) => this.changing(() => this.engine.setWords(words))
  replaceAll: SearchEngine['replaceAll'] = (documents) => this.changing(() => this.engine.replaceAll(documents))
  health: SearchEngine['health'] = () => this.engine.health()

  /** Forgotten before and after: a search that ran during the change may have kept the old ranking. */
  private async changing(change: () => Promise<void>): Promise<void> {
    this.forgetAll()
    try {
      await change()
    } finally {
      this.forgetAll()
    }
  }

  private forgetAll(): void {
    this.generation++
    this.results.clear()
    this.running.clear()
  }

  private forgetExpiredOrOldest(at: number): void {
    for (const [key, kept] of this.results) if (kept.until <= at) this.results.delete(key)
    // Map keeps insertion order: the first key is the oldest result.
    if (this.results.size >= this.options.maxEntries) this.results.delete(this.results.keys().next().value!)
  }
}
