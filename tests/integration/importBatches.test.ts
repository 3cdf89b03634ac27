/**
 * The importer writes entries in batches, one transaction each: a failed write rolls its batch back
 * whole, then the rows are written one by one, so the failing row is reported and leaves no trace.
 * New entries of a batch are written set-based on SQLite (src/services/sqliteBulkCreate.ts); what
 * they leave in every table must be what Payload's create leaves, row for row.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import { jest } from '@jest/globals'
import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import { inArray, sql } from '@payloadcms/db-sqlite/drizzle'
import type { Payload } from 'payload'

import { importEntries } from '../../src/import/importEntries'
import { streamRecords } from '../../src/import/readRecords'
import { SEARCH_QUEUE } from '../../src/jobs/syncIndex'
import { lexicalToPlainText } from '../../src/lexical/plainText'
import { logger } from '../../src/log'
import type { KnowledgeEntry } from '../../src/payload-types'
import { type IndexableEntry, toSearchDocument } from '../../src/search/fromEntry'
import { searchEngine } from '../../src/search/searchEngine'
import { startPayload } from '../helpers/payload'

let payload: Payload
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hk-import-batches-'))

beforeAll(async () => {
  payload = await startPayload()
})
afterAll(() => payload.destroy())
afterEach(() => jest.restoreAllMocks())

/** Ten entries of every kind of content: lists, relations to each other, drafts and published. */
const records = (first: number) =>
  Array.from({ length: 10 }, (_, i) => ({
    id: `KB-${first + i}`,
    type: i === 3 ? 'policy' : i % 2 ? 'faq' : 'guide',
    unit: '批量导入局',
    category: `批量/目录${i % 3}`,
    title: `批量导入条目 ${i}`,
    summary: `摘要 ${i}`,
    body: `第一段 ${i}。\n第二段。`,
    validFrom: '2026-01-01',
    validUntil: i === 9 ? '2026-02-01' : '2028-12-31',
    tags: ['批量', `标签${i}`],
    questions: [`怎么办理 ${i}`],
    // Back to the first row, on to the last: references that are resolved at once and later.
    relatedIds: i === 0 ? [`KB-${first + 9}`] : i % 5 === 1 ? [`KB-${first + i - 1}`] : [],
    districts: i % 3 ? ['东城区', '西城区'] : undefined,
    fields:
      i === 3
        ? { keyPoints: ['要点一', '要点二'], level: 'city', effectiveDate: '2026-03-01' }
        : i % 2
          ? { question: `问题 ${i}？`, answer: `答案 ${i}。` }
          : { materials: ['身份证', '户口簿'], steps: ['申请'], phone: '12345', fee: '不收费' },
  }))

const toLines = (rows: object[]) => rows.map((r) => JSON.stringify(r)).join('\n')
const file = (name: string, content: string) => {
  const p = path.join(dir, name)
  fs.writeFileSync(p, content)
  return p
}

const entriesFrom = async (first: number) =>
  (
    await payload.find({
      collection: 'knowledge-entries',
      where: { code: { greater_than_equal: `KB-${first}`, less_than: `KB-${first + 10}` } },
      sort: 'code',
      draft: true,
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs

const versionsOf = async (id: number | string) =>
  (
    await payload.findVersions({
      collection: 'knowledge-entries',
      where: { parent: { equals: id } },
      sort: 'createdAt',
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
  ).docs

/** The outbox rows of an entry: its change rows, and the index tasks that name it (alone or in a batch). */
const outboxOf = async (code: string) => {
  const changes = await payload.count({ collection: 'search-changes', where: { code: { equals: code } } })
  const jobs = await payload.find({
    collection: 'payload-jobs',
    where: { queue: { equals: SEARCH_QUEUE } },
    pagination: false,
    overrideAccess: true,
  })
  const names = (input: unknown) => {
    const { code: one, codes } = (input ?? {}) as { code?: string; codes?: string[] }
    return one === code || Boolean(codes?.includes(code))
  }
  return { changes: changes.totalDocs, jobs: jobs.docs.filter((j) => names(j.input)).length }
}

/** What must be the same whichever way an entry was written: all but ids, codes and times. */
function comparable(value: unknown, codes: Map<unknown, string>): unknown {
  if (Array.isArray(value)) return value.map((v) => comparable(v, codes))
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k]) => !['id', 'createdAt', 'updatedAt', 'publishedAt', 'reviewedAt', 'parent'].includes(k))
        .map(([k, v]) => [k, k === 'code' ? codes.get(v) : comparable(v, codes)]),
    )
  }
  return codes.get(value) ?? value
}

