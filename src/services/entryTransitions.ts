/**
 * Carries out a workflow transition: decided by the pure state machine, written through the Local
 * API in one transaction with its audit record. Publishing publishes the latest version (the one
 * reviewed); archiving and expiry take the entry out of the public index.
 */
import type { Payload, PayloadRequest } from 'payload'

import { now } from '../domain/clock'
import { type AccessUser, relationId } from '../domain/roles'
import {
  actionLabel,
  type Actor,
  decideTransition,
  type EntryAction,
  stateLabel,
  type Transition,
  currentState,
} from '../domain/workflow/entryWorkflow'
import { nextReviewAt } from '../domain/workflow/reviewSchedule'
import { inTransaction } from './transaction'

/** The request-context key by which a transition tells the save hooks it is not a user's edit. */
export const TRANSITION_CONTEXT = 'workflowTransition'

export type TransitionRequest = { id: number | string; action: EntryAction; comment?: string; actor: Actor }

export async function latestVersion(payload: Payload, id: number | string, req?: Partial<PayloadRequest>) {
  return payload.findByID({ collection: 'knowledge-entries', id, draft: true, depth: 0, overrideAccess: true, req })
}

export async function transitionEntry(
  payload: Payload,
  request: TransitionRequest,
  req: PayloadRequest,
): Promise<Transition> {
  return inTransaction(
    payload,
    async (req) => {
      const latest = await latestVersion(payload, request.id, req)
      const transition = decideTransition(
        {
          state: currentState(latest),
          unit: relationId(latest.unit),
          lastEditedBy: relationId(latest.lastEditedBy),
        },
        request.action,
        request.actor,
        request.comment,
      )
      const at = now()
      const reviewed = transition.publishes || transition.action === 'confirm_review'
      const data = {
        workflowState: transition.to,
        ...(reviewed
          ? { reviewedAt: at.toISOString(), nextReviewAt: nextReviewAt(latest as never, at)?.toISOString() ?? null }
          : {}),
        ...(transition.publishes
          ? { publishedUrgently: transition.urgent, _status: 'published' as const, publishedAt: at.toISOString() }
          : {}),
        ...(transition.unpublishes ? { _status: 'draft' as const } : {}),
      }
      const live = transition.publishes || transition.unpublishes || transition.action === 'confirm_review'
      const options = {
        collection: 'knowledge-entries' as const,
        id: request.id,
        data: data as never,
        overrideAccess: true,
        req,
        context: { [TRANSITION_CONTEXT]: transition },
      }
      // Review steps only add a version; publishing, archiving and expiry change the live entry.
      await (live ? payload.update(options) : payload.update({ ...options, draft: true }))

      const actor = request.actor === 'system' ? undefined : (request.actor as AccessUser & { name?: string })
      await payload.create({
        collection: 'audit-log',
        overrideAccess: true,
        req,
        data: {
          entry: latest.id,
          entryCode: latest.code,
          action: transition.action,
          from: transition.from,
          to: transition.to,
          comment: request.comment?.trim() || undefined,
          urgent: transition.urgent,
          actor: actor?.id as number | undefined,
          actorName: actor?.name ?? '系统',
          roles: actor?.roles?.join(',') ?? 'system',
          unit: relationId(latest.unit),
          summary: `${latest.code} ${actionLabel(transition.action)}：${stateLabel(transition.from)} → ${stateLabel(transition.to)}`,
        },
      })
      return transition
    },
    req,
  )
}
