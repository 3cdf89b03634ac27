import type { CollectionConfig } from 'payload'

import { authenticated, adminOnly } from '../access/common'
import { ORDER_TYPES, SLA_KINDS, URGENCIES } from '../domain/workOrders/orderTypes'
import { wholeNumberField } from '../fields/wholeNumber'
import { dropReferenceCopy } from '../hooks/dropReferenceCopy'

/** Time limits as data: by kind, order type, urgency and complexity; the most specific rule applies. */
export const SlaRules: CollectionConfig = {
  slug: 'sla-rules',
  labels: { singular: '时限规则', plural: '时限规则' },
  admin: {
    useAsTitle: 'label',
    defaultColumns: ['label', 'kind', 'orderType', 'urgency', 'workingDays', 'hours'],
    group: '工单',
  },
  access: { read: authenticated, create: adminOnly, update: adminOnly, delete: adminOnly },
  hooks: dropReferenceCopy('limits'),
  fields: [
    { name: 'label', label: '名称', type: 'text', required: true },
    { name: 'kind', label: '类别', type: 'select', required: true, options: SLA_KINDS.map((k) => ({ ...k })) },
    { name: 'orderType', label: '诉求类型（空为全部）', type: 'select', options: ORDER_TYPES.map((t) => ({ ...t })) },
    { name: 'urgency', label: '紧急程度（空为全部）', type: 'select', options: URGENCIES.map((u) => ({ ...u })) },
    { name: 'complex', label: '仅复杂工单', type: 'checkbox', defaultValue: false },
    wholeNumberField({ name: 'workingDays', label: '工作日' }, { min: 0, max: 365 }),
    wholeNumberField({ name: 'workingHours', label: '工作小时（仅计工作日）' }, { min: 0, max: 8760 }),
    wholeNumberField({ name: 'hours', label: '自然小时（优先于工作日）' }, { min: 0, max: 8760 }),
  ],
}
