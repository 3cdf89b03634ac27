import type { CollectionConfig } from 'payload'

import { readAuditLog } from '../access/auditLog'
import { nobody } from '../access/common'
import { AUDIT_ACTIONS, ENTRY_STATES } from '../domain/workflow/entryWorkflow'

/** Append-only record of every edit and workflow transition; written by the server only, never changed. */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: { singular: '审核记录', plural: '审核记录' },
  admin: {
    useAsTitle: 'summary',
    defaultColumns: ['createdAt', 'entryCode', 'action', 'from', 'to', 'actorName', 'comment'],
    group: '知识库',
    description: '知识条目每一次流转的记录（只读，任何人不能修改或删除）',
  },
  access: { read: readAuditLog, create: nobody, update: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    { name: 'entry', label: '知识条目', type: 'relationship', relationTo: 'knowledge-entries', index: true },
    { name: 'entryCode', label: '知识编号', type: 'text', index: true },
    { name: 'action', label: '操作', type: 'select', options: AUDIT_ACTIONS.map((a) => ({ ...a })), required: true },
    { name: 'from', label: '原状态', type: 'select', options: ENTRY_STATES.map((s) => ({ ...s })) },
    { name: 'to', label: '新状态', type: 'select', options: ENTRY_STATES.map((s) => ({ ...s })) },
    { name: 'comment', label: '说明', type: 'textarea' },
    { name: 'urgent', label: '紧急发布', type: 'checkbox', defaultValue: false },
    { name: 'actor', label: '操作人', type: 'relationship', relationTo: 'users' },
    { name: 'actorName', label: '操作人姓名', type: 'text' },
    { name: 'roles', label: '角色', type: 'text' },
    { name: 'unit', label: '承办单位', type: 'relationship', relationTo: 'units', index: true },
    { name: 'summary', type: 'text', admin: { hidden: true } },
  ],
}
