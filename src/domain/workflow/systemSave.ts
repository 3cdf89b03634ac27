/**
 * What a save without a user (import, seed) stamps on an entry: the state its `_status` implies and,
 * when it puts new content live, the publication's dates. Shared by the collection's save hook and the
 * importer's bulk writes, so both store the same workflow fields.
 */
import { diffEntries } from './entryDiff'
import { currentState } from './entryWorkflow'
import { nextReviewAt } from './reviewSchedule'

type Doc = Record<string, unknown>

export function systemSaveFields(
  data: Doc,
  originalDoc: Doc | undefined,
  operation: 'create' | 'update',
  at: Date,
): Doc {
  const state =
    data._status === 'published' ? 'published' : operation === 'create' ? 'draft' : currentState(originalDoc)
  const published = state === 'published' && currentState(originalDoc) !== 'published'
  // An import that changes a live entry publishes a new version of it.
  const newVersion =
    state === 'published' && (published || diffEntries(originalDoc, { ...originalDoc, ...data }).length > 0)
  const entry = { ...originalDoc, ...data } as Parameters<typeof nextReviewAt>[0]
  return {
    workflowState: state,
    ...(newVersion ? { publishedAt: at.toISOString() } : {}),
    ...(published
      ? { reviewedAt: at.toISOString(), nextReviewAt: nextReviewAt(entry, at)?.toISOString() ?? null }
      : {}),
  }
}
