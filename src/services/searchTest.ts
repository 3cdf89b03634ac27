/**
 * 检索测试 (hit testing, as knowledge-base Q&A systems offer it): a question run through the live
 * engine as agents search, each hit with why it matched, its score and whether it would be confident.
 * kb-admins see every entry; a unit's editors and reviewers see public entries and the internal
 * entries of their own unit only.
 */
import type { Payload } from 'payload'

import { type AccessUser, actingUnitId, hasRole, isStaff } from '../domain/roles'
import type { SearchEngine } from '../search/types'
import { ServiceError } from './errors'

export const SEARCH_TEST_HITS = 10
/** Hits fetched for a unit user, before internal entries of other units are left out. */
const UNIT_USER_DEPTH = 50

export async function searchTest(payload: Payload, engine: SearchEngine, user: AccessUser | null, q: string, at: Date) {
  const staff = isStaff(user)
  const unitId = actingUnitId(user)
  if (!staff && (unitId === undefined || !hasRole(user, 'unit-editor', 'unit-reviewer')))
    throw new ServiceError(403, '仅知识库管理员和单位编辑、审核员可使用检索测试')
  const unitName = staff
    ? undefined
    : (await payload.findByID({ collection: 'units', id: unitId!, depth: 0, overrideAccess: true })).name
  const result = await engine.search({
    text: q,
    audience: 'agent',
    now: at,
    perPage: staff ? SEARCH_TEST_HITS : UNIT_USER_DEPTH,
    explain: true,
  })
  const hits = result.hits
    .filter((h) => staff || h.document.audience === 'public' || h.document.unit === unitName)
    .slice(0, SEARCH_TEST_HITS)
  return {
    hits: hits.map((h) => ({
      code: h.document.code,
      title: h.document.title,
      type: h.document.type,
      unit: h.document.unit,
      audience: h.document.audience,
      score: h.score,
      confidence: h.confidence,
      confident: h.confident,
      signals: h.signals,
      matchedQuestion: h.matchedQuestion,
      explanation: h.explanation,
      expired: h.expired,
    })),
  }
}
