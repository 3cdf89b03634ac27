/** Fills an embedded database with the demo organisation, accounts and knowledge base. */
import { createLocalReq, type Payload } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { shanghaiDateString } from '../domain/shanghaiTime'
import { importEntries } from '../import/importEntries'
import { transitionEntry } from '../services/entryTransitions'
import { trainIntakeModel } from '../services/intakeSuggestions'
import { demoEntryRecords } from './demo'
import { DEMO_CATALOG, DEMO_PASSWORD, DEMO_UNITS, DEMO_USERS } from './demo/organisation'
import { DEMO_SYNONYMS } from './demo/synonyms'
import { seedDemoWorkOrders } from './demo/workOrders'
import { seedSearchLexicon } from './searchLexicon'
import { seedSlaRules } from './slaRules'
import { seedWorkCalendar } from './workCalendar'

const COLLECTIONS_TO_RESET = [
  'personal-data-log',
  'work-orders',
  'notifications',
  'error-reports',
  'supervision-items',
  'audit-log',
  'search-pins',
  'question-candidates',
  'knowledge-entries',
  'search-synonyms',
  'search-words',
  'users',
  'categories',
  'units',
  'work-calendar',
  'sla-rules',
  'media',
] as const

export class SeedRefused extends Error {}

export async function isDatabaseEmpty(payload: Payload): Promise<boolean> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  return totalDocs === 0
}

export async function seedDemo(payload: Payload, options: { reset: boolean }): Promise<string> {
  if (env().isProduction) throw new SeedRefused('生产环境（NODE_ENV=production）禁止写入演示数据')
  if (options.reset) {
    for (const collection of COLLECTIONS_TO_RESET) {
      const { errors } = await payload.delete({ collection, where: { id: { exists: true } }, overrideAccess: true })
      // Payload's bulk delete reports failures instead of throwing: a reset must not half-happen.
      if (errors.length) throw new Error(`演示数据重置失败（${collection}）：${errors[0]!.message}`)
    }
  }

  const unitIds = new Map<string, number | string>()
  for (const u of DEMO_UNITS) {
    const unit = await payload.create({
      collection: 'units',
      overrideAccess: true,
      data: {
        name: u.name,
        code: u.code,
        kind: u.kind as never,
        district: u.district,
        parent: u.parent ? (unitIds.get(u.parent) as number) : undefined,
        liaison: { name: u.liaison[0], phone: u.liaison[1] },
        active: true,
      },
    })
    unitIds.set(u.name, unit.id)
  }

  let order = 0
  for (const [top, children] of DEMO_CATALOG) {
    const parent = await payload.create({
      collection: 'categories',
      overrideAccess: true,
      data: { name: top, code: `C${String(++order).padStart(2, '0')}`, order },
    })
    for (const [i, name] of children.entries()) {
      await payload.create({
        collection: 'categories',
        overrideAccess: true,
        data: { name, code: `${parent.code}${String(i + 1).padStart(2, '0')}`, parent: parent.id, order: i + 1 },
      })
    }
  }

  for (const u of DEMO_USERS) {
    await payload.create({
      collection: 'users',
      overrideAccess: true,
      data: {
        email: u.email,
        password: DEMO_PASSWORD,
        name: u.name,
        roles: u.roles as never,
        unit: u.unit ? (unitIds.get(u.unit) as number) : undefined,
      },
    })
  }

  await seedSearchLexicon(payload)
  await seedWorkCalendar(payload)
  await seedSlaRules(payload)
  for (const rule of DEMO_SYNONYMS) {
    await payload.create({ collection: 'search-synonyms', overrideAccess: true, data: { ...rule, active: true } })
  }

  const report = await importEntries(payload, demoEntryRecords(now()), { publish: true })
  if (report.failed) {
    throw new Error(`演示知识条目写入失败：${report.errors.map((e) => `#${e.line} ${e.message}`).join('；')}`)
  }
  await expirePastEntries(payload)
  const orders = await seedDemoWorkOrders(payload)
  // The intake model learns from the demo's closed orders, so the console suggests categories from the start.
  await trainIntakeModel(payload)
  return `${DEMO_UNITS.length} 个承办单位，${DEMO_USERS.length} 个账号，${report.created} 条知识条目（${report.warnings.length} 条已过期存为草稿），${orders} 张工单`
}

/**
 * Entries past their validUntil were published once and then taken down by the daily round: they
 * are stored expired, so the public site answers them 410 with their successor, as it will in use.
 */
async function expirePastEntries(payload: Payload) {
  const { docs } = await payload.find({
    collection: 'knowledge-entries',
    where: { and: [{ _status: { equals: 'draft' } }, { validUntil: { less_than: now().toISOString() } }] },
    draft: true,
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  const req = await createLocalReq({}, payload)
  for (const entry of docs) {
    await transitionEntry(
      payload,
      {
        id: entry.id,
        action: 'expire',
        actor: 'system',
        comment: `有效期至 ${shanghaiDateString(new Date(entry.validUntil!))}，已自动下线`,
      },
      req,
    )
  }
}
