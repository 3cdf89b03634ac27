import type { Access, FieldAccess } from 'payload'

import { type AccessUser, hasRole, isStaff } from '../domain/roles'

export const authenticated: Access = ({ req }) => Boolean(req.user)

export const staffOnly: Access = ({ req }) => isStaff(req.user as AccessUser | null)

export const adminOnly: Access = ({ req }) => hasRole(req.user as AccessUser | null, 'admin')

export const adminOnlyField: FieldAccess = ({ req }) => hasRole(req.user as AccessUser | null, 'admin')

/** Append-only records and other things no API may do. */
export const nobody: Access = () => false
