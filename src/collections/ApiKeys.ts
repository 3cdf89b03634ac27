import type { CollectionConfig } from 'payload'

import { adminOnly } from '../access/common'
import { API_KEY_SCOPES, generateApiKey } from '../domain/apiKeys'
import { wholeNumberField } from '../fields/wholeNumber'
import { noteApiKeysChanged } from '../services/apiKeyChanges'

/**
 * Keys for agent tools and the MCP server. The secret is generated on create, shown once in the
 * response (`key`), and stored only as a hash; revoking sets revokedAt.
 */
export const ApiKeys: CollectionConfig = {
  slug: 'api-keys',
  labels: { singular: 'API 密钥', plural: 'API 密钥' },
  admin: { useAsTitle: 'name', defaultColumns: ['name', 'prefix', 'scopes', 'revokedAt', 'lastUsedAt'], group: '系统' },
  access: { read: adminOnly, create: adminOnly, update: adminOnly, delete: adminOnly },
  fields: [
    { name: 'name', label: '名称', type: 'text', required: true, unique: true },
    {
      name: 'scopes',
      label: '权限范围',
      type: 'select',
      hasMany: true,
      required: true,
      options: API_KEY_SCOPES.map((s) => ({ ...s })),
    },
    wholeNumberField(
      { name: 'rateLimitPerMinute', label: '每分钟请求上限', defaultValue: 600 },
      { min: 1, max: 1_000_000 },
    ),
    { name: 'prefix', label: '密钥前缀', type: 'text', admin: { readOnly: true } },
    { name: 'keyHash', type: 'text', index: true, hidden: true },
    { name: 'key', label: '密钥（仅创建时显示一次）', type: 'text', virtual: true, admin: { readOnly: true } },
    { name: 'revokedAt', label: '吊销时间', type: 'date' },
    { name: 'lastUsedAt', label: '最近使用', type: 'date', admin: { readOnly: true } },
  ],
  hooks: {
    beforeChange: [
      ({ data, operation, req }) => {
        if (operation !== 'create') return data
        const { key, hash, prefix } = generateApiKey()
        req.context.apiKey = key
        return { ...data, keyHash: hash, prefix }
      },
    ],
    afterChange: [
      ({ doc, operation, req }) => {
        noteApiKeysChanged()
        return operation === 'create' && req.context.apiKey ? { ...doc, key: req.context.apiKey } : doc
      },
    ],
    afterDelete: [() => noteApiKeysChanged()],
  },
}
