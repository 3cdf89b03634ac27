/** Opening supervision items against a unit, with their working-day deadline and notices. */
import type { Payload, PayloadRequest } from 'payload'

import { env } from '../config/env'
import { addWorkingDays, calendarOf, type WorkCalendar } from '../domain/calendar/workCalendar'
import { now } from '../domain/clock'
import { type RelationValue, relationId } from '../domain/roles'
import { shanghaiDateString } from '../domain/shanghaiTime'
import { SUPERVISION_REASONS, type SupervisionReason } from '../domain/supervision/staleKnowledge'
import { type Notice, notify, type Recipient, unitStaff, usersWithRole } from './notify'
import { inTransaction } from './transaction'

export async function loadCalendar(payload: Payload, req?: Partial<PayloadRequest>): Promise<WorkCalendar> {
  const { docs } = await payload.find({
    collection: 'work-calendar',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return calendarOf(docs.map((d) => ({ date: shanghaiDateString(new Date(d.date)), kind: d.kind })))
}

/** What an item is held against: a knowledge entry or a work order (or a repeated problem), of one unit. */
export type SupervisionSubject = {
  key: string
  unit: RelationValue
  label: string
  entry?: number | string
  workOrder?: number | string
  task: string
  /** Held against the hotline centre itself (its dispatch and callback queues): told to the dispatchers. */
  hotline?: boolean
}

export const entrySubject = (entry: {
  id: number | string
  code?: string | null
  title: string
  unit: RelationValue
}): SupervisionSubject => ({
  key: `entry:${entry.id}`,
  unit: entry.unit,
  label: `${entry.code ?? ''} ${entry.title}`.trim(),
  entry: entry.id,
  task: '更新并重新发布或下架该条目',
})

export const orderSubject = (
  order: { id: number | string; number: string; title: string; unit?: RelationValue },
  key = `order:${order.id}`,
): SupervisionSubject => ({
  key,
  unit: order.unit,
  label: `${order.number} ${order.title}`,
  workOrder: order.id,
  task: '办结该工单并答复诉求人',
})

export type OpenSupervision = {
  subject: SupervisionSubject
  reason: SupervisionReason
  description?: string
  errorReport?: number | string
}

/**
 * Opens an item unless one is still open for the same subject and reason; returns the notices sent.
 * The check, the item and its notices are one transaction (joining the caller's, if any).
 */
export async function openSupervision(
  payload: Payload,
  open: OpenSupervision,
  outer?: Partial<PayloadRequest>,
): Promise<{ id: number | string; notices: Map<Recipient, Notice[]> } | undefined> {
  const { subject } = open
  // Items held against the hotline itself (dispatch and callback clocks) go to the dispatchers.
  const unit = subject.hotline ? undefined : relationId(subject.unit)
  if (unit === undefined && !subject.hotline) return undefined
  const recipients =
    unit === undefined
      ? await usersWithRole(payload, 'dispatcher')
      : await unitStaff(payload, unit, ['unit-editor', 'unit-reviewer', 'unit-handler'])
  return inTransaction(payload, (req) => openInTransaction(payload, open, unit, recipients, req), outer)
}

async function openInTransaction(
  payload: Payload,
  open: OpenSupervision,
  unit: string | number | undefined,
  recipients: Recipient[],
  req: PayloadRequest,
) {
  const { subject } = open
  const existing = await payload.count({
    collection: 'supervision-items',
    where: {
      and: [
        { subjectKey: { equals: subject.key } },
        { reason: { equals: open.reason } },
        { status: { not_equals: 'closed' } },
      ],
    },
    overrideAccess: true,
    req,
  })
  if (existing.totalDocs) return undefined
  const openedAt = now()
  const deadline = addWorkingDays(openedAt, env().supervisionDeadlineWorkingDays, await loadCalendar(payload, req))
  const label = SUPERVISION_REASONS.find((r) => r.value === open.reason)!.label
  const item = await payload.create({
    collection: 'supervision-items',
    overrideAccess: true,
    req,
    context: { systemOpened: true },
    data: {
      unit: unit as number | undefined,
      entry: subject.entry as number | undefined,
      workOrder: subject.workOrder as number | undefined,
      subjectKey: subject.key,
      subjectLabel: subject.label,
      reason: open.reason,
      description: open.description,
      errorReport: open.errorReport as number | undefined,
      openedAt: openedAt.toISOString(),
      deadline: deadline.toISOString(),
      status: 'open',
    },
  })
  const notices = await notify(
    payload,
    recipients,
    {
      kind: 'supervision_opened',
      title: `督办：${subject.label}（${label}）`,
      message: `请于 ${shanghaiDateString(new Date(deadline.getTime() - 1))}（含当日）前${subject.task}${open.description ? `。问题：${open.description}` : ''}`,
      entry: subject.entry,
      supervision: item.id,
      dedupeKey: (r) => `supervision:${item.id}:${r}`,
    },
    req,
  )
  return { id: item.id, notices }
}
