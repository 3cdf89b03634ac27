import { databaseErrorForLog, databaseRefusalReason } from '../../src/services/databaseErrors'

/** A driver's error as drizzle wraps it: the statement and its parameters in the message. */
class DrizzleQueryError extends Error {
  constructor(
    readonly query: string,
    readonly params: unknown[],
    readonly cause: unknown,
  ) {
    super(`Failed query: ${query}\nparams: ${params.join(',')}`)
  }
}
const driver = (code: string, message: string) => Object.assign(new Error(message), { code })
const wrapped = (code: string, message: string) =>
  new DrizzleQueryError(
    'insert into "units" ("name", "phone") values (?, ?)',
    ['张三', '13812345678'],
    driver(code, message),
  )

describe('databaseRefusalReason', () => {
  it('names the refusals a person can act on', () => {
    expect(
      databaseRefusalReason(wrapped('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: knowledge_entries.code')),
    ).toBe('编码已存在')
    expect(databaseRefusalReason(wrapped('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: units.name'))).toBe(
      '与已有数据重复',
    )
    expect(
      databaseRefusalReason(
        Object.assign(new Error('E11000 duplicate key … dup key: { code: "KB-1" }'), { code: 11000 }),
      ),
    ).toBe('与已有数据重复')
    expect(databaseRefusalReason(wrapped('SQLITE_CONSTRAINT_NOTNULL', 'NOT NULL constraint failed: units.name'))).toBe(
      '缺少必填内容',
    )
    expect(databaseRefusalReason(wrapped('SQLITE_CONSTRAINT_FOREIGNKEY', 'FOREIGN KEY constraint failed'))).toBe(
      '引用的数据不存在',
    )
    expect(databaseRefusalReason(driver('SQLITE_BUSY', 'database is locked'))).toBe('数据库繁忙，请稍后重试')
  })

  it('gives none for other failures', () => {
    expect(databaseRefusalReason(wrapped('SQLITE_CONSTRAINT_TRIGGER', 'refused'))).toBeUndefined()
    expect(databaseRefusalReason(new Error('connection closed'))).toBeUndefined()
    expect(databaseRefusalReason('text')).toBeUndefined()
  })
})

describe('databaseErrorForLog', () => {
  it('keeps the kind, the code, SQLite’s message and the statement, never the parameters', () => {
    const logged = databaseErrorForLog(wrapped('SQLITE_CONSTRAINT_NOTNULL', 'NOT NULL constraint failed: units.name'))
    expect(logged).toEqual({
      error: 'DrizzleQueryError',
      cause: 'Error',
      code: 'SQLITE_CONSTRAINT_NOTNULL',
      message: 'NOT NULL constraint failed: units.name',
      statement: 'insert into "units" ("name", "phone") values (?, ?)',
    })
    expect(JSON.stringify(logged)).not.toMatch(/张三|13812345678/)
  })

  it('leaves out the message of other drivers, which quote values', () => {
    const mongo = Object.assign(new Error('E11000 duplicate key error dup key: { phone: "13812345678" }'), {
      code: 11000,
    })
    expect(databaseErrorForLog(mongo)).toEqual({ error: 'Error', code: '11000' })
  })
})
