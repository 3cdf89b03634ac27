import type { Payload } from 'payload'

import type { SynonymRule } from '../search/analysis/synonyms'
import { searchEngine } from './searchEngine'

/** Pushes the active synonyms of the CMS to the engine. */
export async function reloadSynonyms(payload: Payload): Promise<number> {
  const { docs } = await payload.find({
    collection: 'search-synonyms',
    where: { active: { equals: true } },
    sort: 'id',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const rules: SynonymRule[] = docs.map((d) => (d.root ? { root: d.root, synonyms: d.terms ?? [] } : (d.terms ?? [])))
  await searchEngine().setSynonyms(rules)
  return rules.length
}
