/**
 * Imports exchange records and service-catalogue items: units and categories matched by name
 * (created on request), entries upserted by code (or by catalogue item code), references between
 * entries resolved by code once every row is in.
 *
 * Records are read as they come (a file is streamed) and written in batches, each batch in one
 * transaction: one commit per batch instead of one per entry, and the entries, their versions and
 * their search outbox rows of a batch are stored together or not at all. When any write of a batch
 * fails, the batch is rolled back and its rows are written again one by one, each in its own
 * transaction, so that the report names the rows that failed and the others are stored as before.
 */
import { createHash } from 'node:crypto'

import { APIError, type Payload, type PayloadRequest, ValidationError } from 'payload'

import { now } from '../domain/clock'
import { CATALOGUE_CATEGORY_ROOT, isCatalogueItem, parseCatalogueItem } from '../domain/exchange/catalogue'
import { type ImportableEntry, parseExchangeRecord } from '../domain/exchange/record'
import { nextEntryCode } from '../domain/knowledge/entryCode'
import { entryTypeDefaults } from '../domain/knowledge/entryDefaults'
import { passesEntryFieldRules } from '../domain/knowledge/entryFieldRules'
import { isPastValidity } from '../domain/knowledge/entryRules'
import { systemSaveFields } from '../domain/workflow/systemSave'
import { plainTextToLexical } from '../lexical/plainText'
import { logger } from '../log'
import { fillDefaults } from '../services/collectionDefaults'
import { databaseErrorForLog, databaseRefusalReason } from '../services/databaseErrors'
import { ServiceError } from '../services/errors'
import { INDEXING_QUEUED_BY_CALLER, queueIndexing } from '../services/searchOutbox'
import { sqliteBulkCreator } from '../services/sqliteBulkCreate'
import { inTransaction } from '../services/transaction'
import { yieldToRequests } from '../services/yieldToRequests'
import type { RawRecord } from './readRecords'

/** `auto` reads a record as a catalogue item when it has the catalogue's keys (事项名称, 实施主体). */
export type ImportFormat = 'auto' | 'exchange' | 'catalogue'

export type ImportOptions = {
  format?: ImportFormat
  createMissing?: boolean
  publish?: boolean
  /** Only work out what would happen (the admin's preview): nothing is written. */
  dryRun?: boolean
  /** A unit editor's import: rows of other units, and entries of other units, are rejected. */
  onlyUnit?: Id
  /** Records read so far, and the number of records when it is known beforehand (an array). */
  onProgress?: (done: number, total?: number) => void
  /** Entries written per transaction. */
  batchSize?: number
}

/**
 * Entries per transaction: enough to share a commit and the set-based writes, few enough that intake
 * and reviews never wait long for the embedded database's one write lock. On a loaded 2-core machine
 * (load 7–8) a batch of 100 new entries held it 0.24 s (median; 0.8 s at most) and took 1.2 ms of CPU
 * per entry (20: 1.8 ms); written entry by entry through Payload (36–42 ms each), 20 held it ≈ 0.8 s.
 */
export const IMPORT_BATCH_SIZE = 100

export type ImportProblem = { line: number; code?: string; message: string }

/** What happened (or, in a dry run, would happen) to one entry of the file. */
export type ImportRow = {
  line: number
  code?: string
  title?: string
  action: 'create' | 'update' | 'reject'
  reason?: string
}

export type ImportReport = {
  created: number
  updated: number
  failed: number
  errors: ImportProblem[]
  warnings: ImportProblem[]
  rows: ImportRow[]
}

export type Id = number | string
type Row = { line: number; entry: ImportableEntry; id?: Id; code?: string; draft: boolean }
/** An entry of the file, read and waiting for its batch to be written. */
type Pending = { line: number; entry: ImportableEntry }
/** A row that cannot be stored, and why: kept in its place so that the report follows the file. */
type Rejected = { line: number; problem: string; code?: string; title?: string }
/** A pending entry with its unit and category found. */
type Planned = Pending & { unit: Id; category?: Id }
/** A new entry of the batch, complete, waiting to be written with the others (its id comes then). */
type Waiting = { doc: Record<string, unknown>; entry: ImportableEntry; unit: Id; deferred?: Row }

