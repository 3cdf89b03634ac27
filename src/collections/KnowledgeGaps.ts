import type { CollectionConfig } from 'payload'

import { nobody, staffOnly } from '../access/common'

/** 知识缺口: a consultation the knowledge base could not answer, for the kb-admins to fill. */
export const KnowledgeGaps: CollectionConfig = {
  slug: 'knowledge-gaps',
  labels: { singular: '知识缺口', plural: '知识缺口' },
  admin: {
    useAsTitle: 'question',
    defaultColumns: ['createdAt', 'category', 'question', 'orderNumber', 'status'],
    group: '知识库',
  },
  access: { read: staffOnly, create: nobody, update: staffOnly, delete: nobody },
  defaultSort: 'category',
  fields: [
    { name: 'question', label: '来电问题', type: 'textarea', required: true },
    { name: 'category', label: '诉求分类', type: 'relationship', relationTo: 'categories', index: true },
    { name: 'order', label: '工单', type: 'relationship', relationTo: 'work-orders', admin: { readOnly: true } },
    { name: 'orderNumber', label: '工单编号', type: 'text', admin: { readOnly: true } },
    {
      name: 'status',
      label: '状态',
      type: 'select',
      defaultValue: 'open',
      index: true,
      options: [
        { value: 'open', label: '待补充' },
        { value: 'filled', label: '已补充' },
        { value: 'dismissed', label: '无需补充' },
      ],
    },
    { name: 'entry', label: '补充的知识条目', type: 'relationship', relationTo: 'knowledge-entries' },
  ],
}
