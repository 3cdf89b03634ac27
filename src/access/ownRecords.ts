import type { Access } from 'payload'

import { type AccessUser, actingUnitId, hasRole, isStaff, READER_ROLES } from '../domain/roles'

/** Notifications: each user reads and marks only their own. */
export const ownNotifications: Access = ({ req }) => (req.user ? { recipient: { equals: req.user.id } } : false)

/** Supervision items: hotline staff and supervisors see all; a unit sees those against it. */
export const readSupervision: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user) || hasRole(user, 'supervisor')) return true
  const unit = actingUnitId(user)
  return unit !== undefined ? { unit: { equals: unit } } : false
}

export const staffOrSupervisor: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  return isStaff(user) || hasRole(user, 'supervisor')
}

/** Error reports: hotline staff see all; an agent sees what they reported. */
export const readErrorReports: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user)) return true
  return user ? { reportedBy: { equals: user.id } } : false
}

export const hotlineReaders: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  return isStaff(user) || hasRole(user, ...READER_ROLES)
}
