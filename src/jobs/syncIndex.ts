/**
 * Keeps the search index in step with the database. Every write of an entry queues an `indexEntry`
 * job in the same transaction (an outbox in Payload's jobs queue); the job reads the entry's
 * published version and upserts or removes it, with retries and backoff. Re-running it is harmless,
 * and the engine ignores a version older than the one it holds.
 */
import type { Payload, TaskConfig, Where } from 'payload'

import { lexicalToPlainText } from '../lexical/plainText'
import type { KnowledgeEntry } from '../payload-types'
import { type IndexableEntry, toSearchDocument } from '../search/fromEntry'
import { searchEngine } from '../search/searchEngine'
import type { SearchDocument } from '../search/types'
import { entryChanged } from '../services/entryChanges'
import { yieldToRequests } from '../services/yieldToRequests'

export { SEARCH_QUEUE } from '../services/searchOutbox'
/** Entries per read: less garbage per page than 500 (bench:startup at 100k: peak 928–962 MB against 961 MB). */
const PAGE = 200

/**
 * What `toSearchDocument` reads of an entry. Entries are read through the database adapter: the
 * collection has no read hooks, and Payload's Local API at depth 1 would also bring the related
 * entries with their bodies, its editor and attachments — most of the time and memory of loading the
 * index. Units and categories are named from one read of each per page.
 */
const INDEXED = {
  code: true,
  type: true,
  title: true,
  summary: true,
  body: true,
  tags: true,
  questions: true,
  districts: true,
  audience: true,
  _status: true,
  workflowState: true,
  reviewedAt: true,
  nextReviewAt: true,
  updatedAt: true,
  validFrom: true,
  validUntil: true,
  unit: true,
  category: true,
  guide: true,
  location: true,
  policy: true,
  faq: true,
  notice: true,
} as const

/** Indexed entries: the published ones, and expired ones (marked, for agents who ask for them). */
const isIndexed = (entry: Pick<IndexableEntry, '_status' | 'workflowState'>) =>
  entry._status === 'published' || entry.workflowState === 'expired'

type Stored = IndexableEntry & Pick<KnowledgeEntry, 'body'>
type RefId = string | number

const idOf = (ref: IndexableEntry['unit']): RefId | null =>
  ref === null || ref === undefined ? null : typeof ref === 'object' ? ((ref as { id?: RefId }).id ?? null) : ref

/** The `name` of units or the `path` of categories with these ids. */
async function labels(payload: Payload, collection: 'units' | 'categories', ids: (RefId | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is RefId => id !== null))]
  if (!wanted.length) return new Map<string, Record<string, unknown>>()
  const field = collection === 'units' ? 'name' : 'path'
  const { docs } = await payload.db.find<Record<string, unknown>>({
    collection,
    where: { id: { in: wanted } },
    select: { [field]: true },
    limit: wanted.length,
    pagination: false,
  })
  return new Map(docs.map((doc) => [String(doc.id), doc]))
}

/**
 * Entries as search documents, read with only the indexed fields; also how many rows were read and
 * the last one's code, so that callers need not hold the rows (with their bodies) any longer.
 */
async function readDocuments(
  payload: Payload,
  where: Where,
  limit: number,
  sort?: string,
): Promise<{ read: number; lastCode: string | null; documents: SearchDocument[] }> {
  const { docs } = await payload.db.find<Stored>({
    collection: 'knowledge-entries',
    where,
    sort,
    limit,
    pagination: false,
    select: INDEXED,
  })
  const [units, categories] = await Promise.all([
    labels(
      payload,
      'units',
      docs.map((e) => idOf(e.unit)),
    ),
    labels(
      payload,
      'categories',
      docs.map((e) => idOf(e.category)),
    ),
  ])
  const documents = docs.filter(isIndexed).map((entry) =>
    toSearchDocument(
      {
        ...entry,
        unit: units.get(String(idOf(entry.unit))) ?? null,
        category: categories.get(String(idOf(entry.category))) ?? null,
      },
      lexicalToPlainText(entry.body),
    ),
  )
  return { read: docs.length, lastCode: docs.at(-1)?.code ?? null, documents }
}

