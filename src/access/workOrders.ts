import type { Access, FieldAccess } from 'payload'

import { type AccessUser, actingUnitId, hasRole } from '../domain/roles'

/** Roles that work with every order: intake, dispatch, supervision, administration. */
export const ORDER_DESK_ROLES = ['admin', 'dispatcher', 'agent', 'supervisor'] as const

/** A unit's handlers see only the orders dispatched to their unit. */
export const readWorkOrders: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (hasRole(user, ...ORDER_DESK_ROLES)) return true
  const unit = actingUnitId(user)
  return hasRole(user, 'unit-handler') && unit !== undefined ? { unit: { equals: unit } } : false
}

/** Ciphertext and keyed hashes never leave the server through any API. */
export const neverRead: FieldAccess = () => false

/**
 * Fields the flow writes (state, deadlines, counters, timeline, the claimant's protected data): no REST
 * or admin request may set them, for any role; the flow's services write them with overrideAccess.
 */
export const flowOnly = { create: () => false, update: () => false }
