import { type AccessUser, hasRole } from '../roles'

/** What a handling unit sees of a claimant who asked for confidentiality (保密). */
export const CONFIDENTIAL_LABEL = '（保密）'

/**
 * A confidential claimant's identity, even masked, stays with the hotline (dispatchers, admins): the
 * handling unit sees （保密） wherever it reads the order.
 */
export const hidesClaimantFrom = (
  claimant: { confidential?: boolean | null } | null | undefined,
  viewer: AccessUser | null,
) => Boolean(claimant?.confidential) && hasRole(viewer, 'unit-handler') && !hasRole(viewer, 'admin', 'dispatcher')
