/** Seeds the CMS with the general hotline lexicon this project ships, once, on a fresh database. */
import type { Payload } from 'payload'

import { COLLOQUIAL_RULES, HOTLINE_WORDS } from '../search/analysis/lexicon'

export async function seedSearchLexicon(payload: Payload): Promise<number> {
  const counts = await Promise.all(
    (['search-words', 'search-synonyms'] as const).map((collection) =>
      payload.count({ collection, overrideAccess: true }).then((r) => r.totalDocs),
    ),
  )
  if (counts.some((n) => n > 0)) return 0
  for (const word of HOTLINE_WORDS) {
    await payload.create({
      collection: 'search-words',
      data: { word, note: '通用词库', active: true },
      overrideAccess: true,
    })
  }
  for (const rule of COLLOQUIAL_RULES) {
    await payload.create({
      collection: 'search-synonyms',
      data: { kind: 'colloquial', root: rule.root, terms: rule.synonyms, active: true },
      overrideAccess: true,
    })
  }
  return HOTLINE_WORDS.length + COLLOQUIAL_RULES.length
}
