/** The order as an API or tool shows it: claimant masked (hidden from units when confidential), links filtered by who sees them. */
import { type AccessUser, relationId } from '../domain/roles'
import type { TimelineItem } from '../domain/workOrders/orderPlan'
import { seesClaimant, visibleDuplicates } from '../domain/workOrders/visibility'
import type { Unit, WorkOrder } from '../payload-types'
import { audienceOf } from './workOrders'

const unitOf = (u: number | Unit | null | undefined) =>
  typeof u === 'object' && u ? { code: u.code, name: u.name } : (u ?? null)

export function presentOrder(order: WorkOrder, viewer: AccessUser) {
  const c = order.claimant ?? {}
  const audience = audienceOf(order)
  const related = (order.related ?? []).flatMap((r) =>
    typeof r === 'object' && r ? [{ ...audienceOf(r), order: r }] : [],
  )
  return {
    number: order.number,
    state: order.state,
    resolution: order.resolution ?? null,
    type: order.type,
    channel: order.channel,
    urgency: order.urgency,
    title: order.title,
    content: order.content,
    category:
      typeof order.category === 'object' && order.category
        ? { code: order.category.code, path: order.category.path }
        : null,
    district: order.district ?? null,
    address: order.address ?? null,
    respondent: order.respondent ?? null,
    claimant: seesClaimant(viewer, audience)
      ? {
          kind: c.kind ?? 'person',
          companyName: c.companyName ?? null,
          creditCode: c.creditCode ?? null,
          name: c.nameMasked ?? null,
          phone: c.phoneMasked ?? null,
          idNumber: c.idMasked ?? null,
          anonymous: c.anonymous,
          confidential: c.confidential,
          noReply: c.noReply,
        }
      : { confidential: true, name: '（保密）', phone: '（保密）' },
    unit: unitOf(order.unit),
    subUnit: order.subUnit ? unitOf(order.subUnit) : null,
    designated: order.designated ?? false,
    consultation: order.consultUnits?.length
      ? {
          units: order.consultUnits.map(unitOf),
          question: order.consultQuestion ?? null,
          dueAt: order.consultDueAt ?? null,
          answers: order.consultAnswers ?? [],
        }
      : null,
    dispatchDueAt: order.dispatchDueAt ?? null,
    signDueAt: order.signDueAt ?? null,
    signedAt: order.signedAt ?? null,
    dueAt: order.dueAt ?? null,
    returnDueAt: order.returnDueAt ?? null,
    callbackDueAt: order.callbackDueAt ?? null,
    deadlineStatus: order.deadlineStatus ?? null,
    deadlineClock: order.deadlineClock ?? null,
    deadlineWarning: order.deadlineWarning ?? null,
    extensions: order.extensions ?? 0,
    extensionDays: order.extensionDays ?? 0,
    pausedMs: order.pausedMs ?? 0,
    reopens: order.reopens ?? 0,
    citedEntries: (order.citedEntries ?? []).map((e) => ({ code: e.code, version: e.version, title: e.title })),
    possibleDuplicates: visibleDuplicates(viewer, audience, related).map(({ order: r }) => ({
      number: r.number,
      state: r.state,
      title: r.title,
    })),
    noKnowledge: order.noKnowledge ?? false,
    reply: order.reply ?? null,
    lastSatisfaction: order.lastSatisfaction ?? null,
    answerRating: order.answerRating ?? null,
    explanation: order.explanation ?? null,
    explanationAccepted: order.explanationAccepted ?? false,
    parent: relationId(order.parent) !== undefined ? ((order.parent as WorkOrder | null)?.number ?? null) : null,
    timeline: (order.timeline as TimelineItem[] | null) ?? [],
    createdAt: order.createdAt,
  }
}
