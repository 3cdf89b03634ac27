/**
 * Documents of one collection created set-based on SQLite: one multi-row INSERT per table (the
 * collection's own, its hasMany texts and relationships, its arrays, and the same for its versions)
 * for a whole batch, instead of Payload's create per document (hooks, validation, a statement per
 * table and a re-read: 12–40 ms each). Rows go through the adapter's drizzle tables (bound
 * parameters) on the caller's transaction.
 *
 * Only the writing is done here: the caller gives complete documents, with the collection's
 * defaults, hooks and validation already applied (see src/import/importEntries.ts). A collection with
 * a field kind this module does not lay out (blocks, localized fields, nested arrays, …) gets no bulk
 * creator, and its callers keep the Local API.
 */
import { randomBytes } from 'node:crypto'

import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { getTableColumns } from '@payloadcms/db-sqlite/drizzle'
import type { CollectionSlug, FlattenedField, Payload, PayloadRequest } from 'payload'

export type Id = number | string
type Doc = Record<string, unknown>
type Table = SQLiteAdapter['tables'][string]
type Row = Record<string, unknown>
type Db = SQLiteAdapter['drizzle']

/** How one field of a document becomes columns or rows. */
type Part =
  | { kind: 'column'; path: string[]; key: string }
  | { kind: 'texts'; path: string[]; dotted: string }
  | { kind: 'rels'; path: string[]; dotted: string; key: string }
  | { kind: 'array'; path: string[]; table: string; versionTable?: string; keys: string[] }

type Layout = { table: string; parts: Part[]; versions?: { table: string } }

const SCALARS = new Set([
  'text',
  'textarea',
  'select',
  'date',
  'number',
  'checkbox',
  'email',
  'code',
  'richText',
  'json',
])
const toSnake = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase()

class Unsupported extends Error {}

/** The parts of a document's fields, as Payload's drizzle schema lays them out; throws Unsupported. */
function partsOf(
  adapter: SQLiteAdapter,
  fields: FlattenedField[],
  at: { path: string[]; key: string; column: string; table: string; versionTable?: string },
): Part[] {
  const parts: Part[] = []
  for (const field of fields) {
    if (('virtual' in field && field.virtual) || field.type === 'join') continue
    if ('localized' in field && field.localized) throw new Unsupported(field.name)
    const path = [...at.path, field.name]
    const key = `${at.key}${field.name}`
    const column = `${at.column}${toSnake(field.name)}`
    const dotted = path.join('.')
    if (field.type === 'group') {
      parts.push(...partsOf(adapter, field.flattenedFields, { ...at, path, key: `${key}_`, column: `${column}_` }))
    } else if (field.type === 'text' && field.hasMany) {
      parts.push({ kind: 'texts', path, dotted })
    } else if (field.type === 'relationship' || field.type === 'upload') {
      if (Array.isArray(field.relationTo) || 'polymorphic' in field) throw new Unsupported(field.name)
      if (field.hasMany) parts.push({ kind: 'rels', path, dotted, key: `${field.relationTo}ID` })
      else parts.push({ kind: 'column', path, key })
    } else if (field.type === 'array') {
      // Payload gives each array row an `id` field of its own: written from the row's key below.
      const inner = field.flattenedFields.filter((f) => f.name !== 'id')
      if (!inner.every((f) => SCALARS.has(f.type) && !('hasMany' in f && f.hasMany))) throw new Unsupported(field.name)
      const table = adapter.tableNameMap.get(`${at.table}_${column}`)
      const versionTable = at.versionTable && adapter.tableNameMap.get(`${at.versionTable}_version_${column}`)
      if (!table || (at.versionTable && !versionTable)) throw new Unsupported(field.name)
      parts.push({ kind: 'array', path, table, versionTable, keys: inner.map((f) => f.name) })
    } else if (SCALARS.has(field.type) && !('hasMany' in field && field.hasMany)) {
      parts.push({ kind: 'column', path, key })
    } else {
      throw new Unsupported(field.name)
    }
  }
  return parts
}

function layoutOf(payload: Payload, slug: CollectionSlug): Layout | undefined {
  const adapter = payload.db as unknown as SQLiteAdapter
  const config = payload.collections[slug].config
  const table = adapter.tableNameMap.get(toSnake(slug).replace(/-/g, '_'))
  if (!table) return undefined
  const versionTable = config.versions ? adapter.tableNameMap.get(`_${table}${adapter.versionsSuffix}`) : undefined
  if (config.versions && !versionTable) return undefined
  try {
    const parts = partsOf(
      adapter,
      config.flattenedFields.filter((f) => f.name !== 'id'),
      { path: [], key: '', column: '', table, versionTable },
    )
    // hasMany texts and relationships share a table per collection (and per versions table).
    const shared = [...new Set(parts.flatMap((p) => (p.kind === 'texts' || p.kind === 'rels' ? [p.kind] : [])))]
    const owners = versionTable ? [table, versionTable] : [table]
    if (!shared.every((kind) => owners.every((owner) => adapter.tables[`${owner}_${kind}`]))) return undefined
    return { table, parts, ...(versionTable ? { versions: { table: versionTable } } : {}) }
  } catch (err) {
    if (err instanceof Unsupported) return undefined
    throw err
  }
}

const valueAt = (doc: Doc, path: string[]): unknown =>
  path.reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Doc)[k] : undefined), doc)

