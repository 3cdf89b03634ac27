/**
 * Payload's version restore and delete go through the workflow too (issue 13, finding 6). Restoring a
 * version is an edit: it becomes a new draft that needs review, and it may never replace the live entry
 * directly. Deleting is for hotline staff, of entries never published or archived, and is audited in
 * the same transaction.
 */
import { APIError, type CollectionBeforeDeleteHook, type CollectionBeforeOperationHook } from 'payload'

import { type AccessUser, relationId } from '../domain/roles'
import { checkDelete, currentState, WorkflowError } from '../domain/workflow/entryWorkflow'
import { latestVersion } from '../services/entryTransitions'

/** The request-context key by which the save hooks know a save restores an old version. */
export const RESTORE_CONTEXT = 'restoredVersion'

const asApiError = (err: unknown) =>
  err instanceof WorkflowError ? new APIError(err.message, err.status, undefined, true) : err

export const restoreAsDraftOnly: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  if (operation !== 'restoreVersion' || !req.user) return args
  const versionId = (args as { id?: number | string }).id
  const { docs } = await req.payload.findVersions({
    collection: 'knowledge-entries',
    where: { id: { equals: versionId } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const parent = relationId(docs[0]?.parent as number | undefined)
  if (parent === undefined) return args // Payload answers 404
  const live = await req.payload.findByID({
    collection: 'knowledge-entries',
    id: parent,
    depth: 0,
    overrideAccess: true,
    req,
  })
  // Without `draft`, Payload writes the version over the live entry: a publication nobody reviewed.
  if (live._status === 'published' && !(args as { draft?: boolean }).draft) {
    throw new APIError(
      '已发布的条目不能用历史版本直接替换线上内容：请「恢复为草稿」（draft=true），再提交审核',
      403,
      undefined,
      true,
    )
  }
  req.context[RESTORE_CONTEXT] = versionId
  return args
}

export const auditedDelete: CollectionBeforeDeleteHook = async ({ id, req }) => {
  const user = req.user as (AccessUser & { name?: string }) | null
  if (!user) return // the demo reset and tests delete without a user
  const latest = await latestVersion(req.payload, id, req)
  const published = await req.payload.countVersions({
    collection: 'knowledge-entries',
    where: { and: [{ parent: { equals: id } }, { 'version._status': { equals: 'published' } }] },
    overrideAccess: true,
    req,
  })
  const state = currentState(latest)
  try {
    checkDelete({ state, everPublished: published.totalDocs > 0 }, user)
  } catch (err) {
    throw asApiError(err)
  }
  // Written in the delete's transaction; the record keeps the code once the entry is gone.
  await req.payload.create({
    collection: 'audit-log',
    overrideAccess: true,
    req,
    data: {
      entry: latest.id,
      entryCode: latest.code,
      action: 'delete',
      from: state,
      actor: user.id as number,
      actorName: user.name ?? String(user.id),
      roles: (user.roles ?? []).join(','),
      unit: relationId(latest.unit),
      summary: `${latest.code} 删除：${latest.title}`,
    },
  })
}
