import type { CollectionConfig } from 'payload'

import { nobody, staffOnly } from '../access/common'
import { hotlineReaders, readErrorReports } from '../access/ownRecords'
import { stampErrorReport, superviseErrorReport } from '../hooks/errorReportTriage'

/** 纠错反馈: an agent reports wrong knowledge; a kb-admin turns it into supervision or dismisses it. */
export const ErrorReports: CollectionConfig = {
  slug: 'error-reports',
  labels: { singular: '纠错反馈', plural: '纠错反馈' },
  admin: {
    useAsTitle: 'description',
    defaultColumns: ['createdAt', 'entry', 'description', 'reportedBy', 'status'],
    group: '工作台',
  },
  access: { read: readErrorReports, create: hotlineReaders, update: staffOnly, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'entry',
      label: '知识条目',
      type: 'relationship',
      relationTo: 'knowledge-entries',
      required: true,
      index: true,
    },
    { name: 'description', label: '错误描述', type: 'textarea', required: true, maxLength: 2000 },
    { name: 'reportedBy', label: '反馈人', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    {
      name: 'reporterName',
      label: '反馈来源',
      type: 'text',
      admin: { readOnly: true, description: '通过 API 密钥反馈时为密钥名称' },
    },
    {
      name: 'status',
      label: '处理状态',
      type: 'select',
      defaultValue: 'new',
      index: true,
      options: [
        { value: 'new', label: '待处理' },
        { value: 'supervised', label: '已转督办' },
        { value: 'dismissed', label: '已驳回' },
      ],
    },
    { name: 'dismissReason', label: '驳回理由', type: 'textarea' },
    {
      name: 'supervision',
      label: '督办事项',
      type: 'relationship',
      relationTo: 'supervision-items',
      admin: { readOnly: true },
    },
  ],
  hooks: { beforeChange: [stampErrorReport], afterChange: [superviseErrorReport] },
}
