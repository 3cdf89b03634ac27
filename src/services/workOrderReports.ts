/**
 * Report data for the reports API, the admin view and the monthly report: counters aggregated in the
 * database (src/services/reportStore.ts), named and folded into figures by the pure report functions.
 */
import type { Payload, Where } from 'payload'

import { entryVersion } from '../domain/knowledge/entryVersion'
import { type Interval, type ReportGroup, summaryOf, trendOf, unitRankingOf } from '../domain/workOrders/reports'
import { ServiceError } from './errors'
import { reportStore, type ReportScope } from './reportStore'
import { loadCalendar } from './supervision'

export type ReportFilters = {
  from: Date
  to: Date
  /** A unit's code or name; `unitId` (a unit user's own unit) wins over it. */
  unit?: string
  unitId?: string | number
  type?: string
  category?: string
  district?: string
}

/** The unit (code or name) and the category (path, children included) of the filters as database ids. */
export async function reportScope(payload: Payload, f: ReportFilters): Promise<ReportScope> {
  const scope: ReportScope = { from: f.from, to: f.to, type: f.type, district: f.district }
  if (f.unitId !== undefined) scope.units = [f.unitId]
  else if (f.unit) {
    const { docs } = await payload.find({
      collection: 'units',
      where: { or: [{ code: { equals: f.unit } }, { name: { equals: f.unit } }] },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    if (!docs[0]) throw new ServiceError(400, `没有这个承办单位：${f.unit}`)
    scope.units = [docs[0].id]
  }
  if (f.category) {
    const path = f.category
    const { docs } = await payload.find({
      collection: 'categories',
      where: { path: { like: path } },
      depth: 0,
      pagination: false,
      overrideAccess: true,
    })
    const ids = docs.filter((c) => c.path === path || c.path?.startsWith(`${path}/`)).map((c) => c.id)
    if (!ids.length) throw new ServiceError(400, `没有这个诉求分类：${path}`)
    scope.categories = ids
  }
  return scope
}

async function names(payload: Payload, collection: 'units' | 'categories', ids: Iterable<string | null>) {
  const wanted = [...new Set(ids)].filter((id): id is string => id !== null)
  if (!wanted.length) return new Map<string, string>()
  const { docs } = await payload.find({
    collection,
    where: { id: { in: wanted } },
    depth: 0,
    pagination: false,
    overrideAccess: true,
  })
  return new Map(docs.map((d) => [String(d.id), ('path' in d ? d.path : d.name) ?? String(d.id)]))
}

/** Groups with unit names and category paths instead of ids. */
async function named(payload: Payload, groups: ReportGroup[]): Promise<ReportGroup[]> {
  const of = (slice: 'unit' | 'category') => groups.filter((g) => g.slice === slice).map((g) => g.value)
  const [units, categories] = await Promise.all([
    names(payload, 'units', of('unit')),
    names(payload, 'categories', of('category')),
  ])
  const byId = { unit: units, category: categories } as Partial<Record<ReportGroup['slice'], Map<string, string>>>
  return groups.map((g) => {
    const known = byId[g.slice]
    return known && g.value !== null ? { ...g, value: known.get(g.value) ?? g.value } : g
  })
}

/** The period's figures, breakdowns and unit ranking. */
export async function reportSummary(payload: Payload, f: ReportFilters, now: Date) {
  const scope = await reportScope(payload, f)
  const store = reportStore(payload)
  const [groups, handling, addresses, supervision, calendar] = await Promise.all([
    store.groups(scope, now),
    store.handling(scope),
    store.addresses(scope, 5),
    supervisionCount(payload, scope),
    loadCalendar(payload),
  ])
  const [namedGroups, unitNames] = await Promise.all([
    named(payload, groups),
    names(
      payload,
      'units',
      handling.map((h) => h.unit),
    ),
  ])
  const namedHandling = handling.map((h) => ({
    ...h,
    unit: h.unit === null ? null : (unitNames.get(h.unit) ?? h.unit),
  }))
  const input = { groups: namedGroups, handling: namedHandling, addresses, supervision, calendar }
  return { summary: summaryOf(input), ranking: unitRankingOf(namedGroups, namedHandling, calendar) }
}

export async function reportTrend(payload: Payload, f: ReportFilters, interval: Interval) {
  return trendOf(await reportStore(payload).days(await reportScope(payload, f)), interval)
}

/** Open orders due today or overdue, as the hourly round marked them, the earliest deadline first. */
export async function deadlineOrders(payload: Payload, limit = 50) {
  const { docs } = await payload.find({
    collection: 'work-orders',
    where: {
      deadlineStatus: { in: ['due_today', 'overdue'] },
      state: { not_in: ['closed', 'replied', 'called_back'] },
    },
    sort: 'dueAt',
    limit,
    // The first few only: no count of all due orders; only what the list shows, its unit's name.
    pagination: false,
    select: { number: true, title: true, deadlineStatus: true, dueAt: true, unit: true },
    populate: { units: { name: true } },
    depth: 1,
    overrideAccess: true,
  })
  return docs
}

/** Everything the admin's 工单报表 shows: the last 30 days' figures and days, and the deadline list. */
export async function adminReportData(payload: Payload, at: Date) {
  const f = { from: new Date(at.getTime() - 30 * 86_400_000), to: at }
  const [{ summary, ranking }, days, deadlines] = await Promise.all([
    reportSummary(payload, f, at),
    reportTrend(payload, f, 'day'),
    deadlineOrders(payload),
  ])
  return { summary, ranking, days, deadlines }
}

/** Supervision items opened on work orders in the period (of the scope's units, when it has some). */
export async function supervisionCount(payload: Payload, scope: ReportScope): Promise<number> {
  const and: Where[] = [
    { workOrder: { exists: true } },
    { createdAt: { greater_than_equal: scope.from.toISOString() } },
    { createdAt: { less_than: scope.to.toISOString() } },
  ]
  if (scope.units) and.push({ unit: { in: scope.units } })
  const { totalDocs } = await payload.count({ collection: 'supervision-items', where: { and }, overrideAccess: true })
  return totalDocs
}

const nameOf = (v: unknown, key: 'name' | 'path') =>
  v && typeof v === 'object' ? ((v as Record<string, string>)[key] ?? null) : null

/** Knowledge gaps still open, grouped by category, the most asked first. */
export async function knowledgeGaps(payload: Payload) {
  const { docs } = await payload.find({
    collection: 'knowledge-gaps',
    where: { status: { equals: 'open' } },
    pagination: false,
    depth: 1,
    overrideAccess: true,
  })
  const groups = new Map<
    string,
    { category: string; count: number; questions: { question: string; orderNumber?: string | null }[] }
  >()
  for (const g of docs) {
    const category = nameOf(g.category, 'path') ?? '未分类'
    const group = groups.get(category) ?? { category, count: 0, questions: [] }
    group.count++
    if (group.questions.length < 10) group.questions.push({ question: g.question, orderNumber: g.orderNumber })
    groups.set(category, group)
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || a.category.localeCompare(b.category))
}

/**
 * Answer provenance: orders answered directly with a version of the entry other than the one now
 * published — after a correction, the hotline can call these claimants back.
 */
export async function answeredWithOtherVersions(payload: Payload, code: string) {
  const { docs: entries } = await payload.find({
    collection: 'knowledge-entries',
    where: { code: { equals: code } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const current = entries[0]
  if (!current) return undefined
  const { docs } = await payload.find({
    collection: 'work-orders',
    where: { and: [{ resolution: { equals: 'answered' } }, { 'citedEntries.code': { equals: code } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    sort: 'createdAt',
  })
  const orders = docs.flatMap((o) => {
    const cited = (o.citedEntries ?? []).find((c) => c.code === code)
    if (!cited || cited.version === entryVersion(current)) return []
    return [
      {
        number: o.number,
        answeredAt: o.createdAt,
        citedVersion: cited.version,
        claimant: { name: o.claimant?.nameMasked ?? null, phone: o.claimant?.phoneMasked ?? null },
      },
    ]
  })
  return { code, currentVersion: entryVersion(current), orders }
}
