/**
 * The knowledge base's daily round (scheduled hourly; every step is idempotent): expire entries past
 * their validUntil, alert units 30/7/1 days before expiry or review, open supervision items for
 * knowledge left stale, escalate overdue supervision, and send each recipient one digest e-mail.
 */
import { createLocalReq, type Payload, type TaskConfig } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { isPastValidity } from '../domain/knowledge/entryRules'
import { type RelationValue, relationId } from '../domain/roles'
import { shanghaiDateString } from '../domain/shanghaiTime'
import { staleReason } from '../domain/supervision/staleKnowledge'
import { alertKey, type AlertKind, alertThreshold } from '../domain/workflow/expiryAlerts'
import { transitionEntry } from '../services/entryTransitions'
import {
  mergeBatches,
  type Notice,
  notify,
  type Recipient,
  sendDigests,
  unitStaff,
  usersWithRole,
} from '../services/notify'
import { entrySubject, loadCalendar, openSupervision } from '../services/supervision'
import { inTransaction } from '../services/transaction'

export const MAINTENANCE_QUEUE = 'daily'

export type MaintenanceReport = {
  expired: string[]
  alerts: number
  supervisionOpened: string[]
  escalated: number
  emails: number
}

const ALERT_TEXT: Record<AlertKind, string> = { expiring: '到期', review_due: '需复核' }

export async function runKnowledgeMaintenance(payload: Payload): Promise<MaintenanceReport> {
  const at = now()
  const report: MaintenanceReport = { expired: [], alerts: 0, supervisionOpened: [], escalated: 0, emails: 0 }
  const batches = new Map<Recipient, Notice[]>()
  const staffOf = new Map<string, Recipient[]>()
  const staff = async (unit: RelationValue) => {
    const id = String(relationId(unit))
    if (!staffOf.has(id)) staffOf.set(id, await unitStaff(payload, id))
    return staffOf.get(id)!
  }
  const entries = async (where: object) =>
    (
      await payload.find({
        collection: 'knowledge-entries',
        where: where as never,
        pagination: false,
        depth: 0,
        overrideAccess: true,
      })
    ).docs

  // 1. Expiry: the entry leaves the public; agents still find it, marked, when they ask.
  const horizon = new Date(at.getTime() + 31 * 86_400_000).toISOString()
  for (const entry of await entries({
    and: [{ _status: { equals: 'published' } }, { validUntil: { less_than: at.toISOString() } }],
  })) {
    if (!isPastValidity(entry.validUntil, at)) continue
    const recipients = await staff(entry.unit)
    // Each item in its own transaction: the expiry and its notices together, or neither (re-run safely).
    const notices = await inTransaction(
      payload,
      async (req) => {
        await transitionEntry(
          payload,
          {
            id: entry.id,
            action: 'expire',
            actor: 'system',
            comment: `有效期至 ${shanghaiDateString(new Date(entry.validUntil!))}，已自动下线`,
          },
          req,
        )
        return notify(
          payload,
          recipients,
          {
            kind: 'expired',
            title: `已过期下线：${entry.code} ${entry.title}`,
            message: '请更新有效期和内容后重新提交审核，或申请下架',
            entry: entry.id,
            dedupeKey: (r) => `expired:${entry.id}:${entry.validUntil}:${r}`,
          },
          req,
        )
      },
      await createLocalReq({}, payload),
    )
    report.expired.push(entry.code ?? String(entry.id))
    mergeBatches(batches, notices)
  }

  // 2. Alerts before expiry and before the review date.
  for (const entry of await entries({
    and: [
      { _status: { equals: 'published' } },
      { or: [{ validUntil: { less_than_equal: horizon } }, { nextReviewAt: { less_than_equal: horizon } }] },
    ],
  })) {
    const due: [AlertKind, string | null | undefined][] = [
      ['expiring', entry.validUntil],
      ['review_due', entry.nextReviewAt],
    ]
    for (const [kind, value] of due) {
      if (!value) continue
      const date = new Date(value)
      const threshold = alertThreshold(date, at)
      if (threshold === undefined) continue
      const recipients = await staff(entry.unit)
      const sent = await inTransaction(payload, (req) =>
        notify(
          payload,
          recipients,
          {
            kind,
            title: `${threshold} 天内${ALERT_TEXT[kind]}：${entry.code} ${entry.title}`,
            message: `${ALERT_TEXT[kind]}日期 ${shanghaiDateString(date)}`,
            entry: entry.id,
            dedupeKey: (r) => alertKey(kind, entry.id, date, threshold, r),
          },
          req,
        ),
      )
      report.alerts += [...sent.values()].reduce((n, list) => n + list.length, 0)
      mergeBatches(batches, sent)
    }
  }

  // 3. Knowledge left stale beyond the grace period becomes supervision against its unit.
  const calendar = await loadCalendar(payload)
  for (const entry of await entries({
    or: [
      { workflowState: { equals: 'expired' } },
      { and: [{ _status: { equals: 'published' } }, { nextReviewAt: { less_than: at.toISOString() } }] },
    ],
  })) {
    const reason = staleReason(entry, at, calendar, env().staleSupervisionWorkingDays)
    if (!reason) continue
    const opened = await openSupervision(payload, { subject: entrySubject(entry), reason })
    if (opened) {
      report.supervisionOpened.push(entry.code ?? String(entry.id))
      mergeBatches(batches, opened.notices)
    }
  }

  // 4. Overdue supervision escalates to the supervisors.
  const overdue = await payload.find({
    collection: 'supervision-items',
    where: { and: [{ status: { equals: 'open' } }, { deadline: { less_than_equal: at.toISOString() } }] },
    pagination: false,
    depth: 1,
    overrideAccess: true,
  })
  const supervisors = overdue.docs.length ? await usersWithRole(payload, 'supervisor') : []
  for (const item of overdue.docs) {
    const unitName = typeof item.unit === 'object' ? item.unit?.name : ''
    const entryId = typeof item.entry === 'object' ? item.entry?.id : item.entry
    const recipients = [...supervisors, ...(await staff(item.unit))]
    const notices = await inTransaction(payload, async (req) => {
      await payload.update({
        collection: 'supervision-items',
        id: item.id,
        data: { status: 'escalated', escalatedAt: at.toISOString() },
        overrideAccess: true,
        req,
      })
      return notify(
        payload,
        recipients,
        {
          kind: 'supervision_overdue',
          title: `督办超期：${unitName} ${item.subjectLabel ?? ''}`,
          supervision: item.id,
          entry: entryId ?? undefined,
          dedupeKey: (r) => `escalated:${item.id}:${r}`,
        },
        req,
      )
    })
    mergeBatches(batches, notices)
    report.escalated++
  }

  report.emails = await sendDigests(payload, batches, `12345 热线知识库提醒 ${shanghaiDateString(at)}`)
  return report
}

export const KnowledgeMaintenanceTask: TaskConfig<{ input: Record<string, never>; output: { summary: string } }> = {
  slug: 'knowledgeMaintenance',
  label: '知识到期与督办巡检',
  inputSchema: [],
  outputSchema: [{ name: 'summary', type: 'text' }],
  // Hourly, so that the round follows midnight in Shanghai whatever the server's time zone.
  schedule: [{ cron: '0 5 * * * *', queue: MAINTENANCE_QUEUE }],
  retries: 2,
  handler: async ({ req }) => ({ output: { summary: JSON.stringify(await runKnowledgeMaintenance(req.payload)) } }),
}
