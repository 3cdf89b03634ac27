/**
 * Supervision items opened by a kb-admin (纠错) get the same unit, deadline and notices as those the
 * daily jobs open; an item closes only once its entry was republished after it opened (or archived),
 * or its work order was closed.
 */
import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'

import { env } from '../config/env'
import { addWorkingDays } from '../domain/calendar/workCalendar'
import { now } from '../domain/clock'
import { relationId } from '../domain/roles'
import { isResolved } from '../domain/supervision/staleKnowledge'
import { notify, unitStaff } from '../services/notify'
import { entrySubject, loadCalendar } from '../services/supervision'

export const prepareSupervisionItem: CollectionBeforeChangeHook = async ({
  data,
  originalDoc,
  operation,
  req,
  context,
}) => {
  if (operation === 'create' && !context.systemOpened) {
    if (!data.entry)
      throw new APIError(
        '请选择被督办的知识条目；工单或承办单位的督办请通过 POST /api/v1/supervision 立项',
        400,
        undefined,
        true,
      )
    const entry = await req.payload.findByID({
      collection: 'knowledge-entries',
      id: relationId(data.entry)!,
      depth: 0,
      overrideAccess: true,
      req,
    })
    const openedAt = now()
    const subject = entrySubject(entry)
    return {
      ...data,
      subjectKey: subject.key,
      subjectLabel: subject.label,
      unit: relationId(entry.unit),
      openedAt: openedAt.toISOString(),
      deadline: addWorkingDays(
        openedAt,
        env().supervisionDeadlineWorkingDays,
        await loadCalendar(req.payload, req),
      ).toISOString(),
      status: 'open',
      openedBy: req.user?.id,
    }
  }
  // Items closed by a supervisor's acceptance of the unit's rectification come from the service.
  if (operation === 'update' && !context.systemOpened && data.status === 'closed' && originalDoc?.status !== 'closed') {
    if (originalDoc.workOrder) {
      const order = await req.payload.findByID({
        collection: 'work-orders',
        id: relationId(originalDoc.workOrder)!,
        depth: 0,
        overrideAccess: true,
        req,
      })
      if (order.state !== 'closed') throw new APIError('办结督办前，须先办结该工单', 400, undefined, true)
    } else if (originalDoc.entry) {
      const entry = await req.payload.findByID({
        collection: 'knowledge-entries',
        id: relationId(originalDoc.entry)!,
        depth: 0,
        overrideAccess: true,
        req,
      })
      if (!isResolved(entry, new Date(originalDoc.openedAt))) {
        throw new APIError('办结督办前，须先更新并重新发布该条目（或将其下架）', 400, undefined, true)
      }
    }
    return { ...data, closedAt: now().toISOString(), closedBy: req.user?.id }
  }
  return data
}

export const notifyOnManualOpen: CollectionAfterChangeHook = async ({ doc, operation, req, context }) => {
  if (operation !== 'create' || context.systemOpened) return doc
  await notify(
    req.payload,
    await unitStaff(req.payload, relationId(doc.unit)!),
    {
      kind: 'supervision_opened',
      title: `督办：知识条目信息有误，请核实更正`,
      message: doc.description ?? undefined,
      entry: relationId(doc.entry),
      supervision: doc.id,
    },
    req,
  )
  return doc
}