const sqlite = () => payload.db as unknown as SQLiteAdapter

/** Makes the database refuse to store an entry with this code, whichever way it is written. */
async function refuseEntry(code: string) {
  await sqlite().drizzle.run(
    sql.raw(
      `CREATE TRIGGER refuse_${code.replace('-', '_')} BEFORE INSERT ON knowledge_entries WHEN NEW.code = '${code}' ` +
        `BEGIN SELECT RAISE(ABORT, '模拟的数据库写入失败'); END`,
    ),
  )
}

/** Fails the first index task a batch queues: the batch is rolled back, then written row by row. */
function failFirstIndexTask() {
  const queue = payload.jobs.queue.bind(payload.jobs)
  let failed = false
  return jest.spyOn(payload.jobs, 'queue').mockImplementation(((args: Parameters<typeof queue>[0]) => {
    if (failed) return queue(args)
    failed = true
    return Promise.reject(new Error('模拟的写入失败'))
  }) as typeof queue)
}

/**
 * Every row the entries left in the collection's tables (its own, texts, relationships, arrays, and
 * the same for versions), ids as places (an entry's, its version's) and timestamps left out.
 */
async function tableRows(ids: (number | string)[], places: Map<unknown, string>) {
  const { drizzle, tables } = sqlite()
  const select = (table: string, column: string, among: unknown[]) =>
    drizzle
      .select()
      .from(tables[table])
      .where(inArray(tables[table][column], among as number[]))
  const versions = await select('_knowledge_entries_v', 'parent', ids)
  const versionPlaces = new Map(versions.map((v) => [v.id, `version of ${places.get(v.parent)}`]))
  const versionIds = versions.map((v) => v.id)
  const entry = places
  const version = versionPlaces
  // An array row's own id: 24 hex digits on the entry's table (its version row's `_uuid`), a number on the version's.
  const row = new Map<unknown, string>()
  const arrays = ['guide_materials', 'guide_steps', 'policy_key_points']
  type Part = [table: string, by: string, among: unknown[], refs: Record<string, Map<unknown, string>>]
  const parts: Part[] = [
    ['knowledge_entries', 'id', ids, { id: entry, code: entry }],
    ['knowledge_entries_texts', 'parent', ids, { id: row, parent: entry }],
    ['knowledge_entries_rels', 'parent', ids, { id: row, parent: entry, 'knowledge-entriesID': entry }],
    ...arrays.map((a): Part => [`knowledge_entries_${a}`, '_parentID', ids, { id: row, _parentID: entry }]),
    ['_knowledge_entries_v', 'parent', ids, { id: version, parent: entry }],
    ['_knowledge_entries_v_texts', 'parent', versionIds, { id: row, parent: version }],
    ['_knowledge_entries_v_rels', 'parent', versionIds, { id: row, parent: version, 'knowledge-entriesID': entry }],
    ...arrays.map((a): Part => [
      `_knowledge_entries_v_version_${a}`,
      '_parentID',
      versionIds,
      { id: row, _uuid: row, _parentID: version },
    ]),
  ]
  const timestamp = /(^|_)(createdAt|updatedAt|publishedAt|reviewedAt)$/
  const result: Record<string, unknown[]> = {}
  for (const [table, by, among, refs] of parts) {
    const rows = await select(table, by, among)
    result[table] = rows
      .map((r) =>
        Object.fromEntries(
          Object.entries(r)
            .filter(([k]) => !timestamp.test(k))
            .map(([k, v]) => {
              if (refs[k] === row) return [k, typeof v === 'string' ? /^[0-9a-f]{24}$/.test(v) : typeof v]
              if (k === 'version_code') return [k, entry.get(v)]
              return [k, refs[k] ? refs[k].get(v) : v]
            }),
        ),
      )
      .sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y)))
  }
  return result
}