const COLLECTION = 'knowledge-entries'

/** A stable code for a unit or category created by an import, derived from its name. */
const generatedCode = (prefix: string, name: string) =>
  `${prefix}-${createHash('sha1').update(name).digest('hex').slice(0, 8).toUpperCase()}`

/**
 * Why a row was not stored, for the report: the importer's and the collection's own refusals in their
 * words; anything else (the database refused the write, or failed) in general terms, with a reason when
 * the refusal has one, and logged for the administrator (see databaseErrors.ts: no document value).
 */
function describeError(err: unknown, line: number): string {
  if (err instanceof ValidationError) {
    return err.data.errors.map((e) => `${e.path}: ${e.message}`).join('；')
  }
  if (err instanceof ServiceError || (err instanceof APIError && (err.isPublic || err.status < 500))) return err.message
  logger.error({ line, failure: databaseErrorForLog(err) }, 'import: a row could not be saved')
  const reason = databaseRefusalReason(err)
  return `保存失败：数据库错误${reason ? `（${reason}）` : ''}`
}

class Lookup {
  private units = new Map<string, Id>()
  private categories = new Map<string, Id>()
  private categoryNames = new Map<string, Id>()

  constructor(
    private payload: Payload,
    private createMissing: boolean,
    private dryRun: boolean,
  ) {}

  async load(): Promise<void> {
    const [units, categories] = await Promise.all([
      this.payload.find({ collection: 'units', pagination: false, depth: 0, overrideAccess: true }),
      this.payload.find({ collection: 'categories', pagination: false, depth: 0, overrideAccess: true }),
    ])
    units.docs.forEach((u) => this.units.set(u.name, u.id))
    categories.docs.forEach((c) => c.path && this.categories.set(c.path, c.id))
    // The shallowest category of a name wins when a theme is matched by name.
    const byDepth = [...categories.docs].sort(
      (a, b) => (a.path ?? '').split('/').length - (b.path ?? '').split('/').length,
    )
    byDepth.forEach((c) => !this.categoryNames.has(c.name) && this.categoryNames.set(c.name, c.id))
  }

  /** A catalogue theme: the category of that name, else (created) under the catalogue root. */
  async theme(name: string): Promise<Id> {
    return this.categoryNames.get(name) ?? this.category(`${CATALOGUE_CATEGORY_ROOT}/${name}`)
  }

  async unit(name: string): Promise<Id> {
    const found = this.units.get(name)
    if (found !== undefined) return found
    if (!this.createMissing) throw new ServiceError(400, `承办单位“${name}”不存在（可加 --create-missing 自动创建）`)
    if (this.dryRun) return this.planned(this.units, name)
    const unit = await this.payload.create({
      collection: 'units',
      data: { name, code: generatedCode('U', name), kind: 'other', active: true },
      overrideAccess: true,
    })
    this.units.set(name, unit.id)
    return unit.id
  }

  /** Categories are paths such as "社会保障/养老保险"; each missing level is created in turn. */
  async category(path: string): Promise<Id> {
    const found = this.categories.get(path)
    if (found !== undefined) return found
    if (!this.createMissing) throw new ServiceError(400, `知识库目录“${path}”不存在（可加 --create-missing 自动创建）`)
    const names = path
      .split('/')
      .map((s) => s.trim())
      .filter(Boolean)
    let parent: Id | undefined
    for (let depth = 1; depth <= names.length; depth++) {
      const sub = names.slice(0, depth).join('/')
      const existing = this.categories.get(sub)
      if (existing !== undefined) {
        parent = existing
        continue
      }
      if (this.dryRun) return this.planned(this.categories, path)
      const created = await this.payload.create({
        collection: 'categories',
        data: { name: names[depth - 1], code: generatedCode('C', sub), parent: parent as number, order: 0 },
        overrideAccess: true,
      })
      this.categories.set(sub, created.id)
      parent = created.id
    }
    return parent!
  }

