import type { CollectionConfig } from 'payload'

import { nobody } from '../access/common'
import { readSupervision, staffOrSupervisor } from '../access/ownRecords'
import { SUPERVISION_REASONS, SUPERVISION_STATUSES } from '../domain/supervision/staleKnowledge'
import { notifyOnManualOpen, prepareSupervisionItem } from '../hooks/supervisionLifecycle'

/** 督办: stale or wrong knowledge, or a late or refused work order, held against a unit with a working-day deadline. */
export const SupervisionItems: CollectionConfig = {
  slug: 'supervision-items',
  labels: { singular: '督办事项', plural: '督办事项' },
  admin: {
    useAsTitle: 'subjectLabel',
    defaultColumns: ['createdAt', 'unit', 'subjectLabel', 'reason', 'deadline', 'status'],
    group: '工作台',
  },
  access: { read: readSupervision, create: staffOrSupervisor, update: staffOrSupervisor, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    { name: 'subjectLabel', label: '督办对象', type: 'text', admin: { readOnly: true } },
    { name: 'entry', label: '知识条目', type: 'relationship', relationTo: 'knowledge-entries', index: true },
    { name: 'workOrder', label: '工单', type: 'relationship', relationTo: 'work-orders', index: true },
    { name: 'subjectKey', type: 'text', index: true, admin: { hidden: true } },
    {
      name: 'unit',
      label: '被督办单位',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'reason',
      label: '督办原因',
      type: 'select',
      required: true,
      defaultValue: 'wrong_info',
      options: SUPERVISION_REASONS.map((r) => ({ ...r })),
    },
    { name: 'description', label: '问题描述', type: 'textarea' },
    { name: 'errorReport', label: '来源纠错反馈', type: 'relationship', relationTo: 'error-reports' },
    {
      name: 'status',
      label: '状态',
      type: 'select',
      defaultValue: 'open',
      index: true,
      options: SUPERVISION_STATUSES.map((s) => ({ ...s })),
    },
    {
      name: 'openedAt',
      label: '立项时间',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'openedBy', label: '立项人', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    {
      name: 'deadline',
      label: '办结期限',
      type: 'date',
      index: true,
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    { name: 'escalatedAt', label: '升级时间', type: 'date', admin: { readOnly: true } },
    { name: 'closedAt', label: '办结时间', type: 'date', admin: { readOnly: true } },
    { name: 'closedBy', label: '办结人', type: 'relationship', relationTo: 'users', admin: { readOnly: true } },
    { name: 'closeNote', label: '办结说明', type: 'textarea' },
    { name: 'rectification', label: '整改反馈', type: 'textarea', admin: { readOnly: true } },
    { name: 'rectifiedAt', label: '反馈时间', type: 'date', admin: { readOnly: true } },
    { name: 'reviewNote', label: '督办员意见', type: 'textarea', admin: { readOnly: true } },
  ],
  hooks: { beforeChange: [prepareSupervisionItem], afterChange: [notifyOnManualOpen] },
}
