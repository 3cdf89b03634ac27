/**
 * Reads an import file into raw exchange records, each with the line (or sheet row) it came from.
 * `streamRecords` reads a file record by record (JSON Lines by line, CSV through the streaming
 * parser, XLSX through ExcelJS's streaming reader), so a large file never sits in memory whole; only
 * a JSON array has to be parsed at once.
 */
import { createReadStream } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import { createInterface } from 'node:readline'
import { Readable } from 'node:stream'

import { parse as parseCsvStream } from 'csv-parse'
import ExcelJS from 'exceljs'

import { isCatalogueItem } from '../domain/exchange/catalogue'
import { rowToRecord, unknownHeaders } from '../domain/exchange/tabular'

/** A record of the file, a row that could not be read (error), or a note about the file (warning). */
export type RawRecord = { line: number; record?: unknown; error?: string; warning?: string }

/** Catalogue rows keep their own headers (事项名称 …); exchange rows are translated here. */
const tabularRecord = (row: Record<string, unknown>) => (isCatalogueItem(row) ? row : rowToRecord(row))

/**
 * Columns an exchange sheet has that no field takes: said once, on the header line, as soon as the
 * first row that is not a catalogue item is read (a catalogue keeps its own headers).
 */
async function* tabularRecords(
  headers: string[],
  rows: AsyncIterable<{ line: number; values: Record<string, unknown> }>,
): AsyncGenerator<RawRecord> {
  let warned = false
  for await (const { line, values } of rows) {
    if (!warned && !isCatalogueItem(values)) {
      warned = true
      const unknown = unknownHeaders(headers)
      if (unknown.length) yield { line: 1, warning: `未识别的列已忽略：${unknown.join('、')}` }
    }
    yield { line, record: tabularRecord(values) }
  }
}

export const SUPPORTED_EXTENSIONS = ['.jsonl', '.ndjson', '.json', '.csv', '.xlsx']

async function* readJsonLines(input: Readable): AsyncGenerator<RawRecord> {
  let line = 0
  for await (const content of createInterface({ input, crlfDelay: Infinity })) {
    line++
    if (!content.trim()) continue
    try {
      yield { line, record: JSON.parse(content) }
    } catch (err) {
      yield { line, error: `不是有效的 JSON：${(err as Error).message}` }
    }
  }
}

async function* readJsonArray(input: Readable): AsyncGenerator<RawRecord> {
  let text = ''
  for await (const chunk of input.setEncoding('utf8')) text += chunk
  const data = JSON.parse(text)
  if (!Array.isArray(data)) throw new UnreadableFileError('JSON 文件应为条目数组')
  for (const [i, record] of data.entries()) yield { line: i + 1, record }
}

async function* readCsv(input: Readable): AsyncGenerator<RawRecord> {
  const parser = input.pipe(
    parseCsvStream({ columns: true, bom: true, skip_empty_lines: true, info: true, relax_column_count: true }),
  )
  const rows = parser[Symbol.asyncIterator]() as AsyncIterator<{
    record: Record<string, string>
    info: { lines: number }
  }>
  const first = await rows.next()
  if (first.done) return
  const headers = Object.keys(first.value.record)
  yield* tabularRecords(
    headers,
    (async function* () {
      let r: IteratorResult<{ record: Record<string, string>; info: { lines: number } }> = first
      for (; !r.done; r = await rows.next()) yield { line: r.value.info.lines, values: r.value.record }
    })(),
  )
}

async function* readXlsx(input: Readable): AsyncGenerator<RawRecord> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  })
  for await (const sheet of workbook) {
    const headers: string[] = []
    const rows = (async function* () {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        if (row.number === 1) {
          row.eachCell((cell, col) => (headers[col] = String(cell.text).trim()))
          continue
        }
        const values: Record<string, unknown> = {}
        row.eachCell((cell, col) => {
          if (headers[col]) values[headers[col]] = cell.value instanceof Date ? cell.value : cell.text
        })
        yield { line: row.number, values }
      }
    })()
    // Headers are known once the first row is read, before any record is yielded.
    yield* tabularRecords(headers, rows)
    // Only the first sheet is read; the rest of the file is not.
    return
  }
}

/** Thrown for a file the importer cannot read at all (wrong type, not a spreadsheet, bad JSON). */
export class UnreadableFileError extends Error {}

function checkExtension(name: string): string {
  const ext = path.extname(name).toLowerCase()
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new UnreadableFileError(`不支持的文件类型 ${ext || '（无扩展名）'}，支持：${SUPPORTED_EXTENSIONS.join('、')}`)
  }
  return ext
}

/** The records of a file's content, read as they arrive; its type told by its name. */
async function* recordsOf(name: string, input: Readable): AsyncGenerator<RawRecord> {
  const ext = checkExtension(name)
  const reader = ext === '.xlsx' ? readXlsx : ext === '.json' ? readJsonArray : ext === '.csv' ? readCsv : readJsonLines
  try {
    yield* reader(input)
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err
    throw new UnreadableFileError(`无法读取文件（${ext}）：${(err as Error).message}`)
  }
}

/** A file's records one by one, for imports of any size. */
export async function streamRecords(file: string): Promise<AsyncGenerator<RawRecord>> {
  checkExtension(file)
  await fs.access(file).catch(() => {
    throw new Error(`找不到导入文件：${file}`)
  })
  return recordsOf(file, createReadStream(file))
}

async function collect(records: AsyncIterable<RawRecord>): Promise<RawRecord[]> {
  const all: RawRecord[] = []
  for await (const r of records) all.push(r)
  return all
}

/** The records of an uploaded file (bounded by the upload limit), its type told by its name. */
export async function readRecordsFrom(name: string, content: Buffer): Promise<RawRecord[]> {
  return collect(recordsOf(name, Readable.from([content])))
}

export async function readRecords(file: string): Promise<RawRecord[]> {
  return collect(await streamRecords(file))
}
