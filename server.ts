/**
 * hotline-kb in one process: Express serves our /api/v1 routers and Payload's REST API, and hosts
 * Next for the admin. `npm start` builds when needed, applies migrations, seeds an empty embedded
 * database with demo data, then listens.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import next from 'next'

import { ConfigError, env } from './src/config/env'
import { sqliteFile } from './src/config/serializedSqlite'
import { startOutboxRunner } from './src/jobs/outboxRunner'
import { startSearchFollower } from './src/jobs/searchFollower'
import { startSearchLogWriter } from './src/jobs/searchLogWriter'
import { logger } from './src/log'
import { searchEngine } from './src/search/searchEngine'
import { DEMO_PASSWORD, DEMO_USERS } from './src/seed/demo/organisation'
import { seedSearchLexicon } from './src/seed/searchLexicon'
import { isDatabaseEmpty, seedDemo } from './src/seed/seedDemo'
import { seedSlaRules } from './src/seed/slaRules'
import { seedWorkCalendar } from './src/seed/workCalendar'
import { bootPayload } from './src/server/bootPayload'
import { createApp } from './src/server/createApp'
import { buildIsCurrent, runProductionBuild } from './src/server/productionBuild'
import { buildUnitSuggestionsAtStart } from './src/services/intakeSuggestions'
import { claimServerLock } from './src/services/serverLock'

const root = path.dirname(fileURLToPath(import.meta.url))

async function main(): Promise<void> {
  const e = env()
  const dev = e.nodeEnv === 'development'
  // Next's build and its server bundle evaluate payload.config.ts on their own: hand them the
  // secret and database this process resolved, so that all of them agree.
  process.env.PAYLOAD_SECRET ??= e.payloadSecret
  process.env.DATABASE_URI ??= e.databaseUri
  process.env.PERSONAL_DATA_KEY ??= e.personalDataKey.toString('hex')

  if (!dev) {
    if (buildIsCurrent(root)) logger.info('production build is current')
    else {
      logger.info('building the admin (next build); this takes about a minute the first time')
      runProductionBuild(root)
    }
    // Like `next start`: the production build runs with NODE_ENV=production.
    Object.assign(process.env, { NODE_ENV: 'production' })
  }

  const payload = await bootPayload({ cron: true })
  const embeddedDemo = e.databaseKind === 'sqlite' && !e.isProduction
  if (embeddedDemo && (await isDatabaseEmpty(payload))) {
    logger.info('empty embedded database: seeding demo data')
    logger.info(await seedDemo(payload, { reset: false }))
  }

  const lexicon = await seedSearchLexicon(payload)
  if (lexicon) logger.info(`fresh database: ${lexicon} general lexicon terms seeded`)
  const calendarDays = await seedWorkCalendar(payload)
  if (calendarDays) logger.info(`fresh database: ${calendarDays} official holidays and make-up workdays seeded`)
  if (await seedSlaRules(payload)) logger.info('fresh database: default time-limit rules seeded')
  // Settings and index (each app server follows the database's search changes from here on), built
  // in the background so that the server answers at once (health: `search.index: building`); an
  // unreachable engine does not stop the start: health reports it and the follower retries.
  const follower = await startSearchFollower(payload, {
    background: true,
    onStartup: (s) =>
      logger.info(
        `search (${searchEngine().name}): ${s.words} words, ${s.synonyms} synonym rules, ${s.pins} pins, ${s.indexed} entries indexed`,
      ),
  })
  const stopOutbox = startOutboxRunner(payload)
  const stopSearchLog = startSearchLogWriter(payload)
  // Not awaited: the server answers while it is built.
  void buildUnitSuggestionsAtStart(payload)

  const nextApp = next({ dev, dir: root })
  await nextApp.prepare()
  const handle = nextApp.getRequestHandler()
  const app = createApp(payload, e, (req, res) => handle(req, res))
  const server = app.listen(e.port, e.host, () => {
    const base = e.publicUrl
    const lines = [
      `hotline-kb is listening on ${base}`,
      `  公众网站 site:    ${base}/`,
      `  坐席工作台 console: ${base}/console`,
      `  管理后台 admin:   ${base}/admin`,
      `  MCP:              ${base}/api/mcp`,
      `  REST API:         ${base}/api`,
      `  健康检查 health:  ${base}/api/v1/health`,
      `  坐席检索 agent:   ${base}/api/v1/agent/search?q=身份证丢了`,
      `  公众检索 public:  ${base}/api/v1/public/search?q=身份证丢了`,
    ]
    if (embeddedDemo) {
      lines.push(`  演示账号 demo accounts (password ${DEMO_PASSWORD}):`)
      for (const u of DEMO_USERS) lines.push(`    ${u.email.padEnd(30)} ${u.roles.join(',')}  ${u.name}`)
    }
    console.log(lines.join('\n'))
  })
  if (dev) server.on('upgrade', nextApp.getUpgradeHandler())

  // Tells `kb restore` that this database is in use (see src/services/serverLock.ts).
  const releaseLock = e.databaseKind === 'sqlite' ? claimServerLock(sqliteFile(e.databaseUri)) : () => {}
  process.on('exit', releaseLock)

  const stop = () => {
    stopOutbox()
    follower.stop()
    server.close(() => void stopSearchLog().finally(() => payload.destroy().finally(() => process.exit(0))))
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

main().catch((err) => {
  if (err instanceof ConfigError) console.error(err.message)
  else logger.fatal({ err }, 'hotline-kb failed to start')
  process.exit(1)
})
