/**
 * Who reads attachments. A unit's internal attachments (the default) stay with that unit and hotline
 * staff; attachments marked public (those shown with published public entries) are readable by every
 * signed-in user. Anonymous visitors read none through the API.
 */
import type { Access, Where } from 'payload'

import { type AccessUser, actingUnitId, hasRole, isStaff } from '../domain/roles'

const publicMedia: Where = { audience: { equals: 'public' } }

export const readMedia: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (!user) return false
  if (isStaff(user)) return true
  const unit = actingUnitId(user)
  return unit !== undefined ? { or: [{ unit: { equals: unit } }, publicMedia] } : publicMedia
}

/** Uploading and maintaining attachments: hotline staff, and a unit's editors for their unit's. */
export const createMedia: Access = ({ req }) =>
  isStaff(req.user as AccessUser | null) || hasRole(req.user as AccessUser | null, 'unit-editor')

export const changeMedia: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user)) return true
  const unit = actingUnitId(user)
  return unit !== undefined && hasRole(user, 'unit-editor') ? { unit: { equals: unit } } : false
}
