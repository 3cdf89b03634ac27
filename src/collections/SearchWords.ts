import type { CollectionConfig } from 'payload'

import { authenticated, staffOnly } from '../access/common'
import { queueSearchSettings } from '../hooks/queueSearchSettings'

/** The jieba user dictionary: hotline vocabulary the segmenter keeps whole (社保卡, 公积金 …). */
export const SearchWords: CollectionConfig = {
  slug: 'search-words',
  labels: { singular: '热线词典', plural: '热线词典' },
  admin: {
    useAsTitle: 'word',
    defaultColumns: ['word', 'note', 'active'],
    group: '知识库',
    description: '检索时作为整词切分的热线词汇；修改后搜索索引会自动重建',
  },
  access: { read: authenticated, create: staffOnly, update: staffOnly, delete: staffOnly },
  fields: [
    {
      name: 'word',
      label: '词语',
      type: 'text',
      required: true,
      unique: true,
      validate: (v: unknown) =>
        typeof v === 'string' && /^\S{2,20}$/u.test(v.trim()) ? true : '词语须为 2–20 个字，不含空格',
    },
    { name: 'note', label: '说明', type: 'text' },
    { name: 'active', label: '启用', type: 'checkbox', defaultValue: true },
  ],
  hooks: { afterChange: [queueSearchSettings], afterDelete: [queueSearchSettings] },
}
