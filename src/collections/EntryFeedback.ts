import type { CollectionConfig } from 'payload'

import { nobody, staffOnly } from '../access/common'

/** "这条信息有帮助吗" answers from the public site; counted per entry for the kb-admins. */
export const EntryFeedback: CollectionConfig = {
  slug: 'entry-feedback',
  labels: { singular: '信息反馈', plural: '信息反馈' },
  admin: { useAsTitle: 'code', defaultColumns: ['createdAt', 'code', 'helpful'], group: '知识库' },
  access: { read: staffOnly, create: nobody, update: nobody, delete: staffOnly },
  defaultSort: '-createdAt',
  fields: [
    { name: 'entry', label: '知识条目', type: 'relationship', relationTo: 'knowledge-entries', index: true },
    { name: 'code', label: '知识编号', type: 'text', index: true },
    { name: 'helpful', label: '有帮助', type: 'checkbox', defaultValue: false },
  ],
}
