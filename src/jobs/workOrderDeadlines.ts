/**
 * The work-order round (scheduled hourly, idempotent): marks open orders due today and overdue, and
 * opens supervision against units for overdue orders, refused dispatches (a return request that was
 * turned down) and the same problem reported again and again.
 */
import type { Payload, TaskConfig } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { relationId } from '../domain/roles'
import { shanghaiDateString } from '../domain/shanghaiTime'
import { deadlineStatus, openStates, repeatedProblems } from '../domain/workOrders/deadlineStatus'
import { mergeBatches, type Notice, type Recipient, sendDigests } from '../services/notify'
import { openSupervision, orderSubject } from '../services/supervision'
import { clockPausesWhileAwaitingInfo } from '../services/workOrders'
import { MAINTENANCE_QUEUE } from './knowledgeMaintenance'

export type DeadlineReport = { dueToday: string[]; overdue: string[]; supervisionOpened: string[]; emails: number }

export async function runOrderDeadlines(payload: Payload): Promise<DeadlineReport> {
  const at = now()
  const report: DeadlineReport = { dueToday: [], overdue: [], supervisionOpened: [], emails: 0 }
  const batches = new Map<Recipient, Notice[]>()
  const supervise = async (...args: Parameters<typeof openSupervision>) => {
    const opened = await openSupervision(...args)
    if (opened) mergeBatches(batches, opened.notices)
    return opened
  }

  const open = await payload.find({
    collection: 'work-orders',
    where: {
      and: [{ state: { in: openStates(await clockPausesWhileAwaitingInfo(payload)) } }, { dueAt: { exists: true } }],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const order of open.docs) {
    const status = deadlineStatus(new Date(order.dueAt!), at)
    if (status !== order.deadlineStatus)
      await payload.update({
        collection: 'work-orders',
        id: order.id,
        data: { deadlineStatus: status },
        overrideAccess: true,
      })
    if (status === 'due_today') report.dueToday.push(order.number)
    if (status === 'overdue') {
      report.overdue.push(order.number)
      if (
        await supervise(payload, {
          subject: orderSubject(order),
          reason: 'order_overdue',
          description: `办理期限 ${shanghaiDateString(new Date(order.dueAt!))} 已过`,
        })
      )
        report.supervisionOpened.push(order.number)
    }
  }

  const refused = await payload.find({
    collection: 'work-orders',
    where: { returnRejected: { equals: true } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const order of refused.docs) {
    if (
      await supervise(payload, {
        subject: orderSubject(order),
        reason: 'order_refused',
        description: '退回申请经审核不成立，须继续承办',
      })
    )
      report.supervisionOpened.push(order.number)
  }

  const { days, orders: min } = env().repeatedProblem
  const since = new Date(at.getTime() - days * 86_400_000).toISOString()
  const recent = await payload.find({
    collection: 'work-orders',
    where: { and: [{ createdAt: { greater_than_equal: since } }, { unit: { exists: true } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const group of repeatedProblems(
    recent.docs.map((o) => ({ ...o, category: relationId(o.category) })),
    at,
    days,
    min,
  )) {
    const latest = group.orders.reduce((a, b) => (a.createdAt > b.createdAt ? a : b))
    const subject = orderSubject(latest, `repeat:${group.key}`)
    const description = `${days} 天内同一地点同类诉求 ${group.orders.length} 件：${group.orders.map((o) => o.number).join('、')}`
    if (await supervise(payload, { subject, reason: 'repeated_problem', description }))
      report.supervisionOpened.push(latest.number)
  }

  report.emails = await sendDigests(payload, batches, `12345 工单督办提醒 ${shanghaiDateString(at)}`)
  return report
}

export const WorkOrderDeadlinesTask: TaskConfig<{ input: Record<string, never>; output: { summary: string } }> = {
  slug: 'workOrderDeadlines',
  label: '工单时限与督办巡检',
  inputSchema: [],
  outputSchema: [{ name: 'summary', type: 'text' }],
  schedule: [{ cron: '0 10 * * * *', queue: MAINTENANCE_QUEUE }],
  retries: 2,
  handler: async ({ req }) => ({ output: { summary: JSON.stringify(await runOrderDeadlines(req.payload)) } }),
}