describe('batched import', () => {
  it('stores what the one-by-one path stores, field by field, versions and outbox included', async () => {
    const batched = await importEntries(payload, await streamRecords(file('a.jsonl', toLines(records(7000)))), {
      createMissing: true,
      publish: true,
    })
    expect(batched).toMatchObject({ created: 10, failed: 0 })
    // A failure once, at the end of the batch: it is rolled back and every row written on its own,
    // through Payload's create.
    const spy = failFirstIndexTask()
    const oneByOne = await importEntries(payload, await streamRecords(file('b.jsonl', toLines(records(8000)))), {
      createMissing: true,
      publish: true,
    })
    expect(spy).toHaveBeenCalled()
    expect(oneByOne).toMatchObject({ created: 10, failed: 0 })
    expect(oneByOne.rows.map((r) => [r.line, r.action])).toEqual(batched.rows.map((r) => [r.line, r.action]))
    const samePlace = (w: { code?: string }) => ({ ...w, code: w.code?.replace('KB-80', 'KB-70') })
    expect(oneByOne.warnings.map(samePlace)).toEqual(batched.warnings)

    const [a, b] = [await entriesFrom(7000), await entriesFrom(8000)]
    expect(a).toHaveLength(10)
    // Ids of A's entries and codes stand for their places; B's the same places.
    const places = new Map<unknown, string>()
    a.forEach((d, i) => (places.set(d.id, `#${i}`), places.set(d.code, `#${i}`)))
    b.forEach((d, i) => (places.set(d.id, `#${i}`), places.set(d.code, `#${i}`)))
    expect(comparable(b, places)).toEqual(comparable(a, places))
    const [rowsA, rowsB] = [
      await tableRows(
        a.map((d) => d.id),
        places,
      ),
      await tableRows(
        b.map((d) => d.id),
        places,
      ),
    ]
    expect(rowsB).toEqual(rowsA)
    // Every table has rows to compare: texts, relationships, arrays, versions.
    expect(Object.entries(rowsA).filter(([, rows]) => !rows.length)).toEqual([])
    expect(a.map((d) => d._status)).toEqual([...Array(9).fill('published'), 'draft'])
    expect(a[1].relatedEntries).toEqual([a[0].id])
    expect(a[0].relatedEntries).toEqual([a[9].id])

    for (let i = 0; i < 10; i++) {
      const [va, vb] = [await versionsOf(a[i].id), await versionsOf(b[i].id)]
      // The entry and the reference resolved in the second pass: two versions each way.
      expect(va).toHaveLength(i === 0 ? 2 : 1)
      expect(comparable(vb, places)).toEqual(comparable(va, places))
      expect(await outboxOf(b[i].code!)).toEqual(await outboxOf(a[i].code!))
      const search = (d: KnowledgeEntry) => {
        const {
          code: _code,
          version: _version,
          ...rest
        } = toSearchDocument(d as IndexableEntry, lexicalToPlainText(d.body))
        return comparable(rest, places)
      }
      expect(search(b[i])).toEqual(search(a[i]))
    }
    expect(await outboxOf('KB-7000')).toEqual({ changes: 2, jobs: 2 })
    // One index task for the batch (the second pass had one entry: its own task), one per entry one by one.
    const tasks = await payload.find({ collection: 'payload-jobs', where: { taskSlug: { equals: 'indexEntries' } } })
    expect(tasks.docs.map((t) => (t.input as { codes: string[] }).codes)).toEqual([a.map((d) => d.code)])

    // After the outbox runs, the index has both sets' published entries, the same way.
    await payload.jobs.run({ queue: SEARCH_QUEUE, limit: 1000 })
    const found = async (code: string) => {
      const title = a.concat(b).find((d) => d.code === code)!.title
      const result = await searchEngine().search({ text: title, audience: 'agent', now: new Date(), perPage: 50 })
      return result.hits.find((h) => h.document.code === code)?.document
    }
    for (let i = 0; i < 10; i++) {
      const [ia, ib] = [await found(a[i].code!), await found(b[i].code!)]
      expect(Boolean(ia)).toBe(i < 9)
      const { code: _ca, version: _va, ...restA } = ia ?? ({} as Record<string, unknown>)
      const { code: _cb, version: _vb, ...restB } = ib ?? ({} as Record<string, unknown>)
      expect(comparable(restB, places)).toEqual(comparable(restA, places))
    }
  })

  it('leaves nothing of a row whose write fails, reports it in Chinese, and stores the others', async () => {
    // Batches of four: KB-7505 is the second row of the second batch, written in one statement with KB-7504.
    // The database refuses KB-7505 in the bulk write and again in Payload's create, one by one.
    await refuseEntry('KB-7505')
    const spy = jest.spyOn(payload.db, 'create')
    const logged = jest.spyOn(logger, 'error').mockImplementation(() => undefined)
    const report = await importEntries(payload, await streamRecords(file('c.jsonl', toLines(records(7500)))), {
      createMissing: true,
      publish: true,
      batchSize: 4,
    })
    expect(report).toMatchObject({ created: 9, failed: 1 })
    // Only the second batch went through Payload's create, row by row, after its bulk write failed.
    const oneByOne = spy.mock.calls.flatMap(([args]) =>
      args.collection === 'knowledge-entries' ? [args.data.code] : [],
    )
    expect(oneByOne).toEqual(['KB-7504', 'KB-7505', 'KB-7506', 'KB-7507'])
    // Said in general terms: the driver's message quotes the statement and the row's values.
    expect(report.errors).toEqual([{ line: 6, code: 'KB-7505', message: '保存失败：数据库错误' }])
    expect(report.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(report.rows[5]).toMatchObject({ action: 'reject', reason: '保存失败：数据库错误' })
    // The log says what failed, without the row's values.
    expect(logged).toHaveBeenCalledTimes(1)
    const [entry, message] = logged.mock.calls[0] as unknown as [Record<string, unknown>, string]
    expect(message).toBe('import: a row could not be saved')
    expect(entry).toMatchObject({
      line: 6,
      failure: {
        error: 'DrizzleQueryError',
        code: 'SQLITE_CONSTRAINT_TRIGGER',
        message: '模拟的数据库写入失败',
        statement: expect.stringMatching(/^insert into "knowledge_entries"/),
      },
    })
    expect(JSON.stringify(entry)).not.toMatch(/批量导入条目 5|问题 5|KB-7505/)
    expect(report.warnings.map((w) => w.message)).toContain('引用的条目不存在，已忽略：KB-7505')

    const stored = await entriesFrom(7500)
    expect(stored.map((d) => d.code)).not.toContain('KB-7505')
    expect(stored).toHaveLength(9)
    expect(await outboxOf('KB-7505')).toEqual({ changes: 0, jobs: 0 })
    const orphans = await payload.findVersions({
      collection: 'knowledge-entries',
      where: { 'version.code': { equals: 'KB-7505' } },
      overrideAccess: true,
    })
    expect(orphans.totalDocs).toBe(0)
    // KB-7504, written with KB-7505 in the rolled-back batch, then again on its own: stored once.
    const kb7504 = stored.find((d) => d.code === 'KB-7504')!
    expect(await versionsOf(kb7504.id)).toHaveLength(1)
    expect(await outboxOf('KB-7504')).toEqual({ changes: 1, jobs: 1 })
  })

  it('reads a file as a stream in batches: invalid rows and later references in their places', async () => {
    const rows = records(7600)
    const csvLike = [
      ...rows.slice(0, 3).map((r) => JSON.stringify(r)),
      '{不是 JSON',
      JSON.stringify({ ...rows[3], title: '' }),
      ...rows.slice(4).map((r) => JSON.stringify(r)),
    ].join('\n')
    const report = await importEntries(payload, await streamRecords(file('d.jsonl', csvLike)), {
      createMissing: true,
      publish: true,
      batchSize: 3,
    })
    expect(report).toMatchObject({ created: 9, failed: 2 })
    expect(report.errors.map((e) => e.line)).toEqual([4, 5])
    expect(report.errors[1].message).toMatch(/缺少标题/)
    expect(report.rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    const stored = await entriesFrom(7600)
    // KB-7600 refers to KB-7609, three batches later.
    expect(stored[0].relatedEntries).toEqual([stored.find((d) => d.code === 'KB-7609')!.id])
  })
})
