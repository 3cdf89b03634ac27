import type { CollectionConfig } from 'payload'

import { adminOnly, nobody } from '../access/common'

/**
 * Every processing of claimants' personal data beyond the masked view: unmasking, export and erasure
 * on a claimant's request, and each run of the retention job. Who, which orders, which fields, why.
 * Append-only.
 */
export const PersonalDataLog: CollectionConfig = {
  slug: 'personal-data-log',
  labels: { singular: '个人信息查看记录', plural: '个人信息查看记录' },
  admin: {
    useAsTitle: 'orderNumber',
    defaultColumns: ['createdAt', 'action', 'orderNumber', 'actorName', 'fields', 'reason'],
    group: '系统',
  },
  access: { read: adminOnly, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'action',
      label: '操作',
      type: 'select',
      defaultValue: 'unmask',
      index: true,
      options: [
        { value: 'unmask', label: '查看完整信息' },
        { value: 'export', label: '应本人申请导出' },
        { value: 'erase', label: '应本人申请删除' },
        { value: 'retention', label: '保留期满自动匿名化' },
      ],
    },
    { name: 'order', label: '工单', type: 'relationship', relationTo: 'work-orders', index: true },
    { name: 'orderNumber', label: '工单编号', type: 'text', index: true },
    { name: 'actor', label: '查看人', type: 'relationship', relationTo: 'users' },
    { name: 'actorName', label: '查看人姓名', type: 'text' },
    { name: 'roles', label: '角色', type: 'text' },
    { name: 'fields', label: '查看字段', type: 'text' },
    { name: 'reason', label: '事由', type: 'textarea', required: true },
    { name: 'count', label: '涉及工单数', type: 'number' },
    { name: 'orderNumbers', label: '涉及工单', type: 'textarea' },
  ],
}
