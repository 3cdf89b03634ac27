/**
 * Who sees and changes knowledge entries. A unit's editors and reviewers own its entries in every
 * state and see other units' entries only once published; its handlers, agents and supervisors read
 * everything published and no drafts.
 */
import type { Access, Where } from 'payload'

import { type AccessUser, actingUnitId, hasRole, isStaff, KNOWLEDGE_UNIT_ROLES, READER_ROLES } from '../domain/roles'
import { currentState, editableInState } from '../domain/workflow/entryWorkflow'

const published: Where = { _status: { equals: 'published' } }
const ofUnit = (unit: string | number): Where => ({ unit: { equals: unit } })
/** The unit whose drafts the user maintains, if any. */
const knowledgeUnit = (user: AccessUser | null) =>
  hasRole(user, ...KNOWLEDGE_UNIT_ROLES) ? actingUnitId(user) : undefined

export const readEntries: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (!user) return false
  if (isStaff(user)) return true
  const unit = knowledgeUnit(user)
  if (unit !== undefined) return { or: [ofUnit(unit), published] }
  return hasRole(user, ...READER_ROLES, 'unit-handler') ? published : false
}

/** Versions (drafts in progress, history) never leave the owning unit. */
export const readEntryVersions: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user)) return true
  const unit = knowledgeUnit(user)
  return unit !== undefined ? { 'version.unit': { equals: unit } } : false
}

export const createEntries: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  return isStaff(user) || (hasRole(user, 'unit-editor') && actingUnitId(user) !== undefined)
}

/**
 * Content is edited by the unit's editors (the workflow hook also refuses edits during review, with
 * its reason): a unit reviewer only reviews, and gets a read-only form in the admin. Asked about one
 * entry with its workflow state (the admin's edit view passes the version it shows), an entry under
 * review is not the editor's to change either, so the form is read-only; the workflow panel says why.
 */
export const updateEntries: Access = ({ req, data }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user)) return true
  const unit = hasRole(user, 'unit-editor') ? actingUnitId(user) : undefined
  if (unit === undefined) return false
  if (data?.workflowState && !editableInState(currentState(data))) return false
  return ofUnit(unit)
}

/**
 * Deleting removes an entry with its history: hotline staff only (hooks/entryRestoreAndDelete.ts then
 * allows never-published or archived entries and audits it). Published knowledge is archived instead.
 */
export const deleteEntries: Access = ({ req }) => isStaff(req.user as AccessUser | null)
