/**
 * A text cell safe to open in Excel or LibreOffice: text starting with = + - @, a tab or a carriage
 * return would be read as a formula (CSV/formula injection), so it gets a leading apostrophe.
 * Numbers pass as they are.
 */
export function spreadsheetCell<T>(value: T): T | string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}
