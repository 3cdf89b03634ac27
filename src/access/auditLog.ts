import type { Access } from 'payload'

import { type AccessUser, actingUnitId, hasRole, isStaff } from '../domain/roles'

/** Hotline staff and supervisors read the whole log; a unit's people read what concerns their unit. */
export const readAuditLog: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user) || hasRole(user, 'supervisor')) return true
  const unit = actingUnitId(user)
  return unit !== undefined ? { unit: { equals: unit } } : false
}
