/**
 * Workflow endpoints of knowledge entries, served under Payload's REST API:
 * `GET /api/knowledge-entries/:id/workflow` (state, the caller's actions, history, diff against the
 * live version) and `POST /api/knowledge-entries/:id/transition` `{action, comment}`.
 */
import type { Endpoint, PayloadRequest } from 'payload'

import { type AccessUser, relationId } from '../../domain/roles'
import { diffEntries, fieldLabels, type LabeledField } from '../../domain/workflow/entryDiff'
import {
  actionLabel,
  availableActions,
  editRefusal,
  currentState,
  isEntryAction,
  stateLabel,
  WorkflowError,
} from '../../domain/workflow/entryWorkflow'
import { lexicalToPlainText } from '../../lexical/plainText'
import { latestVersion, transitionEntry } from '../../services/entryTransitions'

const fail = (status: number, message: string) => Response.json({ errors: [{ message }], message }, { status })

const isLexical = (v: unknown) => typeof v === 'object' && v !== null && 'root' in v

/** The entry as the caller may read it (access applies), or a response saying why not. */
async function readable(req: PayloadRequest): Promise<{ id: string } | Response> {
  if (!req.user) return fail(401, '请先登录')
  const id = String(req.routeParams?.id ?? '')
  const found = await req.payload.find({
    collection: 'knowledge-entries',
    where: { id: { equals: id } },
    draft: true,
    limit: 1,
    depth: 0,
    overrideAccess: false,
    user: req.user,
    req,
  })
  return found.docs.length ? { id } : fail(404, '知识条目不存在或无权访问')
}

export const workflowStatusEndpoint: Endpoint = {
  path: '/:id/workflow',
  method: 'get',
  handler: async (req) => {
    const target = await readable(req)
    if (target instanceof Response) return target
    const latest = await latestVersion(req.payload, target.id, req)
    // Relations populated, so that the diff names units, categories and entries rather than ids.
    const [latestNamed, live] = await Promise.all([
      req.payload.findByID({
        collection: 'knowledge-entries',
        id: target.id,
        draft: true,
        depth: 1,
        overrideAccess: true,
        req,
      }),
      req.payload.find({
        collection: 'knowledge-entries',
        where: { and: [{ id: { equals: target.id } }, { _status: { equals: 'published' } }] },
        depth: 1,
        limit: 1,
        overrideAccess: true,
        req,
      }),
    ])
    const labels = fieldLabels(req.payload.collections['knowledge-entries'].config.fields as LabeledField[])
    const state = currentState(latest)
    const entry = {
      state,
      unit: relationId(latest.unit),
      lastEditedBy: relationId(latest.lastEditedBy),
    }
    const history = await req.payload.find({
      collection: 'audit-log',
      where: { entry: { equals: target.id } },
      sort: '-createdAt',
      limit: 100,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return Response.json({
      state,
      stateLabel: stateLabel(state),
      // Why the form is read-only for this user, if it is (the panel shows it).
      readOnly: editRefusal(entry, req.user as AccessUser),
      actions: availableActions(entry, req.user as AccessUser).map((action) => ({
        action,
        label: actionLabel(action),
      })),
      history: history.docs.map((h) => ({
        at: h.createdAt,
        action: h.action,
        actionLabel: actionLabel(h.action),
        from: h.from,
        to: h.to,
        actor: h.actorName,
        comment: h.comment ?? null,
        urgent: h.urgent,
      })),
      // What a reviewer approves: the version under review against what is live now.
      diff:
        state === 'published'
          ? []
          : diffEntries(live.docs[0] as never, latestNamed as never, (v) =>
              isLexical(v) ? lexicalToPlainText(v as never) : undefined,
            ).map((d) => ({ ...d, label: labels.get(d.field) ?? d.field })),
    })
  },
}

export const transitionEndpoint: Endpoint = {
  path: '/:id/transition',
  method: 'post',
  handler: async (req) => {
    const target = await readable(req)
    if (target instanceof Response) return target
    const body = (await req.json?.().catch(() => undefined)) as { action?: unknown; comment?: unknown } | undefined
    if (!body || !isEntryAction(body.action))
      return fail(400, '请提供有效的操作 action，如 submit、approve_unit、approve_hotline、reject')
    if (body.comment !== undefined && (typeof body.comment !== 'string' || body.comment.length > 2000))
      return fail(400, '说明 comment 须为不超过 2000 字的文本')
    try {
      const transition = await transitionEntry(
        req.payload,
        {
          id: target.id,
          action: body.action,
          comment: body.comment as string | undefined,
          actor: req.user as AccessUser,
        },
        req,
      )
      return Response.json({
        message: `已${actionLabel(transition.action)}：${stateLabel(transition.from)} → ${stateLabel(transition.to)}`,
        transition,
      })
    } catch (err) {
      if (err instanceof WorkflowError) return fail(err.status, err.message)
      throw err
    }
  },
}
