/**
 * The work-order round (scheduled hourly, idempotent): marks every queue's clock of open orders due
 * today or overdue, opens supervision for overdue dispatch, sign-for, handling and callback clocks,
 * refused orders still open and still refused, and the same problem reported again and again; computes
 * guessed deadlines again once the year's 调休 arrangement is entered, and opens no supervision on a
 * guess; from October on reminds the admins while next year's arrangement is missing. Open orders are
 * read in keyset batches and only changed marks are written, so its time and memory follow the orders
 * that change, and requests are served between batches.
 */
import type { Payload, TaskConfig } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { relationId } from '../domain/roles'
import { shanghaiDateString } from '../domain/shanghaiTime'
import type { SupervisionReason } from '../domain/supervision/staleKnowledge'
import { clockDue, handlingDue, queueMark, type QueueClock, stillGuessed } from '../domain/workOrders/clocks'
import { markChanges, ROUND_STATES } from '../domain/workOrders/deadlineRound'
import { arrangementMissingFor } from '../domain/workOrders/deadlines'
import { repeatedProblems } from '../domain/workOrders/deadlineStatus'
import { openOrderBatches, ROUND_BATCH, type RoundRow, writeMarks } from '../services/deadlineMarks'
import { mergeBatches, type Notice, notify, type Recipient, sendDigests, usersWithRole } from '../services/notify'
import { superviseOrder } from '../services/orderSupervision'
import { openSupervision, orderSubject } from '../services/supervision'
import { clockPauses, readLimits } from '../services/workOrders'
import { MAINTENANCE_QUEUE } from './knowledgeMaintenance'

export type DeadlineReport = {
  /** Orders marked due today by this round (an order already so marked is not listed again). */
  dueToday: string[]
  /** Orders newly overdue in this round (or with a deadline just recomputed and overdue). */
  overdue: string[]
  /** Overdue by a deadline computed without its year's 调休 arrangement: marked, not supervised. */
  guessed: string[]
  recomputed: string[]
  supervisionOpened: string[]
  calendarMissing: number | null
  emails: number
}

const REASON: Partial<Record<QueueClock, SupervisionReason>> = {
  dispatch: 'order_dispatch_overdue',
  'sign-for': 'order_sign_overdue',
  handling: 'order_overdue',
  callback: 'order_callback_overdue',
}
const CLOCK_LABEL: Record<QueueClock, string> = {
  dispatch: '派发期限',
  consultation: '会商答复期限',
  'sign-for': '签收期限',
  handling: '办理期限',
  callback: '回访期限',
}

