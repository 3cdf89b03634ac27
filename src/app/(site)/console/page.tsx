import type { Metadata } from 'next'
import { headers } from 'next/headers'

import { type AccessUser, hasRole } from '../../../domain/roles'
import { AgentConsole } from '../../../site/AgentConsole'
import { sitePayload } from '../siteData'
import '../desk/desk.css'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: '坐席工作台', robots: { index: false } }

/** The agent console: one screen for a live call. Agents sign in through the admin login. */
export default async function ConsolePage() {
  const payload = await sitePayload()
  const { user } = await payload.auth({ headers: await headers() })
  if (!user || !hasRole(user as AccessUser, 'agent', 'dispatcher', 'supervisor', 'kb-admin', 'admin')) {
    return (
      <>
        <h1>坐席工作台</h1>
        <p>
          请先 <a href="/admin/login?redirect=%2Fconsole">登录</a>（话务员、派单员账号）。
        </p>
      </>
    )
  }
  const { docs } = await payload.find({
    collection: 'categories',
    sort: 'path',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { code: true, path: true },
  })
  const categories = docs.map((c) => ({ id: String(c.id), code: c.code, path: c.path ?? c.code }))
  return <AgentConsole agentName={(user as { name?: string }).name ?? user.email} categories={categories} />
}
