import type { CollectionConfig } from 'payload'

import { adminOnly, adminOnlyField } from '../../access/common'
import { env } from '../../config/env'
import { type AccessUser, hasRole, isStaff, ROLES, UNIT_ROLES } from '../../domain/roles'
import { phoneField } from '../../fields/phone'

/** Staff read everyone; other users read and edit only themselves (never their roles or unit). */
const selfOrStaff = ({ req }: { req: { user: unknown } }) => {
  const user = req.user as AccessUser | null
  if (!user) return false
  return isStaff(user) || { id: { equals: user.id } }
}

const selfOrAdmin = ({ req }: { req: { user: unknown } }) => {
  const user = req.user as AccessUser | null
  if (!user) return false
  return hasRole(user, 'admin') || { id: { equals: user.id } }
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: { singular: '用户', plural: '用户' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'email', 'roles', 'unit'], group: '系统' },
  auth: {
    maxLoginAttempts: env().loginMaxAttempts,
    lockTime: env().loginLockMs,
    tokenExpiration: 8 * 3600, // one working shift
  },
  access: {
    admin: ({ req }) => Boolean(req.user),
    read: selfOrStaff,
    create: adminOnly,
    update: selfOrAdmin,
    delete: adminOnly,
    unlock: adminOnly,
  },
  fields: [
    { name: 'name', label: '姓名', type: 'text', required: true },
    {
      name: 'roles',
      label: '角色',
      type: 'select',
      hasMany: true,
      required: true,
      options: ROLES.map((r) => ({ ...r })),
      access: { create: adminOnlyField, update: adminOnlyField },
    },
    {
      name: 'unit',
      label: '所属单位',
      type: 'relationship',
      relationTo: 'units',
      access: { create: adminOnlyField, update: adminOnlyField },
      validate: (value: unknown, { siblingData }: { siblingData: { roles?: string[] } }) =>
        value || !siblingData.roles?.some((r) => (UNIT_ROLES as string[]).includes(r))
          ? true
          : '单位编辑和单位审核员必须选择所属单位',
    },
    phoneField({ name: 'phone', label: '联系电话' }),
  ],
}
