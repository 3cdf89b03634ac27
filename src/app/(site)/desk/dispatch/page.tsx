import type { Metadata } from 'next'

import { QueuePage } from '../QueuePage'

export const dynamic = 'force-dynamic'
export const metadata: Metadata = { title: '派单台' }

/** 派单员: orders waiting for dispatch, return and extension reviews, callbacks, explanations. */
export default async function DispatchDesk({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>
}) {
  return <QueuePage desk="dispatch" title="派单台" path="/desk/dispatch" search={await searchParams} />
}