  /** A dry run's stand-in for a unit or category the import would create. */
  private planned(map: Map<string, Id>, name: string): Id {
    const id = `new:${name}`
    map.set(name, id)
    return id
  }
}

/** Catalogue item codes share the map of entry codes, apart by a prefix. */
const itemKey = (itemCode: string) => `item:${itemCode}`

async function existingCodes(payload: Payload) {
  const result = await payload.find({
    collection: COLLECTION,
    pagination: false,
    depth: 0,
    draft: true,
    overrideAccess: true,
    select: { code: true, type: true, unit: true, source: { itemCode: true } },
  })
  const codes = new Map<string, Id>()
  const unitOf = new Map<Id, Id>()
  const typeOf = new Map<Id, string>()
  for (const d of result.docs) {
    codes.set(d.code as string, d.id)
    typeOf.set(d.id, d.type)
    if (d.source?.itemCode) codes.set(itemKey(d.source.itemCode), d.id)
    const unit = typeof d.unit === 'object' && d.unit ? d.unit.id : d.unit
    if (unit !== undefined && unit !== null) unitOf.set(d.id, unit)
  }
  return { codes, unitOf, typeOf }
}

function parseRecord(record: unknown, format: ImportFormat) {
  const catalogue = format === 'catalogue' || (format === 'auto' && isCatalogueItem(record))
  if (catalogue) return parseCatalogueItem(record)
  const parsed = parseExchangeRecord(record)
  return parsed.ok ? { ok: true as const, entries: [parsed.entry] } : parsed
}

/** The references of an entry that can be resolved now, and the codes that cannot (yet). */
function references(entry: ImportableEntry, codes: Map<string, Id>) {
  // A reference is an entry code (KB-0001) or, from a catalogue, an item code.
  const find = (c: string) => codes.get(c) ?? codes.get(itemKey(c))
  const resolve = (list: string[]) => list.map(find).filter((id): id is Id => id !== undefined)
  const missing = [...entry.locationCodes, ...entry.relatedCodes].filter((c) => find(c) === undefined)
  const data: Record<string, unknown> = {}
  if (entry.relatedCodes.length) data.relatedEntries = resolve(entry.relatedCodes)
  if (entry.locationCodes.length)
    data.guide = { ...(entry.data.guide as object), locations: resolve(entry.locationCodes) }
  return { data, missing }
}

/** Whether an entry has this code or catalogue item code, or refers to it. */
function refersTo(entry: ImportableEntry, code: string, itemCode: string | undefined): boolean {
  const names = (c: string) => c === code || (itemCode !== undefined && c === itemCode)
  return (
    (entry.code !== undefined && names(entry.code)) ||
    (entry.itemCode !== undefined && entry.itemCode === itemCode) ||
    entry.relatedCodes.some(names) ||
    entry.locationCodes.some(names)
  )
}

/** A batch's part of the report, merged into the whole once the batch is stored. */
type Outcome = ImportReport & { deferred: Row[] }
const emptyOutcome = (): Outcome => ({
  created: 0,
  updated: 0,
  failed: 0,
  errors: [],
  warnings: [],
  rows: [],
  deferred: [],
})

function merge(into: Outcome, from: Outcome): void {
  into.created += from.created
  into.updated += from.updated
  into.failed += from.failed
  into.errors.push(...from.errors)
  into.warnings.push(...from.warnings)
  into.rows.push(...from.rows)
  into.deferred.push(...from.deferred)
}

function fail(out: ImportReport, line: number, message: string, code?: string, title?: string): void {
  out.failed++
  out.errors.push({ line, code, message })
  out.rows.push({ line, code, title, action: 'reject', reason: message })
}

/** Undoes the importer's own bookkeeping of a batch that was rolled back. */
class Journal {
  private undo: (() => void)[] = []
  set<K, V>(map: Map<K, V>, key: K, value: V): void {
    const had = map.has(key)
    const previous = map.get(key)
    this.undo.push(() => (had ? map.set(key, previous as V) : map.delete(key)))
    map.set(key, value)
  }
  record(restore: () => void): void {
    this.undo.push(restore)
  }
  rollback(): void {
    for (const restore of this.undo.reverse()) restore()
    this.undo = []
  }
  clear(): void {
    this.undo = []
  }
}

