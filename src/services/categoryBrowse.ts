/**
 * The public site's 按分类浏览: the public, current entries of one category and its subcategories,
 * a page at a time, in the catalogue's order (type, then title).
 */
import type { Payload, Where } from 'payload'

import { endOfValidityDay, startOfShanghaiDay } from '../domain/shanghaiTime'
import { ServiceError } from './errors'

export async function browseCategory(payload: Payload, code: string, page: number, perPage: number, at: Date) {
  const found = await payload.find({
    collection: 'categories',
    where: { code: { equals: code } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  const category = found.docs[0]
  if (!category) throw new ServiceError(404, `没有这个分类：${code}`)
  const children = await payload.find({
    collection: 'categories',
    where: { parent: { equals: category.id } },
    sort: 'order',
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  // Same rule as the public search: in force from validFrom's day, through the whole validUntil day.
  const where: Where = {
    and: [
      { _status: { equals: 'published' } },
      { audience: { equals: 'public' } },
      { type: { not_equals: 'script' } },
      { workflowState: { not_equals: 'expired' } },
      { category: { in: [category.id, ...children.docs.map((c) => c.id)] } },
      {
        or: [
          { validUntil: { exists: false } },
          { validUntil: { greater_than_equal: startOfShanghaiDay(at).toISOString() } },
        ],
      },
      { or: [{ validFrom: { exists: false } }, { validFrom: { less_than: endOfValidityDay(at).toISOString() } }] },
    ],
  }
  const entries = await payload.find({
    collection: 'knowledge-entries',
    where,
    sort: ['type', 'title'],
    page,
    limit: perPage,
    depth: 1,
    overrideAccess: true,
    select: { code: true, title: true, type: true, summary: true, unit: true, category: true },
  })
  const categoryPath = (v: unknown) =>
    typeof v === 'object' && v ? ((v as { path?: string | null }).path ?? (v as { name?: string }).name ?? '') : ''
  return {
    name: category.name,
    path: category.path ?? category.name,
    subcategories: children.docs.map((c) => ({ code: c.code, name: c.name })),
    found: entries.totalDocs,
    pages: entries.totalPages,
    page: entries.page ?? page,
    entries: entries.docs.map((e) => ({
      code: e.code!,
      title: e.title,
      type: e.type,
      summary: e.summary ?? '',
      unit: typeof e.unit === 'object' && e.unit ? e.unit.name : '',
      category: categoryPath(e.category),
    })),
  }
}
