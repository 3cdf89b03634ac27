/** Reads an import file into raw exchange records, each with the line (or sheet row) it came from. */
import fs from 'node:fs/promises'
import path from 'node:path'

import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import { isCatalogueItem } from '../domain/exchange/catalogue'
import { rowToRecord, unknownHeaders } from '../domain/exchange/tabular'

/** A record of the file, a row that could not be read (error), or a note about the file (warning). */
export type RawRecord = { line: number; record?: unknown; error?: string; warning?: string }

/** Catalogue rows keep their own headers (事项名称 …); exchange rows are translated here. */
const tabularRecord = (row: Record<string, unknown>) => (isCatalogueItem(row) ? row : rowToRecord(row))

/** Columns an exchange sheet has that no field takes: said once, on the header line. */
function headerWarnings(headers: string[], rows: Record<string, unknown>[]): RawRecord[] {
  if (!rows.length || rows.every((r) => isCatalogueItem(r))) return []
  const unknown = unknownHeaders(headers)
  return unknown.length ? [{ line: 1, warning: `未识别的列已忽略：${unknown.join('、')}` }] : []
}

export const SUPPORTED_EXTENSIONS = ['.jsonl', '.ndjson', '.json', '.csv', '.xlsx']

function readJsonLines(text: string): RawRecord[] {
  return text.split(/\r?\n/).flatMap((content, i): RawRecord[] => {
    if (!content.trim()) return []
    try {
      return [{ line: i + 1, record: JSON.parse(content) }]
    } catch (err) {
      return [{ line: i + 1, error: `不是有效的 JSON：${(err as Error).message}` }]
    }
  })
}

function readJsonArray(text: string): RawRecord[] {
  const data = JSON.parse(text)
  if (!Array.isArray(data)) throw new UnreadableFileError('JSON 文件应为条目数组')
  return data.map((record, i) => ({ line: i + 1, record }))
}

function readCsv(text: string): RawRecord[] {
  const rows = parseCsv(text, {
    columns: true,
    bom: true,
    skip_empty_lines: true,
    info: true,
    relax_column_count: true,
  }) as {
    record: Record<string, string>
    info: { lines: number }
  }[]
  const headers = rows.length ? Object.keys(rows[0].record) : []
  return [
    ...headerWarnings(
      headers,
      rows.map((r) => r.record),
    ),
    ...rows.map(({ record, info }) => ({ line: info.lines, record: tabularRecord(record) })),
  ]
}

async function readXlsx(content: Buffer): Promise<RawRecord[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(content as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const headers: string[] = []
  sheet.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.text).trim()))
  const rows: { line: number; values: Record<string, unknown> }[] = []
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return
    const values: Record<string, unknown> = {}
    row.eachCell((cell, col) => {
      if (headers[col]) values[headers[col]] = cell.value instanceof Date ? cell.value : cell.text
    })
    rows.push({ line: rowNumber, values })
  })
  return [
    ...headerWarnings(
      headers.filter(Boolean),
      rows.map((r) => r.values),
    ),
    ...rows.map(({ line, values }) => ({ line, record: tabularRecord(values) })),
  ]
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

/** The records of an uploaded file, its type told by its name. */
export async function readRecordsFrom(name: string, content: Buffer): Promise<RawRecord[]> {
  const ext = checkExtension(name)
  try {
    if (ext === '.xlsx') return await readXlsx(content)
    const text = content.toString('utf8')
    if (ext === '.json') return readJsonArray(text)
    return ext === '.csv' ? readCsv(text) : readJsonLines(text)
  } catch (err) {
    if (err instanceof UnreadableFileError) throw err
    throw new UnreadableFileError(`无法读取文件（${ext}）：${(err as Error).message}`)
  }
}

export async function readRecords(file: string): Promise<RawRecord[]> {
  checkExtension(file)
  const content = await fs.readFile(file).catch(() => {
    throw new Error(`找不到导入文件：${file}`)
  })
  return readRecordsFrom(file, content)
}
