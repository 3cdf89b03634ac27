/**
 * Who sees and changes knowledge entries. Unit roles own their unit's entries in every state and see
 * other units' entries only once published; agents and supervisors read everything published.
 */
import type { Access, Where } from 'payload'

import { type AccessUser, actingUnitId, hasRole, isStaff, READER_ROLES, UNIT_ROLES } from '../domain/roles'

const published: Where = { _status: { equals: 'published' } }
const draft: Where = { _status: { equals: 'draft' } }
const ofUnit = (unit: string | number): Where => ({ unit: { equals: unit } })

export const readEntries: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (!user) return false
  if (isStaff(user)) return true
  const unit = actingUnitId(user)
  if (unit !== undefined) return { or: [ofUnit(unit), published] }
  return hasRole(user, ...READER_ROLES) ? published : false
}

/** Versions (drafts in progress, history) never leave the owning unit. */
export const readEntryVersions: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user)) return true
  const unit = actingUnitId(user)
  return unit !== undefined ? { 'version.unit': { equals: unit } } : false
}

export const createEntries: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  return isStaff(user) || (hasRole(user, 'unit-editor') && actingUnitId(user) !== undefined)
}

export const updateEntries: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user)) return true
  const unit = actingUnitId(user)
  return unit !== undefined && hasRole(user, ...UNIT_ROLES) ? ofUnit(unit) : false
}

/** Published knowledge is archived, not deleted (workflow issue); editors may delete own drafts. */
export const deleteEntries: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user)) return true
  const unit = actingUnitId(user)
  return unit !== undefined && hasRole(user, 'unit-editor') ? { and: [ofUnit(unit), draft] } : false
}
