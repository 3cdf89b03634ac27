/**
 * Who may see a work order, its claimant and its links: one rule for access control, the services and
 * the MCP tools. Hotline desks see every order; a unit's handlers see the orders their unit handles
 * (dispatched to it, dispatched on to it as a child unit, or put to it in a 会商) and never a
 * confidential claimant's identity.
 */
import { type AccessUser, actingUnitId, hasRole, type Role } from '../roles'

/** Roles that work with every order: intake, dispatch, supervision, administration. */
export const ORDER_DESK_ROLES: readonly Role[] = ['admin', 'dispatcher', 'agent', 'supervisor']

export type OrderAudience = {
  unit?: string | number | null
  subUnit?: string | number | null
  consultUnits?: readonly (string | number)[] | null
  confidential?: boolean | null
}

const same = (a: unknown, b: unknown) => a != null && b != null && String(a) === String(b)

/** The units on whose behalf an order is worked: those its handlers may see it for. */
const unitsOf = (o: OrderAudience) => [o.unit, o.subUnit, ...(o.consultUnits ?? [])]

export function canSeeOrder(viewer: AccessUser | null | undefined, order: OrderAudience): boolean {
  if (hasRole(viewer, ...ORDER_DESK_ROLES)) return true
  const unit = actingUnitId(viewer)
  return hasRole(viewer, 'unit-handler') && unitsOf(order).some((u) => same(u, unit))
}

/** The same rule as a query condition (for access control and lists): true, false or a where clause. */
export function visibleOrdersWhere(
  viewer: AccessUser | null | undefined,
): boolean | { or: Record<string, Record<string, unknown>>[] } {
  if (hasRole(viewer, ...ORDER_DESK_ROLES)) return true
  const unit = actingUnitId(viewer)
  if (!hasRole(viewer, 'unit-handler') || unit === undefined) return false
  return { or: [{ unit: { equals: unit } }, { subUnit: { equals: unit } }, { consultUnits: { in: [unit] } }] }
}

/** A confidential claimant is hidden from the units; only the hotline desks see the masked identity. */
export const seesClaimant = (viewer: AccessUser | null | undefined, order: OrderAudience): boolean =>
  !order.confidential || hasRole(viewer, ...ORDER_DESK_ROLES)

/** Who may reveal the claimant in clear (each reveal is logged): dispatchers, admins, and the handling unit while it works on a non-confidential order. */
export function mayUnmask(
  viewer: AccessUser | null | undefined,
  order: OrderAudience & { state?: string | null },
): { allowed: true } | { allowed: false; message: string } {
  if (hasRole(viewer, 'admin', 'dispatcher')) return { allowed: true }
  const unit = actingUnitId(viewer)
  const handling =
    hasRole(viewer, 'unit-handler') &&
    (same(order.unit, unit) || same(order.subUnit, unit)) &&
    !['closed', 'called_back'].includes(order.state ?? '')
  if (handling && !order.confidential) return { allowed: true }
  return {
    allowed: false,
    message: order.confidential ? '诉求人要求保密，承办单位不能查看其身份信息' : '您无权查看诉求人的完整信息',
  }
}

/**
 * The orders from the same phone a viewer may be shown as possible duplicates: only those they may
 * see, and for a unit never across confidentiality — a confidential order's link would let the unit
 * identify (and unmask through the other order) a claimant who asked to stay unknown.
 */
export function visibleDuplicates<T extends OrderAudience & object>(
  viewer: AccessUser | null | undefined,
  order: OrderAudience,
  related: readonly T[],
): T[] {
  if (hasRole(viewer, ...ORDER_DESK_ROLES)) return [...related]
  if (order.confidential) return []
  return related.filter((r) => !r.confidential && canSeeOrder(viewer, r))
}
