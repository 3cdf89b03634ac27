/**
 * Pushes what kb-admins maintain in the CMS to the engine: synonym rules (colloquial terms among
 * them), pinned answers and the hotline vocabulary. A changed vocabulary changes how entries are
 * segmented, so the index is rebuilt then.
 */
import type { Payload, TaskConfig } from 'payload'

import type { SynonymRule } from '../search/analysis/synonyms'
import { keepsIndexInProcess, searchEngine } from '../search/searchEngine'
import { unusableSynonymRules } from '../search/synonymRules'
import { rebuildIndex } from './syncIndex'

export type SearchSettings = { synonyms: SynonymRule[]; pins: { query: string; codes: string[] }[]; words: string[] }

export async function loadSearchSettings(payload: Payload): Promise<SearchSettings> {
  const active = { active: { equals: true } }
  const read = <C extends 'search-synonyms' | 'search-pins' | 'search-words'>(collection: C, depth = 0) =>
    payload
      .find({ collection, where: active, sort: 'id', pagination: false, depth, overrideAccess: true })
      .then((r) => r.docs)
  const [synonyms, pins, words] = await Promise.all([
    read('search-synonyms'),
    read('search-pins', 1),
    read('search-words'),
  ])
  return {
    synonyms: synonyms.map((d) => (d.root ? { root: d.root, synonyms: d.terms ?? [] } : (d.terms ?? []))),
    pins: pins.map((p) => ({
      query: p.query,
      codes: (p.entries ?? []).flatMap((e) => (typeof e === 'object' && e.code ? [e.code] : [])),
    })),
    words: words.map((w) => w.word.trim()),
  }
}

let appliedWords: string | undefined

/** Applies the CMS's search settings; returns them, and whether the index had to be rebuilt. */
export async function reloadSearchSettings(
  payload: Payload,
  options: { rebuild?: boolean } = {},
): Promise<SearchSettings & { rebuilt: boolean }> {
  const settings = await loadSearchSettings(payload)
  const engine = searchEngine()
  const unusable = unusableSynonymRules(settings.synonyms)
  // Saving such a rule is refused now; older ones are left out of the engine's synonym set.
  if (unusable.length)
    payload.logger.warn({ rules: unusable }, 'synonym rules that segment to stop words only are ignored')
  await engine.setWords(settings.words)
  await engine.setSynonyms(settings.synonyms)
  await engine.setPins(settings.pins)
  const wordsKey = settings.words.join('\n')
  const rebuild = options.rebuild ?? (appliedWords !== undefined && appliedWords !== wordsKey)
  appliedWords = wordsKey
  if (rebuild) await rebuildIndex(payload)
  return { ...settings, rebuilt: rebuild }
}

/**
 * The outbox task: pushes the settings to the engine. A shared index (Typesense) is rebuilt here,
 * once, when the vocabulary changed; an in-process index is rebuilt by each instance when its own
 * vocabulary changes (here, and in src/jobs/searchFollower.ts on the other instances).
 */
export const ReloadSearchSettingsTask: TaskConfig<{ input: { rebuild?: boolean }; output: { rebuilt: boolean } }> = {
  slug: 'reloadSearchSettings',
  label: '同步检索词库',
  inputSchema: [{ name: 'rebuild', type: 'checkbox' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  outputSchema: [{ name: 'rebuilt', type: 'checkbox' }],
  handler: async ({ input, req }) => {
    const rebuild = keepsIndexInProcess(searchEngine()) ? undefined : Boolean(input.rebuild)
    return { output: { rebuilt: (await reloadSearchSettings(req.payload, { rebuild })).rebuilt } }
  },
}
