/**
 * Text cells that a spreadsheet would read as a formula (`=HYPERLINK(…)` in a claimant's address)
 * get a leading apostrophe, as OWASP advises against CSV/formula injection: the cell shows the text
 * and never runs it. Numbers stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/

export const spreadsheetSafe = (value: unknown): unknown =>
  typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value

export const spreadsheetSafeRow = (row: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(row).map(([key, value]) => [key, spreadsheetSafe(value)]))
