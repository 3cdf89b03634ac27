import type { Access, FieldAccess } from 'payload'

import type { AccessUser } from '../domain/roles'
import { visibleOrdersWhere } from '../domain/workOrders/visibility'

/** Hotline desks see every order; a unit's handlers the orders their unit works on (one rule: visibility.ts). */
export const readWorkOrders: Access = ({ req }) => visibleOrdersWhere(req.user as AccessUser | null)

/** Ciphertext and keyed hashes never leave the server through any API. */
export const neverRead: FieldAccess = () => false

/**
 * Fields the flow writes (state, deadlines, counters, timeline, the claimant's protected data): no REST
 * or admin request may set them, for any role; the flow's services write them with overrideAccess.
 */
export const flowOnly = { create: () => false, update: () => false }
