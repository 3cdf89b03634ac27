import path from 'node:path'

import type { CollectionConfig } from 'payload'

import { readOrderAttachments } from '../access/orderAttachments'
import { env } from '../config/env'
import { ATTACHMENT_MIME_TYPES } from '../domain/workOrders/orderAttachments'

/** Files attached to a unit's 确已尽责 explanation of an order; written only by the explanation action. */
export const OrderAttachments: CollectionConfig = {
  slug: 'order-attachments',
  labels: { singular: '工单附件', plural: '工单附件' },
  admin: { group: '工单', useAsTitle: 'filename', defaultColumns: ['filename', 'orderNumber', 'unit', 'createdAt'] },
  access: { read: readOrderAttachments, create: () => false, update: () => false, delete: () => false },
  upload: { staticDir: path.join(env().mediaDir, 'orders'), mimeTypes: [...ATTACHMENT_MIME_TYPES] },
  fields: [
    { name: 'order', label: '工单', type: 'relationship', relationTo: 'work-orders', required: true, index: true },
    { name: 'orderNumber', label: '工单编号', type: 'text', required: true },
    { name: 'unit', label: '上传单位', type: 'relationship', relationTo: 'units', required: true, index: true },
  ],
}