const rowId = () => randomBytes(12).toString('hex')
/** SQLite binds at most 32,766 parameters per statement; chunks stay well below. */
const MAX_PARAMETERS = 30_000

async function insert(db: Db, table: Table, rows: Row[], returning?: Record<string, unknown>): Promise<Row[]> {
  if (!rows.length) return []
  const columns = Object.keys(getTableColumns(table)).length
  const chunk = Math.max(1, Math.floor(MAX_PARAMETERS / columns))
  const out: Row[] = []
  for (let i = 0; i < rows.length; i += chunk) {
    const statement = db.insert(table).values(rows.slice(i, i + chunk))
    if (returning) out.push(...((await statement.returning(returning as never)) as Row[]))
    else await statement
  }
  return out
}

export type BulkCreator = {
  /**
   * Creates the documents (complete, with `createdAt` and `updatedAt`), and for a collection with
   * versions each one's first version, marked latest. Returns the new ids in the documents' order.
   */
  create(req: PayloadRequest, docs: Doc[]): Promise<Id[]>
}

const creators = new WeakMap<Payload, Map<CollectionSlug, BulkCreator | undefined>>()

/** A bulk creator for the collection, or undefined when the database or the fields rule it out. */
export function sqliteBulkCreator(payload: Payload, slug: CollectionSlug): BulkCreator | undefined {
  const known = creators.get(payload) ?? new Map<CollectionSlug, BulkCreator | undefined>()
  creators.set(payload, known)
  if (!known.has(slug)) known.set(slug, makeCreator(payload, slug))
  return known.get(slug)
}

function makeCreator(payload: Payload, slug: CollectionSlug): BulkCreator | undefined {
  if (payload.db.name !== 'sqlite') return undefined
  const layout = layoutOf(payload, slug)
  if (!layout) return undefined
  const { parts } = layout
  const adapter = payload.db as unknown as SQLiteAdapter
  const tables = adapter.tables
  const texts = `${layout.table}_texts`
  const rels = `${layout.table}_rels`

  type Targets = { prefix: string; texts: string; rels: string; versions: boolean }

  /** Rows of the documents' nested tables (texts, relationships, arrays), given each one's id. */
  function nestedRows(docs: Doc[], ids: Id[], to: Targets) {
    const byTable = new Map<string, Row[]>()
    const add = (table: string, row: Row) => byTable.get(table)?.push(row) ?? byTable.set(table, [row])
    docs.forEach((doc, d) => {
      for (const part of parts) {
        if (part.kind === 'column') continue
        const list = valueAt(doc, part.path)
        if (!Array.isArray(list)) continue
        list.forEach((item, i) => {
          const order = i + 1
          if (part.kind === 'texts') add(to.texts, { order, parent: ids[d], path: to.prefix + part.dotted, text: item })
          else if (part.kind === 'rels')
            add(to.rels, { order, parent: ids[d], path: to.prefix + part.dotted, [part.key]: item })
          else {
            const values = Object.fromEntries(part.keys.map((k) => [k, (item as Doc)[k]]))
            // An array row's id (Payload's kind: 24 hex digits) is its version row's `_uuid`.
            const rowKey = ((item as Doc).id ??= rowId())
            if (to.versions) add(part.versionTable!, { _order: order, _parentID: ids[d], _uuid: rowKey, ...values })
            else add(part.table, { _order: order, _parentID: ids[d], id: rowKey, ...values })
          }
        })
      }
    })
    return byTable
  }

  const columns = (doc: Doc, prefix: string): Row =>
    Object.fromEntries(
      parts.flatMap((p) => {
        if (p.kind !== 'column') return []
        const value = valueAt(doc, p.path)
        return value === undefined ? [] : [[prefix + p.key, value]]
      }),
    )

  return {
    async create(req, docs) {
      if (!docs.length) return []
      const id = await req.transactionID
      const db = ((id !== undefined && adapter.sessions[id]?.db) || adapter.drizzle) as Db
      const main = tables[layout.table]
      const created = await insert(
        db,
        main,
        docs.map((doc) => columns(doc, '')),
        { id: main.id },
      )
      if (created.length !== docs.length) throw new Error(`bulk create of ${slug}: ${created.length} of ${docs.length}`)
      // SQLite numbers the rows of one INSERT upwards in their order (RETURNING itself promises no order).
      const ids = created.map((r) => r.id as number).sort((a, b) => a - b)
      for (const [table, rows] of nestedRows(docs, ids, { prefix: '', texts, rels, versions: false }))
        await insert(db, tables[table], rows)
      if (layout.versions) {
        const table = tables[layout.versions.table]
        const versionRows = docs.map((doc, d) => ({
          parent: ids[d],
          ...columns(doc, 'version_'),
          createdAt: doc.updatedAt,
          updatedAt: doc.updatedAt,
          latest: true,
        }))
        const versions = await insert(db, table, versionRows, { id: table.id, parent: table.parent })
        const versionOf = new Map(versions.map((v) => [v.parent as Id, v.id as Id]))
        const versionIds = ids.map((i) => versionOf.get(i)!)
        const v = layout.versions.table
        const nested = nestedRows(docs, versionIds, {
          prefix: 'version.',
          texts: `${v}_texts`,
          rels: `${v}_rels`,
          versions: true,
        })
        for (const [table, rows] of nested) await insert(db, tables[table], rows)
      }
      return ids
    },
  }
}
