/**
 * MongoDB runs multi-document transactions only on a replica set member or through mongos; a standalone
 * server silently loses "entry and audit record in one transaction". Production refuses to start on one.
 */

/** The fields of MongoDB's `hello` answer that say whether transactions are available. */
export type MongoHello = { setName?: string; msg?: string }

/** Undefined when the deployment may start, otherwise the message to stop it with. */
export function mongoTransactionProblem(hello: MongoHello, isProduction: boolean): string | undefined {
  const transactional = Boolean(hello.setName) || hello.msg === 'isdbgrid'
  if (transactional || !isProduction) return undefined
  return (
    'MongoDB at DATABASE_URI is a standalone server and cannot run transactions; hotline-kb needs them ' +
    '(an entry and its audit record are written together). Use a replica set (a single-member one is ' +
    'enough: start mongod with --replSet rs0 and run rs.initiate()) or a sharded cluster, then add ' +
    '?replicaSet=rs0 to DATABASE_URI.'
  )
}
