/** Report data for the reports API: orders of a period and filters, as the pure report functions take them. */
import type { Payload, Where } from 'payload'

import { entryVersion } from '../domain/knowledge/entryVersion'
import type { ReportOrder } from '../domain/workOrders/reports'
import type { WorkOrder } from '../payload-types'

export type ReportFilters = { from: Date; to: Date; unit?: string; type?: string; category?: string; district?: string }

const nameOf = (v: unknown, key: 'name' | 'path' | 'code') =>
  v && typeof v === 'object' ? ((v as Record<string, string>)[key] ?? null) : null

export async function reportOrders(payload: Payload, f: ReportFilters): Promise<ReportOrder[]> {
  const and: Where[] = [
    { createdAt: { greater_than_equal: f.from.toISOString() } },
    { createdAt: { less_than: f.to.toISOString() } },
  ]
  if (f.type) and.push({ type: { equals: f.type } })
  if (f.district) and.push({ district: { equals: f.district } })
  if (f.unit) and.push({ 'unit.code': { equals: f.unit } })
  if (f.category) and.push({ 'category.path': { like: f.category } })
  const { docs } = await payload.find({
    collection: 'work-orders',
    where: { and },
    pagination: false,
    depth: 1,
    overrideAccess: true,
  })
  return (docs as WorkOrder[]).map((o) => ({
    number: o.number,
    state: o.state ?? 'intake',
    resolution: o.resolution,
    type: o.type,
    unit: nameOf(o.unit, 'name'),
    category: nameOf(o.category, 'path'),
    district: o.district,
    address: o.address,
    dueAt: o.dueAt,
    extensions: o.extensions,
    reopens: o.reopens,
    lastSatisfaction: o.lastSatisfaction,
    explanationAccepted: o.explanationAccepted,
    createdAt: o.createdAt,
    timeline: ((o.timeline as { at: string; action: string }[] | null) ?? []).map((t) => ({
      at: t.at,
      action: t.action,
    })),
  }))
}

export async function supervisionCount(payload: Payload, f: ReportFilters): Promise<number> {
  const { totalDocs } = await payload.count({
    collection: 'supervision-items',
    where: {
      and: [
        { workOrder: { exists: true } },
        { createdAt: { greater_than_equal: f.from.toISOString() } },
        { createdAt: { less_than: f.to.toISOString() } },
      ],
    },
    overrideAccess: true,
  })
  return totalDocs
}

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
