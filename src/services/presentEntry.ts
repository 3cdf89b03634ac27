/** What the APIs show of entries and hits: the agent sees everything published, the public less. */
import { entryVersion } from '../domain/knowledge/entryVersion'
import { lexicalToPlainText } from '../lexical/plainText'
import type { KnowledgeEntry } from '../payload-types'
import type { SearchHit } from '../search/types'
import { isExpired } from '../search/validity'

/** What anyone may see of a hit. */
export function publicHit(hit: SearchHit) {
  const d = hit.document
  return {
    code: d.code,
    title: d.title,
    type: d.type,
    unit: d.unit,
    category: d.category,
    summary: d.summary,
    highlights: hit.highlights,
    marks: hit.marks,
    confident: hit.confident,
    url: `/entries/${encodeURIComponent(d.code)}`,
  }
}

/** Agents also see how far to trust a hit: score, confidence, audience, status and staleness. */
export function agentHit(hit: SearchHit, now: Date) {
  const d = hit.document
  return {
    ...publicHit(hit),
    score: Math.round(hit.score * 100) / 100,
    confidence: Math.round(hit.confidence * 100) / 100,
    audience: d.audience,
    status: hit.expired ? 'expired' : d.status,
    validUntil: d.validUntil ?? null,
    reviewedAt: d.reviewedAt ?? null,
    stale: Boolean(d.nextReviewAt && new Date(d.nextReviewAt).getTime() < now.getTime()),
    url: `/api/v1/agent/entries/${encodeURIComponent(d.code)}`,
  }
}

type Entry = KnowledgeEntry
type Related =
  | {
      code?: string
      title?: string
      type?: string
      audience?: string
      _status?: string
      location?: Record<string, unknown>
    }
  | number
  | null

const items = (list: unknown) =>
  Array.isArray(list) ? list.map((i) => (i as { text?: string }).text).filter(Boolean) : []
/** Linked entries the public may see: published and public ones only. */
const publicRelations = (list: unknown) =>
  (Array.isArray(list) ? (list as Related[]) : []).filter(
    (r): r is Exclude<Related, number | null> =>
      typeof r === 'object' && r !== null && r.audience === 'public' && r._status === 'published',
  )

/** The public fields of an entry, by type: never audience notes, editors or internal links. */
export function publicEntry(entry: Entry) {
  const type = entry.type as string
  const group = ((entry as unknown as Record<string, unknown>)[type] ?? {}) as Record<string, unknown>
  const structured =
    type === 'guide'
      ? {
          basis: group.basis ?? null,
          conditions: group.conditions ?? null,
          materials: items(group.materials),
          steps: items(group.steps),
          timeLimit: group.timeLimit ?? null,
          fee: group.fee ?? null,
          phone: group.phone ?? null,
          online: group.online ?? null,
          locations: publicRelations(group.locations).map((l) => ({
            code: l.code,
            title: l.title,
            ...(l.location ?? {}),
          })),
        }
      : type === 'policy'
        ? { ...group, keyPoints: items(group.keyPoints) }
        : group
  return {
    code: entry.code,
    type,
    title: entry.title,
    summary: entry.summary ?? null,
    body: lexicalToPlainText(entry.body),
    unit: (entry.unit as { name?: string } | null)?.name ?? null,
    category: (entry.category as { path?: string } | null)?.path ?? null,
    tags: entry.tags ?? [],
    validFrom: entry.validFrom ?? null,
    validUntil: entry.validUntil ?? null,
    source: entry.source ?? null,
    [type]: structured,
    relatedEntries: publicRelations(entry.relatedEntries).map((r) => ({ code: r.code, title: r.title, type: r.type })),
    reviewedAt: entry.reviewedAt ?? null,
    updatedAt: entry.updatedAt,
    version: entryVersion(entry as { publishedAt?: string | null; updatedAt: string }),
  }
}

export const entryIsExpired = (entry: Entry, now: Date) =>
  isExpired({ status: entry._status as string, validUntil: (entry.validUntil as string | null) ?? undefined }, now)