export async function runOrderDeadlines(payload: Payload, batchSize = ROUND_BATCH): Promise<DeadlineReport> {
  const at = now()
  const report: DeadlineReport = {
    dueToday: [],
    overdue: [],
    guessed: [],
    recomputed: [],
    supervisionOpened: [],
    calendarMissing: null,
    emails: 0,
  }
  const batches = new Map<Recipient, Notice[]>()
  const limits = await readLimits(payload)
  const pauses = clockPauses(limits)

  // Open orders whose mark may change, a batch at a time (keyset by state and id): only changed marks
  // are written, and only orders newly overdue (or overdue on another clock than their mark, or with a deadline just
  // recomputed) are looked at for 督办 — an order already marked and supervised costs one comparison.
  for await (const batch of openOrderBatches(payload, { clockPauses: pauses, at, batchSize })) {
    const orders: RoundRow[] = []
    const recomputed = new Set<number | string>()
    for (const found of batch) {
      let order: RoundRow = found
      // A deadline guessed without the year's arrangement is computed again once the admins entered it.
      if (order.deadlineWarning) {
        const kind = { type: order.type, urgency: order.urgency, complex: order.complex }
        const handling = handlingDue(limits, order)
        const sign = order.dispatchedAt ? clockDue(limits, 'sign-for', new Date(order.dispatchedAt), kind) : null
        const dispatch = clockDue(limits, 'dispatch', new Date(order.createdAt), kind)
        const callback = order.repliedAt ? clockDue(limits, 'callback', new Date(order.repliedAt), kind) : null
        if (![handling, sign, dispatch, callback].some((c) => c?.warning)) {
          order = await payload.update({
            collection: 'work-orders',
            id: order.id,
            overrideAccess: true,
            depth: 0,
            data: {
              deadlineWarning: null,
              ...(handling && { dueAt: handling.due }),
              ...(sign && { signDueAt: sign.due }),
              ...(dispatch && { dispatchDueAt: dispatch.due }),
              ...(callback && { callbackDueAt: callback.due }),
            },
          })
          recomputed.add(order.id)
          report.recomputed.push(order.number)
        }
      }
      orders.push(order)
    }
    const changes = markChanges(orders, pauses, at)
    await writeMarks(payload, changes)
    const changed = new Set(changes.flatMap((c) => c.ids))
    for (const order of orders) {
      const fresh = changed.has(order.id) || recomputed.has(order.id)
      const marks = queueMark(order, pauses, at)
      const worst = marks[0]
      if (fresh && worst?.status === 'due_today') report.dueToday.push(order.number)
      if (worst?.status !== 'overdue') continue
      if (fresh) report.overdue.push(order.number)
      for (const mark of marks.filter((m) => m.status === 'overdue' && (fresh || m.clock !== order.deadlineClock))) {
        const reason = REASON[mark.clock]
        if (!reason) continue
        // A deadline computed without its year's arrangement is marked, never supervised on its own.
        if (order.deadlineWarning && stillGuessed(mark.dueAt, at, limits.calendar)) {
          report.guessed.push(order.number)
          continue
        }
        const opened = await superviseOrder(
          payload,
          order,
          reason,
          `${CLOCK_LABEL[mark.clock]} ${shanghaiDateString(new Date(mark.dueAt))} 已过`,
          { hotline: mark.by === 'hotline' },
        )
        if (opened) {
          mergeBatches(batches, opened.notices)
          report.supervisionOpened.push(order.number)
        }
      }
    }
  }

  // 拒不承办: only while the order is still open and its return still refused.
  const refused = await payload.find({
    collection: 'work-orders',
    where: { and: [{ returnRejected: { equals: true } }, { state: { in: [...ROUND_STATES] } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  for (const order of refused.docs) {
    const opened = await superviseOrder(payload, order, 'order_refused', '退回申请经审核不成立，须继续承办')
    if (opened) {
      mergeBatches(batches, opened.notices)
      report.supervisionOpened.push(order.number)
    }
  }

  const { days, orders: min } = env().repeatedProblem
  const since = new Date(at.getTime() - days * 86_400_000).toISOString()
  // A group grows only with a new order: the keys of the last day's orders (a missed round is covered),
  // then each key's orders of the period, so the round never reads the whole period.
  const newest = await payload.find({
    collection: 'work-orders',
    where: {
      and: [
        { createdAt: { greater_than_equal: new Date(at.getTime() - 86_400_000).toISOString() } },
        { unit: { exists: true } },
      ],
    },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { category: true, address: true },
  })
  const keys = new Map<string, { category: number | string; address: string }>()
  for (const o of newest.docs) {
    const category = relationId(o.category)
    if (category !== undefined && o.address?.trim())
      keys.set(`${category}|${o.address.replace(/\s+/g, '')}`, { category, address: o.address })
  }
  for (const { category, address } of keys.values()) {
    const recent = await payload.find({
      collection: 'work-orders',
      where: {
        and: [
          { category: { equals: category } },
          { createdAt: { greater_than_equal: since } },
          { unit: { exists: true } },
          // `like` requires each space-separated word: every character of the address, wherever spaces
          // fall in the stored one (a superset); the grouping below compares exactly.
          { address: { like: [...address.replace(/\s+/g, '')].join(' ') } },
        ],
      },
      pagination: false,
      depth: 0,
      overrideAccess: true,
      // The few fields grouping and a 督办 item need, not whole orders with their timelines.
      select: { number: true, title: true, unit: true, category: true, address: true, createdAt: true },
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
      const opened = await openSupervision(payload, { subject, reason: 'repeated_problem', description })
      if (opened) {
        mergeBatches(batches, opened.notices)
        report.supervisionOpened.push(latest.number)
      }
    }
  }

  // From October on, next year's 调休 arrangement is due from the State Council: remind the admins weekly.
  const missing = arrangementMissingFor(at, limits.calendar)
  if (missing) {
    report.calendarMissing = missing
    const week = Math.floor(at.getTime() / (7 * 86_400_000))
    mergeBatches(
      batches,
      await notify(payload, await usersWithRole(payload, 'admin'), {
        kind: 'calendar_missing',
        title: `工作日历缺少 ${missing} 年的调休安排`,
        message: `请按国务院办公厅通知在“工作日历”中录入 ${missing} 年的放假调休安排；录入前相关期限按法定节假日和周末推算，不自动督办`,
        dedupeKey: (r) => `calendar:${missing}:${week}:${r}`,
      }),
    )
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
