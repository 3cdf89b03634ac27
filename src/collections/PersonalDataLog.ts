import type { CollectionConfig } from 'payload'

import { adminOnly, nobody } from '../access/common'

/** Every unmasking of a claimant's personal data: who, which order, which fields, why. Append-only. */
export const PersonalDataLog: CollectionConfig = {
  slug: 'personal-data-log',
  labels: { singular: '个人信息查看记录', plural: '个人信息查看记录' },
  admin: {
    useAsTitle: 'orderNumber',
    defaultColumns: ['createdAt', 'orderNumber', 'actorName', 'fields', 'reason'],
    group: '系统',
  },
  access: { read: adminOnly, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    { name: 'order', label: '工单', type: 'relationship', relationTo: 'work-orders', index: true },
    { name: 'orderNumber', label: '工单编号', type: 'text', index: true },
    { name: 'actor', label: '查看人', type: 'relationship', relationTo: 'users' },
    { name: 'actorName', label: '查看人姓名', type: 'text' },
    { name: 'roles', label: '角色', type: 'text' },
    { name: 'fields', label: '查看字段', type: 'text' },
    { name: 'reason', label: '事由', type: 'textarea', required: true },
  ],
}
