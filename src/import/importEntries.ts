/**
 * Imports exchange records and service-catalogue items: units and categories matched by name
 * (created on request), entries upserted by code (or by catalogue item code), references between
 * entries resolved by code once every row is in.
 */
import { createHash } from 'node:crypto'

import { type Payload, ValidationError } from 'payload'

import { now } from '../domain/clock'
import { CATALOGUE_CATEGORY_ROOT, isCatalogueItem, parseCatalogueItem } from '../domain/exchange/catalogue'
import { type ImportableEntry, parseExchangeRecord } from '../domain/exchange/record'
import { isPastValidity } from '../domain/knowledge/entryRules'
import { plainTextToLexical } from '../lexical/plainText'
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
  onProgress?: (done: number, total: number) => void
}

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
type Row = { line: number; entry: ImportableEntry; id?: Id; draft: boolean }

const COLLECTION = 'knowledge-entries'

/** A stable code for a unit or category created by an import, derived from its name. */
const generatedCode = (prefix: string, name: string) =>
  `${prefix}-${createHash('sha1').update(name).digest('hex').slice(0, 8).toUpperCase()}`

function describeError(err: unknown): string {
  if (err instanceof ValidationError) {
    return err.data.errors.map((e) => `${e.path}: ${e.message}`).join('；')
  }
  return err instanceof Error ? err.message : String(err)
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
    if (!this.createMissing) throw new Error(`承办单位“${name}”不存在（可加 --create-missing 自动创建）`)
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
    if (!this.createMissing) throw new Error(`知识库目录“${path}”不存在（可加 --create-missing 自动创建）`)
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
    select: { code: true, unit: true, source: { itemCode: true } },
  })
  const codes = new Map<string, Id>()
  const unitOf = new Map<Id, Id>()
  for (const d of result.docs) {
    codes.set(d.code as string, d.id)
    if (d.source?.itemCode) codes.set(itemKey(d.source.itemCode), d.id)
    const unit = typeof d.unit === 'object' && d.unit ? d.unit.id : d.unit
    if (unit !== undefined && unit !== null) unitOf.set(d.id, unit)
  }
  return { codes, unitOf }
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

export async function importEntries(
  payload: Payload,
  records: RawRecord[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, failed: 0, errors: [], warnings: [], rows: [] }
  const dryRun = Boolean(options.dryRun)
  const fail = (line: number, message: string, code?: string, title?: string) => {
    report.failed++
    report.errors.push({ line, code, message })
    report.rows.push({ line, code, title, action: 'reject', reason: message })
  }
  const lookup = new Lookup(payload, Boolean(options.createMissing), dryRun)
  await lookup.load()
  const { codes, unitOf } = await existingCodes(payload)
  const deferred: Row[] = []
  const halls = new Set<string>()
  let done = 0

  for (const raw of records) {
    options.onProgress?.(done++, records.length)
    if (raw.warning) {
      report.warnings.push({ line: raw.line, message: raw.warning })
      continue
    }
    if (raw.error) {
      fail(raw.line, raw.error)
      continue
    }
    const parsed = parseRecord(raw.record, options.format ?? 'auto')
    if (!parsed.ok) {
      const id = (raw.record as { id?: unknown } | null)?.id
      fail(raw.line, parsed.error, typeof id === 'string' ? id : undefined)
      continue
    }
    for (const entry of parsed.entries) {
      // A service hall shared by many items of a file is written once per import.
      if (entry.data.type === 'location' && entry.itemCode) {
        if (halls.has(entry.itemCode)) continue
        halls.add(entry.itemCode)
      }
      await importEntry(raw.line, entry)
    }
  }
  options.onProgress?.(records.length, records.length)

  async function importEntry(line: number, entry: ImportableEntry) {
    const title = typeof entry.data.title === 'string' ? entry.data.title : undefined
    try {
      const publishable = options.publish && !isPastValidity(entry.data.validUntil, now())
      if (options.publish && !publishable) {
        report.warnings.push({ line, code: entry.code, message: '已过有效期，按草稿导入，不会发布' })
      }
      const existing = entry.code
        ? codes.get(entry.code)
        : entry.itemCode
          ? codes.get(itemKey(entry.itemCode))
          : undefined
      const unit = await lookup.unit(entry.unitName)
      if (options.onlyUnit !== undefined) {
        if (String(unit) !== String(options.onlyUnit))
          throw new Error(`只能导入本单位的条目，此行属于“${entry.unitName}”`)
        const owner = existing !== undefined ? unitOf.get(existing) : undefined
        if (owner !== undefined && String(owner) !== String(options.onlyUnit))
          throw new Error(`条目 ${entry.code ?? entry.itemCode} 属于其他单位，不能覆盖`)
      }
      const refs = references(entry, codes)
      const data = {
        ...entry.data,
        ...refs.data,
        unit,
        ...(entry.categoryPath ? { category: await lookup.category(entry.categoryPath) } : {}),
        ...(entry.categoryTheme ? { category: await lookup.theme(entry.categoryTheme) } : {}),
        ...(entry.bodyText !== undefined ? { body: plainTextToLexical(entry.bodyText) } : {}),
        _status: publishable ? ('published' as const) : ('draft' as const),
      }
      const done = (code: string | undefined) => {
        if (existing !== undefined) report.updated++
        else report.created++
        report.rows.push({ line, code, title, action: existing !== undefined ? 'update' : 'create' })
      }
      if (dryRun) {
        done(entry.code ?? entry.itemCode)
        // Later rows that refer to this entry, or repeat its code, see it as present.
        if (entry.code) codes.set(entry.code, existing ?? `new:${entry.code}`)
        if (entry.itemCode) codes.set(itemKey(entry.itemCode), existing ?? `new:${entry.itemCode}`)
        if (refs.missing.length) deferred.push({ line, entry, draft: !publishable })
        return
      }
      // Ids are numbers on SQLite and strings on MongoDB; the generated types know only one.
      const saved =
        existing !== undefined
          ? await payload.update({
              collection: COLLECTION,
              id: existing,
              data: data as never,
              draft: !publishable,
              overrideAccess: true,
            })
          : await payload.create({
              collection: COLLECTION,
              data: data as never,
              draft: !publishable,
              overrideAccess: true,
            })
      done(saved.code as string)
      codes.set(saved.code as string, saved.id)
      unitOf.set(saved.id, unit)
      if (entry.itemCode) codes.set(itemKey(entry.itemCode), saved.id)
      if (refs.missing.length) deferred.push({ line, entry, id: saved.id, draft: !publishable })
    } catch (err) {
      fail(line, describeError(err), entry.code ?? entry.itemCode, title)
    }
  }

  // Second pass: references to entries that appeared later in the file.
  for (const row of deferred) {
    const refs = references(row.entry, codes)
    if (refs.missing.length) {
      report.warnings.push({
        line: row.line,
        code: row.entry.code,
        message: `引用的条目不存在，已忽略：${refs.missing.join('、')}`,
      })
    }
    if (dryRun) continue
    try {
      await payload.update({
        collection: COLLECTION,
        id: row.id!,
        data: refs.data as never,
        draft: row.draft,
        overrideAccess: true,
      })
    } catch (err) {
      fail(row.line, describeError(err), row.entry.code)
    }
  }
  return report
}
