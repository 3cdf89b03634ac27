/** 相似问候选: accepting one adds it to the entry's similar questions (a draft edit, reviewed as usual). */
import type { CollectionAfterChangeHook } from 'payload'

import { adoptQuestionCandidate } from '../services/questionCandidates'

export const adoptOnAccept: CollectionAfterChangeHook = async ({ doc, previousDoc, operation, req }) => {
  if (operation === 'update' && doc.status === 'accepted' && previousDoc?.status !== 'accepted')
    await adoptQuestionCandidate(req.payload, doc, req)
  return doc
}
