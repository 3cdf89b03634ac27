/**
 * Keeps this app server's search state in step with the database when several servers share it:
 * it reads the `search-changes` rows other instances (and this one) write with every entry or
 * settings write, and applies them here. Settings reach every instance within a poll; with the
 * embedded engine every instance's in-memory index follows the durable changes in the database.
 * Rows are read by creation time with an overlap (clocks of app servers differ a little, and a row
 * may commit a moment after its timestamp); applying a row twice is harmless.
 */
import type { Payload } from 'payload'

import { keepsIndexInProcess, searchEngine, setIndexBuilding } from '../search/searchEngine'
import { entryChanged } from '../services/entryChanges'
import { pruneLeases } from './lease'
import { indexEntries, rebuildIndex } from './syncIndex'
import { reloadSearchSettings } from './syncSearchSettings'

export const FOLLOW_POLL_MS = 250
/** How far back each poll looks again: clock differences between instances and commit delays. */
const OVERLAP_MS = 10_000
const KEEP_CHANGES_MS = 60 * 60_000

export type SearchFollower = {
  /** Applies the changes written since the last poll; the timer calls it. */
  poll(): Promise<void>
  stop(): void
  /** Whether the engine has the current settings (false while it is unreachable). */
  readonly settingsApplied: boolean
}

export type StartupReport = { words: number; synonyms: number; pins: number; indexed: number }

/**
 * Applies the settings and fills an empty index, then follows the changes. When the engine cannot
 * be reached the server starts all the same (health says so), and the follower retries each poll.
 */
export async function startSearchFollower(
  payload: Payload,
  options: {
    intervalMs?: number
    onStartup?: (r: StartupReport) => void
    /** Build the index after returning (the server listens at once; health reports `index: building`). */
    background?: boolean
  } = {},
): Promise<SearchFollower> {
  let since = Date.now()
  const seen = new Map<string | number, number>()
  let settingsDue = true
  let indexDue = true
  let lastPrune = 0

  async function applySettings(): Promise<void> {
    const engine = searchEngine()
    // A shared index is rebuilt once, by the outbox task; an in-process one by each instance.
    const settings = await reloadSearchSettings(payload, { rebuild: keepsIndexInProcess(engine) ? undefined : false })
    settingsDue = false
    if (indexDue) {
      // The embedded index lives in memory; a Typesense index survives restarts and the outbox keeps it current.
      const health = await engine.health()
      const indexed = health.documents === 0 ? await rebuildIndex(payload) : health.documents
      indexDue = false
      options.onStartup?.({
        words: settings.words.length,
        synonyms: settings.synonyms.length,
        pins: settings.pins.length,
        indexed,
      })
    }
  }

  async function poll(): Promise<void> {
    const started = Date.now()
    const { docs } = await payload.find({
      collection: 'search-changes',
      where: { createdAt: { greater_than_equal: new Date(since - OVERLAP_MS).toISOString() } },
      sort: 'createdAt',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const fresh = docs.filter((d) => !seen.has(d.id))
    if (fresh.some((d) => d.kind === 'settings')) settingsDue = true
    if (settingsDue || indexDue) await applySettings()
    const codes = new Set(fresh.flatMap((d) => (d.kind === 'entry' && d.code ? [d.code] : [])))
    // indexEntry announces each change itself; with a shared index only the announcement is ours to make.
    if (keepsIndexInProcess(searchEngine())) await indexEntries(payload, [...codes])
    else for (const code of codes) entryChanged(code)
    for (const d of fresh) seen.set(d.id, Date.parse(d.createdAt))
    since = started
    for (const [id, at] of seen) if (at < since - 2 * OVERLAP_MS) seen.delete(id)
    if (started - lastPrune > 60_000) {
      lastPrune = started
      const before = new Date(started - KEEP_CHANGES_MS).toISOString()
      await payload.delete({
        collection: 'search-changes',
        where: { createdAt: { less_than: before } },
        overrideAccess: true,
      })
      await pruneLeases(payload)
    }
  }

  const start = () =>
    applySettings().catch((err) =>
      payload.logger.error({ err }, 'search engine unreachable at start: serving without it until it answers'),
    )
  // Polls wait for the start-up build: changes written meanwhile are read after it (`since` is older).
  let running = Boolean(options.background)
  if (options.background) {
    setIndexBuilding(true)
    void start().finally(() => {
      setIndexBuilding(false)
      running = false
    })
  } else await start()

  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      await poll()
    } catch (err) {
      payload.logger.warn({ err }, 'search follower poll failed; retrying')
    } finally {
      running = false
    }
  }, options.intervalMs ?? FOLLOW_POLL_MS)
  timer.unref()
  return {
    poll,
    stop: () => clearInterval(timer),
    get settingsApplied() {
      return !settingsDue
    },
  }
}
