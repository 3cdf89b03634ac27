import type { CollectionConfig } from 'payload'

import { nobody, staffOnly } from '../access/common'

/**
 * 检索日志: searches counted per day × audience × masked query (src/domain/knowledge/searchLog.ts);
 * never who searched. Written in batches by the server, pruned after SEARCH_LOG_RETENTION_DAYS;
 * read in 检索分析 (/admin/search-analytics). kb-admins and admins only.
 */
export const SearchLog: CollectionConfig = {
  slug: 'search-log',
  labels: { singular: '检索日志', plural: '检索日志' },
  admin: {
    useAsTitle: 'query',
    defaultColumns: ['day', 'audience', 'query', 'searches', 'noHit', 'noConfident', 'used'],
    group: '知识库',
    description: '按日、来源和查询汇总的检索次数（查询已脱敏，不记录检索人）。汇总与导出见“检索分析”。',
  },
  access: { read: staffOnly, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-day',
  indexes: [{ fields: ['day', 'audience', 'query'], unique: true }],
  fields: [
    { name: 'day', label: '日期', type: 'text', required: true, index: true },
    {
      name: 'audience',
      label: '来源',
      type: 'select',
      required: true,
      options: [
        { label: '坐席', value: 'agent' },
        { label: '公众', value: 'public' },
      ],
    },
    { name: 'query', label: '查询（已脱敏）', type: 'text', required: true },
    { name: 'category', label: '首条结果分类', type: 'text' },
    { name: 'searches', label: '检索次数', type: 'number', defaultValue: 0 },
    { name: 'noHit', label: '无结果', type: 'number', defaultValue: 0 },
    { name: 'noConfident', label: '无可信结果', type: 'number', defaultValue: 0 },
    { name: 'used', label: '结果被使用', type: 'number', defaultValue: 0 },
  ],
}
