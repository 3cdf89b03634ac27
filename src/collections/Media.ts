import type { CollectionConfig } from 'payload'

import { changeMedia, createMedia, readMedia } from '../access/media'
import { env } from '../config/env'
import { AUDIENCES } from '../domain/knowledge/entryTypes'
import { type AccessUser, actingUnitId, isStaff } from '../domain/roles'

/** Attachments of knowledge entries: local disk under DATA_DIR in the embedded default. */
export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: '附件', plural: '附件' },
  admin: { group: '知识库' },
  access: { read: readMedia, create: createMedia, update: changeMedia, delete: changeMedia },
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
    {
      name: 'audience',
      label: '公开范围',
      type: 'select',
      required: true,
      // Internal unless someone decides otherwise: a unit's attachments stay with the unit.
      defaultValue: 'internal',
      options: AUDIENCES.map((a) => ({ ...a })),
      admin: { description: '内部：仅本单位和热线管理员可见；公开：所有登录用户可见（随公开条目展示）' },
    },
  ],
}
