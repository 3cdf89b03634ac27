/**
 * A MongoDB connection string with another database name. `new URL()` cannot parse the usual
 * multi-host form (mongodb://h1,h2,h3/db?replicaSet=rs0), so the database is replaced by hand:
 * scheme, optional credentials, hosts, then an optional /database and ?options.
 */
export function withDatabase(uri: string, database: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/)([^/?]*)(?:\/([^?]*))?(\?.*)?$/.exec(uri)
  if (!match) throw new Error(`not a MongoDB connection string: ${uri}`)
  const [, scheme, authorityAndHosts, , options = ''] = match
  return `${scheme}${authorityAndHosts}/${database}${options}`
}
