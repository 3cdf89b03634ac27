import type { MetadataRoute } from 'next'

import { env } from '../../config/env'
import { sitePayload } from './siteData'

export const dynamic = 'force-dynamic'

/** Every public, published entry, so that search engines find the answers. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const payload = await sitePayload()
  const base = env().publicUrl
  const { docs } = await payload.find({
    collection: 'knowledge-entries',
    where: { and: [{ _status: { equals: 'published' } }, { audience: { equals: 'public' } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { code: true, updatedAt: true },
  })
  return [{ url: `${base}/` }, ...docs.map((d) => ({ url: `${base}/entries/${d.code}`, lastModified: d.updatedAt }))]
}
