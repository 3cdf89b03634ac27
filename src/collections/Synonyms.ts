import type { CollectionConfig } from 'payload'

import { authenticated, staffOnly } from '../access/common'
import { queueSearchSettings } from '../hooks/queueSearchSettings'
import { refuseUnusableSynonym } from '../hooks/refuseUnusableSynonym'

/**
 * Synonyms kb-admins maintain for search: a group of equivalent terms, or root → one-way terms; the
 * colloquial lexicon (口语词 → official terms) is kept here as one-way rules.
 */
export const Synonyms: CollectionConfig = {
  slug: 'search-synonyms',
  labels: { singular: '同义词', plural: '同义词' },
  admin: { useAsTitle: 'label', defaultColumns: ['label', 'kind', 'root', 'terms', 'active'], group: '知识库' },
  access: { read: authenticated, create: staffOnly, update: staffOnly, delete: staffOnly },
  fields: [
    {
      name: 'kind',
      label: '类别',
      type: 'select',
      defaultValue: 'synonym',
      options: [
        { value: 'synonym', label: '同义词' },
        { value: 'colloquial', label: '口语词' },
      ],
    },
    {
      name: 'root',
      label: '单向词根',
      type: 'text',
      admin: { description: '填写后为单向：查询词根时也匹配下列词，反之不然；留空则下列词互为同义词' },
    },
    { name: 'terms', label: '同义词', type: 'text', hasMany: true, required: true, minRows: 1 },
    { name: 'active', label: '启用', type: 'checkbox', defaultValue: true },
    { name: 'label', type: 'text', admin: { hidden: true } },
  ],
  hooks: {
    beforeValidate: [refuseUnusableSynonym],
    beforeChange: [({ data }) => ({ ...data, label: [data.root, ...(data.terms ?? [])].filter(Boolean).join(' / ') })],
    afterChange: [queueSearchSettings],
    afterDelete: [queueSearchSettings],
  },
}
