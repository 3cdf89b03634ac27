import type { Metadata } from 'next'

import { QueuePage } from '../QueuePage'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: '承办收件箱' }

/** 单位承办人: the unit's orders by state and deadline; due today and overdue highlighted. */
export default async function UnitInbox({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  return <QueuePage desk="unit" title="承办收件箱" path="/desk/unit" search={await searchParams} />
}
