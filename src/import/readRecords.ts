/** Reads an import file into raw exchange records, each with the line (or sheet row) it came from. */
import fs from 'node:fs/promises'
import path from 'node:path'

import { parse as parseCsv } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import { isCatalogueItem } from '../domain/exchange/catalogue'
import { rowToRecord } from '../domain/exchange/tabular'

export type RawRecord = { line: number; record?: unknown; error?: string }

/** Catalogue rows keep their own headers (事项名称 …); exchange rows are translated here. */
const tabularRecord = (row: Record<string, unknown>) => (isCatalogueItem(row) ? row : rowToRecord(row))

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
  if (!Array.isArray(data)) throw new Error('JSON 文件应为条目数组')
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
  return rows.map(({ record, info }) => ({ line: info.lines, record: tabularRecord(record) }))
}

async function readXlsx(file: string): Promise<RawRecord[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.readFile(file)
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const headers: string[] = []
  sheet.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.text).trim()))
  const records: RawRecord[] = []
  sheet.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return
    const values: Record<string, unknown> = {}
    row.eachCell((cell, col) => {
      if (headers[col]) values[headers[col]] = cell.value instanceof Date ? cell.value : cell.text
    })
    records.push({ line: rowNumber, record: tabularRecord(values) })
  })
  return records
}

export async function readRecords(file: string): Promise<RawRecord[]> {
  const ext = path.extname(file).toLowerCase()
  if (!SUPPORTED_EXTENSIONS.includes(ext)) {
    throw new Error(`不支持的文件类型 ${ext || '（无扩展名）'}，支持：${SUPPORTED_EXTENSIONS.join('、')}`)
  }
  await fs.access(file).catch(() => {
    throw new Error(`找不到导入文件：${file}`)
  })
  if (ext === '.xlsx') return readXlsx(file)
  const text = await fs.readFile(file, 'utf8')
  if (ext === '.json') return readJsonArray(text)
  return ext === '.csv' ? readCsv(text) : readJsonLines(text)
}
