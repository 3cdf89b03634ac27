import { mongoTransactionProblem } from '../../src/config/mongoTransactions'

describe('MongoDB without transactions', () => {
  it('refuses a standalone server in production, naming the fix', () => {
    expect(mongoTransactionProblem({}, true)).toMatch(/standalone.*replica set.*replicaSet=rs0/s)
    expect(mongoTransactionProblem({ msg: 'something else' }, true)).toBeDefined()
  })
  it('accepts a replica set member or mongos in production', () => {
    expect(mongoTransactionProblem({ setName: 'rs0' }, true)).toBeUndefined()
    expect(mongoTransactionProblem({ msg: 'isdbgrid' }, true)).toBeUndefined()
  })
  it('lets development and tests use a standalone server', () => {
    expect(mongoTransactionProblem({}, false)).toBeUndefined()
  })
})
