import { AuthenticationError, type CollectionConfig, LockedAuth } from 'payload'

import { adminOnly, adminOnlyField } from '../../access/common'
import { env } from '../../config/env'
import { type AccessUser, hasRole, isStaff, ROLES, UNIT_ROLES } from '../../domain/roles'
import { phoneField } from '../../fields/phone'
import { checkPasswordChange } from '../../hooks/passwordChange'

const LOGIN_FAILED = '邮箱或密码错误；多次失败后账号将被暂时锁定，请稍后再试或联系管理员'

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
    // The idle timeout: the admin and the console renew the session while the user is active.
    tokenExpiration: env().sessionIdleSeconds,
    cookies: { secure: env().secureCookies, sameSite: 'Lax' },
  },
  hooks: {
    beforeValidate: [checkPasswordChange],
    // Wrong password and locked account read the same: a caller cannot learn which accounts exist.
    afterError: [
      ({ error }) =>
        error instanceof AuthenticationError || error instanceof LockedAuth
          ? { status: 401, response: { errors: [{ message: LOGIN_FAILED }], message: LOGIN_FAILED } }
          : undefined,
    ],
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
    {
      name: 'currentPassword',
      label: '当前密码',
      type: 'text',
      virtual: true,
      admin: {
        description: '修改本人密码时必填',
        condition: (data, _siblingData, { user }) => Boolean(user && data?.id && String(user.id) === String(data.id)),
        components: { Field: '/src/components/CurrentPasswordField#CurrentPasswordField' },
      },
      // Never stored, never returned.
      hooks: { afterRead: [() => undefined] },
    },
  ],
}
