import type { CollectionConfig } from 'payload'

import { authenticated, staffOnly } from '../access/common'
import { wholeNumberField } from '../fields/wholeNumber'
import { dropReferenceCopy } from '../hooks/dropReferenceCopy'

/** The hotline's knowledge catalog (知识库目录): a two-level tree set by the hotline. */
export const Categories: CollectionConfig = {
  slug: 'categories',
  labels: { singular: '知识库目录', plural: '知识库目录' },
  admin: { useAsTitle: 'path', defaultColumns: ['path', 'code', 'order'], group: '基础数据' },
  access: { read: authenticated, create: staffOnly, update: staffOnly, delete: staffOnly },
  defaultSort: 'order',
  fields: [
    { name: 'name', label: '名称', type: 'text', required: true },
    { name: 'code', label: '目录编码', type: 'text', required: true, unique: true, index: true },
    { name: 'parent', label: '上级目录', type: 'relationship', relationTo: 'categories' },
    wholeNumberField({ name: 'order', label: '排序', defaultValue: 0 }, { min: -1_000_000, max: 1_000_000 }),
    // "一级/二级", kept so that imports can match a category by its full path.
    { name: 'path', label: '完整路径', type: 'text', unique: true, index: true, admin: { readOnly: true } },
  ],
  hooks: {
    ...dropReferenceCopy('categories'),
    beforeChange: [
      async ({ data, req }) => {
        const parentId = data.parent && typeof data.parent === 'object' ? data.parent.id : data.parent
        if (!parentId) return { ...data, path: data.name }
        const parent = await req.payload.findByID({ collection: 'categories', id: parentId, depth: 0, req })
        return { ...data, path: `${parent.path}/${data.name}` }
      },
    ],
  },
}
