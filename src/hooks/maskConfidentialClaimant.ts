import type { CollectionAfterReadHook } from 'payload'

import type { AccessUser } from '../domain/roles'
import { CONFIDENTIAL_LABEL, hidesClaimantFrom } from '../domain/workOrders/confidentiality'

/** Payload's REST API and the admin show a handler （保密） for a confidential claimant, as /api/v1 does. */
export const maskConfidentialClaimant: CollectionAfterReadHook = ({ doc, req }) => {
  if (!doc?.claimant || !hidesClaimantFrom(doc.claimant, req.user as AccessUser | null)) return doc
  return {
    ...doc,
    claimant: {
      ...doc.claimant,
      nameMasked: CONFIDENTIAL_LABEL,
      phoneMasked: CONFIDENTIAL_LABEL,
      idMasked: CONFIDENTIAL_LABEL,
    },
  }
}
