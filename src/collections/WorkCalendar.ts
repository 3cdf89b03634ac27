import type { CollectionConfig } from 'payload'

import { authenticated, staffOnly } from '../access/common'
import { dayField } from '../fields/day'
import { dropReferenceCopy } from '../hooks/dropReferenceCopy'

/** Official holidays and make-up workdays (调休): the basis of every working-day deadline. */
export const WorkCalendar: CollectionConfig = {
  slug: 'work-calendar',
  labels: { singular: '工作日历', plural: '工作日历' },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['date', 'kind', 'name'],
    group: '基础数据',
    description: '法定节假日与调休上班日；周一至周五为工作日，周末休息，除非此处另有规定',
  },
  access: { read: authenticated, create: staffOnly, update: staffOnly, delete: staffOnly },
  hooks: dropReferenceCopy('limits'),
  defaultSort: 'date',
  fields: [
    { ...dayField('date', '日期'), required: true, unique: true },
    {
      name: 'kind',
      label: '类型',
      type: 'select',
      required: true,
      options: [
        { value: 'holiday', label: '放假' },
        { value: 'workday', label: '调休上班' },
      ],
    },
    { name: 'name', label: '名称', type: 'text', required: true },
  ],
}
