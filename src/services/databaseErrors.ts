/**
 * A database's refusal of a write, as a person may be told it and as the server log may keep it.
 *
 * The drivers' messages are not fit for either: drizzle's quotes the whole statement and its
 * parameters (the document's values, personal data included), MongoDB's quotes the duplicate key.
 * A person gets a reason only for the refusals that have a meaning for them (a duplicate, a missing
 * value, a busy database); the log gets the error's kind, the driver's code, SQLite's own message
 * (it names the constraint and columns, never values) and the statement without its parameters.
 */

type ErrorLike = { name?: unknown; code?: unknown; message?: unknown; query?: unknown; cause?: unknown }

const asObject = (value: unknown): ErrorLike | undefined =>
  value && typeof value === 'object' ? (value as ErrorLike) : undefined

/** The driver's own error: drizzle wraps it as `cause`. */
const driverError = (err: unknown): ErrorLike | undefined => {
  const outer = asObject(err)
  return asObject(outer?.cause) ?? outer
}

const codeOf = (err: ErrorLike | undefined) =>
  typeof err?.code === 'string' || typeof err?.code === 'number' ? String(err.code) : undefined

/** The columns SQLite names in a constraint's message ("UNIQUE constraint failed: table.column"). */
const failedColumn = (message: unknown) =>
  typeof message === 'string' ? /constraint failed: [^.\s]+\.(\w+)/.exec(message)?.[1] : undefined

/** Why the database refused, in Chinese, when it is a refusal a person can act on; otherwise undefined. */
export function databaseRefusalReason(err: unknown): string | undefined {
  const driver = driverError(err)
  const code = codeOf(driver) ?? ''
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '11000')
    return failedColumn(driver?.message) === 'code' ? '编码已存在' : '与已有数据重复'
  if (code === 'SQLITE_CONSTRAINT_NOTNULL') return '缺少必填内容'
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return '引用的数据不存在'
  if (code === 'SQLITE_CONSTRAINT_CHECK') return '内容不符合数据约束'
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return '数据库繁忙，请稍后重试'
  if (code === 'SQLITE_FULL') return '存储空间已满'
  return undefined
}

/** What the server log keeps of a failed write: no parameter, no value of the document. */
export function databaseErrorForLog(err: unknown): Record<string, string> {
  const outer = asObject(err)
  const driver = driverError(err)
  // The class (DrizzleQueryError, LibsqlError, MongoServerError …), or what was thrown if not an object.
  const name = (e: ErrorLike | undefined) => e?.constructor?.name ?? typeof err
  const out: Record<string, string> = { error: name(outer) }
  if (driver !== outer) out.cause = name(driver)
  const code = codeOf(driver)
  if (code) out.code = code
  if (code?.startsWith('SQLITE_') && typeof driver?.message === 'string') out.message = driver.message.slice(0, 300)
  if (typeof outer?.query === 'string') out.statement = outer.query.slice(0, 300)
  return out
}
