/** What the public pages show, read through the same services as the public API. */
import { getPayload, type Where } from 'payload'

import config from '@payload-config'

import { now } from '../../domain/clock'
import { searchEngine } from '../../search/searchEngine'
import { browseCategory } from '../../services/categoryBrowse'
import { findEntry, searchKnowledge } from '../../services/knowledgeQueries'
import { noteSearchUse } from '../../services/searchLog'
import { lookupProgress } from '../../services/workOrderProgress'

export const sitePayload = () => getPayload({ config })

export const PER_PAGE = 10

export async function homeData() {
  const payload = await sitePayload()
  const publicNow: { and: Where[] } = {
    and: [{ _status: { equals: 'published' } }, { audience: { equals: 'public' } }],
  }
  const [categories, faqs, notices] = await Promise.all([
    payload.find({
      collection: 'categories',
      where: { parent: { exists: false } },
      sort: 'order',
      pagination: false,
      depth: 0,
      overrideAccess: true,
    }),
    payload.find({
      collection: 'knowledge-entries',
      where: { and: [...publicNow.and, { type: { equals: 'faq' } }] },
      sort: 'code',
      limit: 8,
      depth: 0,
      overrideAccess: true,
    }),
    payload.find({
      collection: 'knowledge-entries',
      where: {
        and: [
          ...publicNow.and,
          { type: { equals: 'notice' } },
          { or: [{ validUntil: { exists: false } }, { validUntil: { greater_than_equal: now().toISOString() } }] },
        ],
      },
      sort: '-updatedAt',
      limit: 5,
      depth: 0,
      overrideAccess: true,
    }),
  ])
  return {
    categories: categories.docs.map((c) => ({ name: c.name, code: c.code, path: c.path ?? c.name })),
    faqs: faqs.docs.map((e) => ({ code: e.code!, title: e.title })),
    notices: notices.docs.map((e) => ({ code: e.code!, title: e.title, validUntil: e.validUntil })),
  }
}

export async function searchData(q: string, category: string | undefined, page: number) {
  return searchKnowledge(
    searchEngine(),
    'public',
    { q, category: category ? [category] : undefined, page, perPage: PER_PAGE },
    now(),
  )
}

export async function categoryData(code: string, page: number) {
  return browseCategory(await sitePayload(), code, page, PER_PAGE, now())
}

export async function entryData(code: string) {
  return findEntry(await sitePayload(), 'public', code, now())
}

/** An entry opened from the search results (its link carries the query): the search's hit was used. */
export function noteEntryOpenedFromSearch(q: string | undefined) {
  if (q?.trim()) noteSearchUse('public', q.slice(0, 200), now())
}

export async function progressData(number: string, phoneLast4: string) {
  return lookupProgress(await sitePayload(), number, phoneLast4)
}
