import type { CollectionConfig, FieldAccess } from 'payload'

import { nobody } from '../access/common'
import { ownNotifications } from '../access/ownRecords'
import { NOTIFICATION_KINDS } from '../domain/notifications'

/** Only `read` is the recipient's to change. */
const serverOnly: FieldAccess = () => false

/** In-app notifications; written by the server, read and marked read by their recipient. */
export const Notifications: CollectionConfig = {
  slug: 'notifications',
  labels: { singular: '消息通知', plural: '消息通知' },
  admin: { useAsTitle: 'title', defaultColumns: ['createdAt', 'kind', 'title', 'read'], group: '工作台' },
  access: { read: ownNotifications, update: ownNotifications, create: nobody, delete: nobody },
  defaultSort: '-createdAt',
  fields: [
    {
      name: 'recipient',
      label: '接收人',
      type: 'relationship',
      relationTo: 'users',
      required: true,
      index: true,
      access: { update: serverOnly },
    },
    {
      name: 'kind',
      label: '类型',
      type: 'select',
      options: NOTIFICATION_KINDS.map((k) => ({ ...k })),
      required: true,
      access: { update: serverOnly },
    },
    { name: 'title', label: '标题', type: 'text', required: true, access: { update: serverOnly } },
    { name: 'message', label: '内容', type: 'textarea', access: { update: serverOnly } },
    {
      name: 'entry',
      label: '知识条目',
      type: 'relationship',
      relationTo: 'knowledge-entries',
      access: { update: serverOnly },
    },
    {
      name: 'supervision',
      label: '督办事项',
      type: 'relationship',
      relationTo: 'supervision-items',
      access: { update: serverOnly },
    },
    // One alert per entry, threshold and due day: a re-run of the daily job finds it and skips.
    {
      name: 'dedupeKey',
      type: 'text',
      unique: true,
      index: true,
      admin: { hidden: true },
      access: { update: serverOnly },
    },
    { name: 'read', label: '已读', type: 'checkbox', defaultValue: false, index: true },
  ],
}