/** A batch's writes leave the search outbox to the batch: one index task for all its entries. */
const batchContext = (req?: PayloadRequest) => (req ? { [INDEXING_QUEUED_BY_CALLER]: true } : undefined)

/** Codes of the entries a batch stored (created or updated). */
const storedCodes = (out: ImportReport) => out.rows.flatMap((r) => (r.action !== 'reject' && r.code ? [r.code] : []))

export async function importEntries(
  payload: Payload,
  records: Iterable<RawRecord> | AsyncIterable<RawRecord>,
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report = emptyOutcome()
  const dryRun = Boolean(options.dryRun)
  const batchSize = options.batchSize ?? IMPORT_BATCH_SIZE
  const lookup = new Lookup(payload, Boolean(options.createMissing), dryRun)
  await lookup.load()
  const { codes, unitOf, typeOf } = await existingCodes(payload)
  const journal = new Journal()
  // New entries of a batch, written together in one statement per table where the database allows it.
  const bulk = dryRun ? undefined : sqliteBulkCreator(payload, COLLECTION)
  let waiting: Waiting[] = []
  const halls = new Set<string>()
  const total = Array.isArray(records) ? records.length : undefined
  let done = 0
  let batch: (Pending | Rejected)[] = []

  // Codes for new entries without one, as the collection's hook would give them (the next KB- number
  // after all codes), without its query over every code for each entry.
  let nextCode: string | undefined
  const noteCode = (code: string) => {
    const after = nextEntryCode([code])
    if (nextCode !== undefined && Number(after.slice(3)) > Number(nextCode.slice(3))) nextCode = after
  }
  const takeCode = () => {
    const previous = nextCode
    journal.record(() => (nextCode = previous))
    const code = previous ?? nextEntryCode(codes.keys())
    nextCode = nextEntryCode([code])
    return code
  }

  for await (const raw of records) {
    options.onProgress?.(done++, total)
    if (raw.warning) {
      report.warnings.push({ line: raw.line, message: raw.warning })
      continue
    }
    if (raw.error) {
      batch.push({ line: raw.line, problem: raw.error })
      continue
    }
    const parsed = parseRecord(raw.record, options.format ?? 'auto')
    if (!parsed.ok) {
      const id = (raw.record as { id?: unknown } | null)?.id
      batch.push({ line: raw.line, problem: parsed.error, code: typeof id === 'string' ? id : undefined })
      continue
    }
    for (const entry of parsed.entries) {
      // A service hall shared by many items of a file is written once per import.
      if (entry.data.type === 'location' && entry.itemCode) {
        if (halls.has(entry.itemCode)) continue
        halls.add(entry.itemCode)
      }
      batch.push({ line: raw.line, entry })
    }
    if (batch.length >= batchSize) {
      await importBatch(batch)
      batch = []
    }
  }
  await importBatch(batch)
  options.onProgress?.(done, total)

  /** Units and categories of the batch first: created (if asked) outside the batch's transaction. */
  async function importBatch(rows: (Pending | Rejected)[]) {
    if (!rows.length) return
    const planned: (Planned | Rejected)[] = []
    for (const row of rows) {
      if ('problem' in row) {
        planned.push(row)
        continue
      }
      try {
        const { entry } = row
        const unit = await lookup.unit(entry.unitName)
        if (options.onlyUnit !== undefined && String(unit) !== String(options.onlyUnit))
          throw new ServiceError(400, `只能导入本单位的条目，此行属于“${entry.unitName}”`)
        const category = entry.categoryPath
          ? await lookup.category(entry.categoryPath)
          : entry.categoryTheme
            ? await lookup.theme(entry.categoryTheme)
            : undefined
        planned.push({ ...row, unit, category })
      } catch (err) {
        const { line, entry } = row
        planned.push({
          line,
          problem: describeError(err, line),
          code: entry.code ?? entry.itemCode,
          title: titleOf(entry),
        })
      }
    }
    if (dryRun) {
      for (const row of planned) await importEntry(row, report)
      return
    }
    const outcome = emptyOutcome()
    try {
      await inTransaction(payload, async (req) => {
        for (const row of planned) await importEntry(row, outcome, req)
        await writeWaiting(req)
        await queueIndexing(req, storedCodes(outcome))
      })
      journal.clear()
      merge(report, outcome)
    } catch {
      // Nothing of the batch is stored: each row again on its own, to say which failed and why.
      waiting = []
      journal.rollback()
      for (const row of planned) {
        await importEntry(row, report)
        journal.clear()
      }
    }
    await yieldToRequests()
  }

  /**
   * One entry. In a batch (`req` given) a failed write is thrown, for the batch to be rolled back;
   * on its own it is reported as the row's failure.
   */
  async function importEntry(row: Planned | Rejected, out: Outcome, req?: PayloadRequest): Promise<void> {
    if ('problem' in row) return fail(out, row.line, row.problem, row.code, row.title)
    const { line, entry, unit } = row
    // A row that names an entry still waiting (its code, or a reference) needs that entry's id.
    if (req && waiting.some((w) => refersTo(entry, w.doc.code as string, w.entry.itemCode))) await writeWaiting(req)
    const title = titleOf(entry)
    const existing = entry.code
      ? codes.get(entry.code)
      : entry.itemCode
        ? codes.get(itemKey(entry.itemCode))
        : undefined
    const publishable = options.publish && !isPastValidity(entry.data.validUntil, now())
    const owner = existing !== undefined ? unitOf.get(existing) : undefined
    if (options.onlyUnit !== undefined && owner !== undefined && String(owner) !== String(options.onlyUnit)) {
      const message = `条目 ${entry.code ?? entry.itemCode} 属于其他单位，不能覆盖`
      return fail(out, line, message, entry.code ?? entry.itemCode, title)
    }
    if (options.publish && !publishable) {
      out.warnings.push({ line, code: entry.code, message: '已过有效期，按草稿导入，不会发布' })
    }
    const refs = references(entry, codes)
    const data = {
      ...entry.data,
      ...refs.data,
      unit,
      ...(row.category !== undefined ? { category: row.category } : {}),
      ...(entry.bodyText !== undefined ? { body: plainTextToLexical(entry.bodyText) } : {}),
      ...(existing === undefined && !entry.code && !dryRun ? { code: takeCode() } : {}),
      _status: publishable ? ('published' as const) : ('draft' as const),
    }
    const stored = (code: string | undefined) => {
      if (existing !== undefined) out.updated++
      else out.created++
      out.rows.push({ line, code, title, action: existing !== undefined ? 'update' : 'create' })
    }
    if (dryRun) {
      stored(entry.code ?? entry.itemCode)
      // Later rows that refer to this entry, or repeat its code, see it as present.
      if (entry.code) codes.set(entry.code, existing ?? `new:${entry.code}`)
      if (entry.itemCode) codes.set(itemKey(entry.itemCode), existing ?? `new:${entry.itemCode}`)
      if (refs.missing.length) out.deferred.push({ line, entry, draft: !publishable })
      return
    }
    const deferred = refs.missing.length ? { line, entry, draft: !publishable } : undefined
    const doc = req && bulk && existing === undefined ? await bulkDoc(data, refs.data, req) : undefined
    if (doc) {
      stored(doc.code as string)
      noteCode(doc.code as string)
      if (deferred) out.deferred.push(deferred)
      waiting.push({ doc, entry, unit, deferred })
      return
    }
    if (req) await writeWaiting(req)
    const how = {
      data: data as never,
      draft: !publishable,
      depth: 0,
      overrideAccess: true,
      req,
      context: batchContext(req),
    }
    const write = () =>
      // Ids are numbers on SQLite and strings on MongoDB; the generated types know only one.
      existing !== undefined
        ? payload.update({ collection: COLLECTION, id: existing, ...how })
        : payload.create({ collection: COLLECTION, ...how })
    let saved: Awaited<ReturnType<typeof write>>
    if (req) saved = await write()
    else {
      try {
        saved = await write()
      } catch (err) {
        // Only this row's own bookkeeping is in the journal (a code it took): the code is free again.
        journal.rollback()
        return fail(out, line, describeError(err, line), entry.code ?? entry.itemCode, title)
      }
    }
    stored(saved.code as string)
    noteCode(saved.code as string)
    remember(saved.id, saved.code as string, saved.type, unit, entry.itemCode)
    if (deferred) out.deferred.push({ ...deferred, id: saved.id, code: saved.code as string })
  }

  /** The importer's own bookkeeping of a stored entry, undone with its batch. */
  function remember(id: Id, code: string, type: string, unit: Id, itemCode: string | undefined) {
    journal.set(codes, code, id)
    journal.set(unitOf, id, unit)
    journal.set(typeOf, id, type)
    if (itemCode) journal.set(codes, itemKey(itemCode), id)
  }

  /**
   * A new entry as the collection would store it when created without a user: its defaults, the
   * type's and the workflow's fields, timestamps. Undefined when a field rule or a reference would
   * fail: the Local API then writes it and names the problem.
   */
  async function bulkDoc(
    data: Record<string, unknown>,
    refs: Record<string, unknown>,
    req: PayloadRequest,
  ): Promise<Record<string, unknown> | undefined> {
    const related = (refs.relatedEntries ?? []) as Id[]
    const locations = ((refs.guide as { locations?: Id[] } | undefined)?.locations ?? []) as Id[]
    if (!related.every((id) => typeOf.has(id)) || !locations.every((id) => typeOf.get(id) === 'location'))
      return undefined
    const fields = payload.collections[COLLECTION].config.flattenedFields
    const typed = entryTypeDefaults(await fillDefaults(fields, data, req), undefined, 'create')
    const at = new Date().toISOString()
    const doc = { ...typed, ...systemSaveFields(typed, undefined, 'create', now()), createdAt: at, updatedAt: at }
    return passesEntryFieldRules(doc) ? doc : undefined
  }

  /** Writes the new entries waiting in the batch, together, and takes note of their ids. */
  async function writeWaiting(req: PayloadRequest) {
    if (!waiting.length) return
    const rows = waiting
    waiting = []
    const ids = await bulk!.create(
      req,
      rows.map((w) => w.doc),
    )
    rows.forEach(({ doc, entry, unit, deferred }, i) => {
      remember(ids[i], doc.code as string, doc.type as string, unit, entry.itemCode)
      if (deferred) Object.assign(deferred, { id: ids[i], code: doc.code })
    })
  }

  // Second pass: references to entries that appeared later in the file, in batches as well.
  for (let start = 0; start < report.deferred.length; start += batchSize) {
    const rows = report.deferred.slice(start, start + batchSize).map((row) => {
      const refs = references(row.entry, codes)
      if (refs.missing.length) {
        report.warnings.push({
          line: row.line,
          code: row.entry.code,
          message: `引用的条目不存在，已忽略：${refs.missing.join('、')}`,
        })
      }
      return { row, data: refs.data }
    })
    if (dryRun) continue
    const link = (r: (typeof rows)[number], req?: PayloadRequest) =>
      payload.update({
        collection: COLLECTION,
        id: r.row.id!,
        data: r.data as never,
        draft: r.row.draft,
        depth: 0,
        overrideAccess: true,
        req,
        context: batchContext(req),
      })
    try {
      await inTransaction(payload, async (req) => {
        for (const r of rows) await link(r, req)
        await queueIndexing(req, [...new Set(rows.flatMap((r) => (r.row.code ? [r.row.code] : [])))])
      })
    } catch {
      for (const r of rows)
        await link(r).catch((err) => fail(report, r.row.line, describeError(err, r.row.line), r.row.entry.code))
    }
    await yieldToRequests()
  }
  const { deferred: _, ...result } = report
  return result
}

const titleOf = (entry: ImportableEntry) => (typeof entry.data.title === 'string' ? entry.data.title : undefined)
