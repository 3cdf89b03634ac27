/** 纠错反馈: the reporter is the signed-in user; a kb-admin's triage opens supervision or dismisses with a reason. */
import { APIError, type CollectionAfterChangeHook, type CollectionBeforeChangeHook } from 'payload'

import { relationId } from '../domain/roles'
import { entrySubject, openSupervision } from '../services/supervision'

export const stampErrorReport: CollectionBeforeChangeHook = ({ data, originalDoc, operation, req }) => {
  if (operation === 'create') return { ...data, reportedBy: req.user?.id ?? data.reportedBy, status: 'new' }
  if (data.status === 'dismissed' && originalDoc?.status !== 'dismissed' && !data.dismissReason?.trim()) {
    throw new APIError('驳回纠错反馈须填写理由', 400, undefined, true)
  }
  return data
}

export const superviseErrorReport: CollectionAfterChangeHook = async ({
  doc,
  previousDoc,
  operation,
  req,
  context,
}) => {
  if (
    operation !== 'update' ||
    doc.status !== 'supervised' ||
    previousDoc?.status === 'supervised' ||
    context.linkingSupervision
  )
    return doc
  const entry = await req.payload.findByID({
    collection: 'knowledge-entries',
    id: relationId(doc.entry)!,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const opened = await openSupervision(
    req.payload,
    { subject: entrySubject(entry), reason: 'wrong_info', description: doc.description, errorReport: doc.id },
    req,
  )
  if (opened) {
    await req.payload.update({
      collection: 'error-reports',
      id: doc.id,
      data: { supervision: opened.id as number },
      overrideAccess: true,
      req,
      context: { linkingSupervision: true },
    })
  }
  return doc
}
