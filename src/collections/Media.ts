import type { CollectionConfig } from 'payload'

import { authenticated } from '../access/common'
import { env } from '../config/env'
import { type AccessUser, actingUnitId, hasRole, isStaff } from '../domain/roles'

/** Attachments of knowledge entries: local disk under DATA_DIR in the embedded default. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '附件', plural: '附件' },
  admin: { group: '知识库' },
  access: {
    read: authenticated,
    create: ({ req }) => isStaff(req.user as AccessUser) || hasRole(req.user as AccessUser, 'unit-editor'),
    update: ({ req }) => ownUnitOrStaff(req.user as AccessUser),
    delete: ({ req }) => ownUnitOrStaff(req.user as AccessUser),
  },
  upload: { staticDir: env().mediaDir },
  fields: [
    { name: 'alt', label: '说明', type: 'text' },
    {
      name: 'unit',
      label: '所属单位',
      type: 'relationship',
      relationTo: 'units',
      defaultValue: ({ user }) => actingUnitId(user as AccessUser),
      access: { update: ({ req }) => isStaff(req.user as AccessUser) },
    },
  ],
}

function ownUnitOrStaff(user: AccessUser | null) {
  if (isStaff(user)) return true
  const unit = actingUnitId(user)
  return unit !== undefined && hasRole(user, 'unit-editor') ? { unit: { equals: unit } } : false
}
