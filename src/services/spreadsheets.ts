/** Report tables as CSV (one table after another) or XLSX (one sheet per table), formula-safe. */
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'

import { spreadsheetCell } from '../domain/exchange/spreadsheetCell'
import { cellKind, percentText, type Table } from '../domain/workOrders/reportTables'

/** UTF-8 with a byte-order mark, so that Excel reads the Chinese correctly. */
export function tablesToCsv(tables: readonly Table[]): string {
  const parts = tables.map((t) => {
    const rows = t.rows.map((row) =>
      t.columns.map((c) => {
        const v = row[c.key]
        if (cellKind(c, row) === 'percent') return percentText(v as number | null)
        return spreadsheetCell(v ?? '')
      }),
    )
    return stringify([[t.name], t.columns.map((c) => c.header), ...rows])
  })
  return `\uFEFF${parts.join('\n')}`
}

export async function tablesToXlsx(tables: readonly Table[], title?: string): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  book.creator = '12345热线知识库'
  if (title) book.title = title
  for (const t of tables) {
    const sheet = book.addWorksheet(t.name)
    sheet.columns = t.columns.map((c) => ({ header: c.header, key: c.key, width: c.width ?? 14 }))
    sheet.getRow(1).font = { bold: true }
    for (const row of t.rows) {
      const added = sheet.addRow(
        Object.fromEntries(
          t.columns.map((c) => {
            const v = row[c.key]
            return [c.key, typeof v === 'string' ? spreadsheetCell(v) : (v ?? null)]
          }),
        ),
      )
      t.columns.forEach((c, i) => {
        if (cellKind(c, row) === 'percent') added.getCell(i + 1).numFmt = '0.0%'
      })
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer())
}
