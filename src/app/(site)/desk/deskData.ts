/** What the desk pages read: the signed-in user (as the console does) and the lists their forms offer. */
import { headers } from 'next/headers'

import { type AccessUser, actingUnitId } from '../../../domain/roles'
import { sitePayload } from '../siteData'

export type DeskUser = AccessUser & { name?: string | null; email?: string }

export async function deskUser(): Promise<DeskUser | null> {
  const payload = await sitePayload()
  const { user } = await payload.auth({ headers: await headers() })
  return (user as DeskUser | null) ?? null
}

/** Active units for the dispatch selects; a unit's own child units for 二级派发. */
export async function unitOptions(user: AccessUser) {
  const payload = await sitePayload()
  const { docs } = await payload.find({
    collection: 'units',
    where: { active: { not_equals: false } },
    sort: 'code',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { code: true, name: true, parent: true },
  })
  const own = actingUnitId(user)
  const all = docs.map((u) => ({ code: u.code, name: u.name, parent: u.parent ?? null }))
  return {
    units: all.map(({ code, name }) => ({ code, name })),
    childUnits:
      own === undefined
        ? []
        : all.filter((u) => String(u.parent) === String(own)).map(({ code, name }) => ({ code, name })),
  }
}

export const loginHref = (path: string) => `/admin/login?redirect=${encodeURIComponent(path)}`
