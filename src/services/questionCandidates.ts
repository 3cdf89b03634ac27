/**
 * The learning loop: a caller's question answered from an entry becomes a candidate similar question
 * (相似问) of it, masked of personal data; the entry's unit or a kb-admin accepts it, which adds it to
 * the entry as a draft edit that goes through the review workflow like any other.
 */
import type { Payload, PayloadRequest } from 'payload'

import { now } from '../domain/clock'
import { isLearnable, maskCallerQuestion } from '../domain/knowledge/callerQuestion'
import { type RelationValue, relationId } from '../domain/roles'

const same = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '')

/** Records (or counts again) the question as a candidate of the published entry with this code. */
export async function recordQuestionCandidate(
  payload: Payload,
  code: string,
  question: string,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  const text = maskCallerQuestion(question)
  if (!isLearnable(text)) return
  const { docs } = await payload.find({
    collection: 'knowledge-entries',
    where: { code: { equals: code } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const entry = docs[0]
  if (!entry || same(entry.title, text) || (entry.questions ?? []).some((q) => same(q, text))) return
  const existing = await payload.find({
    collection: 'question-candidates',
    where: { and: [{ entry: { equals: entry.id } }, { text: { equals: text } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const found = existing.docs[0]
  if (found) {
    await payload.update({
      collection: 'question-candidates',
      id: found.id,
      data: { count: (found.count ?? 1) + 1, lastAskedAt: now().toISOString() },
      overrideAccess: true,
      req,
    })
    return
  }
  await payload.create({
    collection: 'question-candidates',
    data: {
      entry: entry.id,
      unit: relationId(entry.unit),
      text,
      count: 1,
      status: 'pending',
      lastAskedAt: now().toISOString(),
    },
    overrideAccess: true,
    req,
  })
}

/**
 * Adds an accepted candidate to its entry's similar questions as a draft edit by the accepting user,
 * with that user's rights: the edit is then submitted and approved like any other.
 */
export async function adoptQuestionCandidate(
  payload: Payload,
  candidate: { entry: RelationValue; text: string },
  req: PayloadRequest,
): Promise<void> {
  const id = relationId(candidate.entry)!
  const entry = await payload.findByID({ collection: 'knowledge-entries', id, draft: true, depth: 0, req })
  const questions = entry.questions ?? []
  if (questions.some((q) => same(q, candidate.text))) return
  await payload.update({
    collection: 'knowledge-entries',
    id,
    data: { questions: [...questions, candidate.text] },
    draft: true,
    overrideAccess: false,
    user: req.user,
    req,
  })
}
