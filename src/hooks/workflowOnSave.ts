/**
 * The workflow on every save of an entry. A transition (src/services/entryTransitions.ts) says so in
 * the request context and stamps its own fields; any other save by a user is an edit: allowed only
 * to the unit's editors outside review, always saved as a draft, never a publication. Saves without
 * a user (import, seed) keep the state their `_status` implies.
 */
import {
  APIError,
  type CollectionAfterChangeHook,
  type CollectionBeforeChangeHook,
  type CollectionBeforeOperationHook,
} from 'payload'

import { now } from '../domain/clock'
import { type AccessUser, actingUnitId, relationId } from '../domain/roles'
import { checkEdit, currentState, type Transition, WorkflowError } from '../domain/workflow/entryWorkflow'
import { systemSaveFields } from '../domain/workflow/systemSave'
import { TRANSITION_CONTEXT } from '../services/entryTransitions'
import { RESTORE_CONTEXT } from './entryRestoreAndDelete'

const transitionOf = (context: Record<string, unknown>) => context[TRANSITION_CONTEXT] as Transition | undefined

/** A user's create or update only ever writes a new version; the live one changes by transitions. */
export const userEditsAreDrafts: CollectionBeforeOperationHook = ({ args, operation, req }) =>
  (operation === 'create' || operation === 'update') && req.user && !transitionOf(req.context)
    ? { ...args, draft: true }
    : args

export const workflowOnSave: CollectionBeforeChangeHook = ({ data, originalDoc, req, operation }) => {
  if (transitionOf(req.context)) return data
  const user = req.user as AccessUser | null
  if (!user) return { ...data, ...systemSaveFields(data, originalDoc, operation, now()) }
  try {
    // On create the unit field's own validation names a wrong unit; the workflow checks the role.
    const unit = operation === 'create' ? actingUnitId(user) : relationId(originalDoc?.unit)
    checkEdit({ state: operation === 'create' ? 'draft' : currentState(originalDoc), unit }, user)
  } catch (err) {
    if (err instanceof WorkflowError) throw new APIError(err.message, err.status, undefined, true)
    throw err
  }
  // A restored version may carry `published`; it is saved as a draft (hooks/entryRestoreAndDelete.ts).
  if (data._status === 'published' && !req.context[RESTORE_CONTEXT]) {
    throw new APIError(
      '条目须经审核发布：请保存后「提交审核」，由单位审核员和热线知识库管理员审核',
      403,
      undefined,
      true,
    )
  }
  // Workflow fields are the workflow's: whatever the request says, an edit is a draft by this user.
  return {
    ...data,
    ...(req.context[RESTORE_CONTEXT] ? { _status: 'draft' } : {}),
    workflowState: 'draft',
    lastEditedBy: user.id,
    reviewedAt: originalDoc?.reviewedAt ?? null,
    nextReviewAt: originalDoc?.nextReviewAt ?? null,
    publishedAt: originalDoc?.publishedAt ?? null,
    publishedUrgently: originalDoc?.publishedUrgently ?? false,
  }
}

/** Every user edit is a version in the history: who saved it, when, from which state. */
export const auditUserEdit: CollectionAfterChangeHook = async ({ doc, previousDoc, req, operation }) => {
  const user = req.user as (AccessUser & { name?: string }) | null
  if (!user || transitionOf(req.context)) return doc
  const restored = req.context[RESTORE_CONTEXT]
  await req.payload.create({
    collection: 'audit-log',
    overrideAccess: true,
    req,
    data: {
      entry: doc.id,
      entryCode: doc.code,
      action: restored ? 'restore' : 'edit',
      from: operation === 'create' ? undefined : currentState(previousDoc),
      to: 'draft',
      actor: user.id as number,
      actorName: user.name ?? String(user.id),
      roles: (user.roles ?? []).join(','),
      unit: relationId(doc.unit),
      comment: restored ? `恢复历史版本 ${restored}` : undefined,
      summary: `${doc.code} ${restored ? '恢复历史版本' : operation === 'create' ? '新建' : '修改'}`,
    },
  })
  return doc
}
