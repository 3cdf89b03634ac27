/**
 * What the Typesense engine sends, built as plain values so that unit tests can hold each request to
 * the server's documented rules (Typesense v30; sources cited per rule) without a server.
 */
import { createHash } from 'node:crypto'

import type { SynonymRule } from '../analysis/synonyms'
import { FIELD_BOOSTS } from '../fields'
import type { PinnedAnswer } from '../pins'

/**
 * Symbols our tokens may carry that Typesense keeps inside a token. Without `symbols_to_index` the
 * server drops special characters from indexed text (3.5 → 35, 50% → 50), while a
 * `pre_segmented_query` is matched verbatim, so such tokens never met (typesense-website
 * docs/30.0/api/collections.md, `symbols_to_index`; src/tokenizer.cpp).
 */
export const SYMBOLS_TO_INDEX = [':', '.', '-', '+', '%', '#', '&', '_', '/', '@'] as const

const KEPT = new Set<string>(SYMBOLS_TO_INDEX)

/**
 * A token as the server will hold it, applied alike to indexed tokens and query tokens: letters,
 * digits and the indexed symbols stay; anything else would be dropped by the server on one side only.
 * A leading `-` would make a query token an exclusion (`-word`), so it goes on both sides.
 */
export function typesenseToken(token: string): string {
  let out = ''
  for (const ch of token) if (/[\p{L}\p{N}]/u.test(ch) || KEPT.has(ch)) out += ch
  return out.replace(/^-+/, '')
}

/**
 * Field weights in `query_by_weights`. The server accepts 0–15 (`FIELD_MAX_WEIGHT = 15`,
 * src/collection.h) and rank-normalises any list above that (40,30,30,20,12,10,5 became
 * 15,14,14,13,12,11,10, flattening title 4 : body 1 to 1.5 : 1), so the boosts are scaled to
 * 15 for the strongest field and rounded, which keeps their order and roughly their ratios.
 */
export const FIELD_MAX_WEIGHT = 15

export function queryByWeights(boosts: Record<string, number> = FIELD_BOOSTS): number[] {
  const values = Object.values(boosts)
  const max = Math.max(...values)
  return values.map((b) => Math.max(1, Math.round((b / max) * FIELD_MAX_WEIGHT)))
}

/**
 * The most query tokens sent. The literal terms come most important first, so only the weakest
 * fallbacks (bigrams, homophones of a long spoken question) are cut.
 */
export const MAX_QUERY_TOKENS = 64

/**
 * Results below which the server drops the weakest tokens and searches again. One value for every
 * page: a value derived from the page made `found` and the hits differ between pages of one query.
 */
export const DROP_TOKENS_THRESHOLD = 100

/** The `q` of a query: its literal terms as the server holds them, or nothing to search for. */
export function queryTokens(literal: readonly string[]): string[] {
  const tokens = literal.map(typesenseToken).filter(Boolean)
  return [...new Set(tokens)].slice(0, MAX_QUERY_TOKENS)
}

const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16)

/**
 * Synonym-set items with ids derived from the rule itself: positional ids (`rule-3`) gave a rule
 * another rule's id after a removal, so a removed rule could come back with a stale copy.
 * The server refuses a whole set when one item has an empty `synonyms` list or an empty string in it
 * ("Could not find a valid string array of `synonyms`", src/core_api.cpp and `synonym_t::parse`), and
 * a root that segments to stop words only (咋办 → nothing) gives exactly that: such rules are left out
 * and returned, for the kb-admins to see.
 */
export function synonymItems(
  rules: readonly SynonymRule[],
  phrase: (text: string) => string,
): { items: { id: string; root?: string; synonyms: string[] }[]; dropped: SynonymRule[] } {
  const items: { id: string; root?: string; synonyms: string[] }[] = []
  const dropped: SynonymRule[] = []
  const seen = new Set<string>()
  for (const rule of rules) {
    const terms = [...new Set((Array.isArray(rule) ? rule : rule.synonyms).map(phrase).filter(Boolean))]
    const root = Array.isArray(rule) ? undefined : phrase(rule.root)
    const usable = root === undefined ? terms.length >= 2 : Boolean(root) && terms.some((t) => t !== root)
    if (!usable) {
      dropped.push(rule)
      continue
    }
    const item = root === undefined ? { synonyms: terms } : { root, synonyms: terms.filter((t) => t !== root) }
    const id = `syn-${digest(item)}`
    if (seen.has(id)) continue
    seen.add(id)
    items.push({ id, ...item })
  }
  return { items, dropped }
}

/** Curation-set items, one per pinned query, with ids derived from the query (see synonymItems). */
export function curationItems(
  pins: readonly PinnedAnswer[],
  queryOf: (text: string) => string,
): { items: CurationItem[]; dropped: PinnedAnswer[] } {
  const items = new Map<string, CurationItem>()
  const dropped: PinnedAnswer[] = []
  for (const pin of pins) {
    const query = queryOf(pin.query)
    if (!query || pin.codes.length === 0) {
      dropped.push(pin)
      continue
    }
    const id = `pin-${digest(query)}`
    items.set(id, {
      id,
      rule: { query, match: 'exact' },
      includes: pin.codes.map((code, p) => ({ id: code, position: p + 1 })),
      // Pinned entries still obey the audience and validity filter.
      filter_curated_hits: true,
    })
  }
  return { items: [...items.values()], dropped }
}

export type CurationItem = {
  id: string
  rule: { query: string; match: 'exact' }
  includes: { id: string; position: number }[]
  filter_curated_hits: boolean
}
