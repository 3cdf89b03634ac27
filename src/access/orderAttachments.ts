/**
 * Who reads the files of a unit's 确已尽责 explanation: the hotline desks (who accept or refuse it), and
 * the handlers of the unit that attached them. Nobody writes them through the API: the explanation
 * action stores them (src/services/workOrderActions.ts).
 */
import type { Access } from 'payload'

import { type AccessUser, actingUnitId, hasRole } from '../domain/roles'
import { ORDER_DESK_ROLES } from '../domain/workOrders/visibility'

export const readOrderAttachments: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (hasRole(user, ...ORDER_DESK_ROLES)) return true
  const unit = actingUnitId(user)
  return hasRole(user, 'unit-handler') && unit !== undefined ? { unit: { equals: unit } } : false
}
