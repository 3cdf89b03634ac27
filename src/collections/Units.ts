import type { CollectionConfig } from 'payload'

import { authenticated, staffOnly } from '../access/common'
import { phoneField } from '../fields/phone'
import { dropReferenceCopy } from '../hooks/dropReferenceCopy'

export const UNIT_KINDS = [
  { value: 'city-department', label: '市级部门' },
  { value: 'district-government', label: '区级政府' },
  { value: 'street-township', label: '街道乡镇' },
  { value: 'public-service-company', label: '公共服务企业' },
  { value: 'other', label: '其他' },
]

export const Units: CollectionConfig = {
  slug: 'units',
  labels: { singular: '承办单位', plural: '承办单位' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'code', 'kind', 'district', 'active'], group: '基础数据' },
  access: { read: authenticated, create: staffOnly, update: staffOnly, delete: staffOnly },
  hooks: dropReferenceCopy('units'),
  fields: [
    { name: 'name', label: '单位名称', type: 'text', required: true, unique: true },
    { name: 'code', label: '单位编码', type: 'text', required: true, unique: true, index: true },
    {
      name: 'kind',
      label: '单位类型',
      type: 'select',
      required: true,
      options: UNIT_KINDS,
      defaultValue: 'city-department',
    },
    { name: 'parent', label: '上级单位', type: 'relationship', relationTo: 'units' },
    { name: 'district', label: '所属区域', type: 'text' },
    {
      name: 'liaison',
      label: '知识库联络人',
      type: 'group',
      fields: [{ name: 'name', label: '姓名', type: 'text' }, phoneField({ name: 'phone', label: '联系电话' })],
    },
    { name: 'active', label: '在用', type: 'checkbox', defaultValue: true },
  ],
}