/**
 * Brings the index in step with these entries' published versions: one read and one upsert per page
 * of codes, a delete for those no longer published (or gone).
 */
export async function indexEntries(payload: Payload, codes: string[]): Promise<{ upserted: number; removed: number }> {
  let upserted = 0
  let removed = 0
  for (let start = 0; start < codes.length; start += PAGE) {
    const page = codes.slice(start, start + PAGE)
    const { documents } = await readDocuments(payload, { code: { in: page } }, page.length)
    const shown = new Set(documents.map((d) => d.code))
    const gone = page.filter((code) => !shown.has(code))
    if (documents.length) await searchEngine().upsert(documents)
    if (gone.length) await searchEngine().delete(gone)
    page.forEach((code) => entryChanged(code))
    upserted += documents.length
    removed += gone.length
  }
  return { upserted, removed }
}

export async function indexEntry(payload: Payload, code: string): Promise<'upserted' | 'removed'> {
  return (await indexEntries(payload, [code])).upserted ? 'upserted' : 'removed'
}

/**
 * Every published entry in the database, as pages of search documents: keyset pages by code (a page
 * costs the same at the end as at the start, where OFFSET paging read every earlier row again), a
 * yield between pages so that requests are served while a large index loads.
 */
export async function* searchDocumentPages(
  payload: Payload,
  onProgress?: (done: number, total: number) => void,
): AsyncGenerator<SearchDocument[]> {
  const visible: Where = { or: [{ _status: { equals: 'published' } }, { workflowState: { equals: 'expired' } }] }
  const total = onProgress
    ? (await payload.count({ collection: 'knowledge-entries', where: visible, overrideAccess: true })).totalDocs
    : 0
  let done = 0
  for (let after: string | null = null; ;) {
    // Only the documents live on while the engine analyses them: the rows are garbage by then.
    const { read, lastCode, documents } = await readDocuments(
      payload,
      after === null ? visible : { and: [visible, { code: { greater_than: after } }] },
      PAGE,
      // A stable order keeps ties between equal scores in the same order on every rebuild.
      'code',
    )
    yield documents
    onProgress?.((done += read), total)
    if (read < PAGE) return
    after = lastCode
    if (after === null) return
    await yieldToRequests()
  }
}

/** Every published entry in the database, as search documents (all held at once: evaluations, benches). */
export async function loadSearchDocuments(payload: Payload): Promise<SearchDocument[]> {
  const documents: SearchDocument[] = []
  for await (const page of searchDocumentPages(payload)) documents.push(...page)
  return documents
}

/**
 * Replaces the whole index with every published entry in the database, page by page: the engine
 * analyses each page as it arrives, so the converted text of all entries is never held at once.
 */
export async function rebuildIndex(
  payload: Payload,
  onProgress?: (done: number, total: number) => void,
): Promise<number> {
  let count = 0
  async function* counted() {
    for await (const page of searchDocumentPages(payload, onProgress)) {
      count += page.length
      yield page
    }
  }
  await searchEngine().replaceAll(counted())
  return count
}

export const IndexEntryTask: TaskConfig<{ input: { code: string }; output: { action: string } }> = {
  slug: 'indexEntry',
  label: '同步搜索索引',
  inputSchema: [{ name: 'code', type: 'text', required: true }],
  outputSchema: [{ name: 'action', type: 'text' }],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, req }) => ({ output: { action: await indexEntry(req.payload, input.code) } }),
}

/** The index task of a batch of entries (an import writes its entries in batches). */
export const IndexEntriesTask: TaskConfig<{
  input: { codes: string[] }
  output: { upserted: number; removed: number }
}> = {
  slug: 'indexEntries',
  label: '批量同步搜索索引',
  inputSchema: [{ name: 'codes', type: 'json', required: true }],
  outputSchema: [
    { name: 'upserted', type: 'number' },
    { name: 'removed', type: 'number' },
  ],
  retries: { attempts: 10, backoff: { type: 'exponential', delay: 1000 } },
  handler: async ({ input, req }) => ({ output: await indexEntries(req.payload, input.codes) }),
}
