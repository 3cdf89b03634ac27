import type { CollectionConfig } from 'payload'

import { authenticated, staffOnly } from '../access/common'
import { queueSearchSettings } from '../hooks/queueSearchSettings'

/** Pinned answers: for a query, the entries kb-admins put first (Typesense curation). */
export const SearchPins: CollectionConfig = {
  slug: 'search-pins',
  labels: { singular: '置顶答案', plural: '置顶答案' },
  admin: {
    useAsTitle: 'query',
    defaultColumns: ['query', 'entries', 'active'],
    group: '知识库',
    description: '来电高频问题的标准答案：查询词相同（忽略语气词）时，所选条目排在最前；公众仍只能看到公开条目',
  },
  access: { read: authenticated, create: staffOnly, update: staffOnly, delete: staffOnly },
  fields: [
    { name: 'query', label: '查询词', type: 'text', required: true, unique: true, maxLength: 200 },
    {
      name: 'entries',
      label: '置顶条目（按顺序）',
      type: 'relationship',
      relationTo: 'knowledge-entries',
      hasMany: true,
      required: true,
      minRows: 1,
      maxRows: 5,
    },
    { name: 'note', label: '说明', type: 'text' },
    { name: 'active', label: '启用', type: 'checkbox', defaultValue: true },
  ],
  hooks: { afterChange: [queueSearchSettings], afterDelete: [queueSearchSettings] },
}
