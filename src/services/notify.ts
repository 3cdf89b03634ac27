/**
 * Notifications to a unit's people: in-app records (deduplicated by key) and one e-mail digest per
 * recipient for a batch. Without SMTP settings Payload writes the e-mail to the log.
 */
import type { Payload, PayloadRequest } from 'payload'

import type { NotificationKind } from '../domain/notifications'

export type Notice = {
  kind: NotificationKind
  title: string
  message?: string
  entry?: number | string
  supervision?: number | string
  /** Sent once: a notice whose key exists already is skipped. */
  dedupeKey?: (recipient: number | string) => string
}

export type Recipient = { id: number | string; email: string; name?: string | null }

export async function unitStaff(
  payload: Payload,
  unit: number | string,
  roles: string[] = ['unit-editor', 'unit-reviewer'],
): Promise<Recipient[]> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { and: [{ unit: { equals: unit } }, { roles: { in: roles } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((u) => ({ id: u.id, email: u.email, name: u.name }))
}

export async function usersWithRole(payload: Payload, role: string): Promise<Recipient[]> {
  const { docs } = await payload.find({
    collection: 'users',
    where: { roles: { in: [role] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  return docs.map((u) => ({ id: u.id, email: u.email, name: u.name }))
}

/** Creates the notices not sent before; returns those created, per recipient. */
export async function notify(
  payload: Payload,
  recipients: Recipient[],
  notice: Notice,
  req?: Partial<PayloadRequest>,
): Promise<Map<Recipient, Notice[]>> {
  const created = new Map<Recipient, Notice[]>()
  for (const recipient of recipients) {
    const dedupeKey = notice.dedupeKey?.(recipient.id)
    if (dedupeKey) {
      const seen = await payload.count({
        collection: 'notifications',
        where: { dedupeKey: { equals: dedupeKey } },
        overrideAccess: true,
        req,
      })
      if (seen.totalDocs) continue
    }
    await payload.create({
      collection: 'notifications',
      overrideAccess: true,
      req,
      data: {
        recipient: recipient.id as number,
        kind: notice.kind,
        title: notice.title,
        message: notice.message,
        entry: notice.entry as number | undefined,
        supervision: notice.supervision as number | undefined,
        dedupeKey,
      },
    })
    created.set(recipient, [...(created.get(recipient) ?? []), notice])
  }
  return created
}

/** One e-mail per recipient listing everything new for them. */
export async function sendDigests(
  payload: Payload,
  batches: Map<Recipient, Notice[]>,
  subject: string,
): Promise<number> {
  let sent = 0
  for (const [recipient, notices] of batches) {
    if (!notices.length) continue
    const lines = notices.map((n) => `· ${n.title}${n.message ? `：${n.message}` : ''}`)
    await payload.sendEmail({
      to: recipient.email,
      subject: `${subject}（${notices.length} 项）`,
      text: [`${recipient.name ?? recipient.email}，您好：`, '', ...lines, '', '请登录 12345 热线知识库处理。'].join(
        '\n',
      ),
    })
    sent++
  }
  return sent
}

/** Merges per-recipient notice lists (recipients compared by id). */
export function mergeBatches(into: Map<Recipient, Notice[]>, from: Map<Recipient, Notice[]>): void {
  for (const [recipient, notices] of from) {
    const existing = [...into.keys()].find((r) => r.id === recipient.id)
    if (existing) into.get(existing)!.push(...notices)
    else into.set(recipient, [...notices])
  }
}
