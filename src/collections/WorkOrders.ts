import type { CollectionConfig, Field } from 'payload'

import { adminOnly } from '../access/common'
import { flowOnly, neverRead, readWorkOrders } from '../access/workOrders'
import { QUEUE_CLOCKS } from '../domain/workOrders/clocks'
import { ORDER_STATES } from '../domain/workOrders/orderFlow'
import {
  CHANNELS,
  CLAIMANT_KINDS,
  NOT_ACCEPTED_REASONS,
  ORDER_TYPES,
  SATISFACTION,
  URGENCIES,
} from '../domain/workOrders/orderTypes'
import { maskConfidentialClaimant } from '../hooks/maskConfidentialClaimant'
import { keepReportFlags } from '../hooks/workOrderReportFlags'

const options = (list: readonly { value: string; label: string }[]) => list.map((o) => ({ ...o }))
const readOnly = { readOnly: true }
/**
 * What an admin may correct by hand: the description of the claim. Everything else (state, deadlines
 * and their inputs, counters, results, the timeline, the claimant's protected data) only the flow's
 * services write, with overrideAccess.
 */
const CORRECTABLE = new Set([
  'title',
  'content',
  'category',
  'district',
  'address',
  'respondent',
  'channel',
  'attachments',
  'related',
])
const lockFlowFields = (fields: Field[]): Field[] =>
  fields.map((f) =>
    'name' in f && !CORRECTABLE.has(f.name)
      ? ({ ...f, access: { ...(f as { access?: object }).access, ...flowOnly } } as Field)
      : f,
  )
const secret = (name: string): Field => ({ name, type: 'text', access: { read: neverRead }, admin: { hidden: true } })
const moment = (name: string, label: string): Field => ({
  name,
  label,
  type: 'date',
  admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
})

/**
 * 工单: the record of a claim's whole life. Written only through the work-order API
 * (src/services/workOrders.ts), which applies the flow; the admin reads them.
 */
export const WorkOrders: CollectionConfig = {
  slug: 'work-orders',
  labels: { singular: '工单', plural: '工单' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['number', 'title', 'type', 'state', 'unit', 'dueAt'],
    group: '工单',
    listSearchableFields: ['number', 'title'],
  },
  access: { read: readWorkOrders, create: adminOnly, update: adminOnly, delete: adminOnly },
  hooks: { beforeChange: [keepReportFlags], afterRead: [maskConfidentialClaimant] },
  defaultSort: '-number',
  // Reports group a period's orders in the database: the trend reads only the first index (no table
  // rows); the summary only the second, which holds every field it reads, so a period is a range of
  // index entries of ≈ 200 bytes, never the wide rows (timeline, texts) — the trend keeps the narrow one.
  // A unit's own report starts from its unit; queues of open orders read by state in deadline order.
  indexes: [
    { fields: ['createdAt', 'state', 'resolution', 'dispatchedAt'] },
    {
      fields: [
        'createdAt',
        'state',
        'resolution',
        'dispatchedAt',
        'repliedAt',
        'dueAt',
        'type',
        'channel',
        'district',
        'unit',
        'category',
        'explanationAccepted',
        'reportFlags',
        'address',
      ],
    },
    { fields: ['unit', 'createdAt'] },
    { fields: ['state', 'dueAt'] },
    // The round's repeated problems: one category's orders of the period.
    { fields: ['category', 'createdAt'] },
    // Intake's open orders of the same caller, newest first: stops after the first ten, however many
    // orders one phone has made.
    { fields: ['claimant.phoneHash', 'number'] },
  ],
  fields: lockFlowFields([
    { name: 'number', label: '工单编号', type: 'text', required: true, unique: true, index: true, admin: readOnly },
    {
      name: 'state',
      label: '状态',
      type: 'select',
      options: options(ORDER_STATES),
      defaultValue: 'intake',
      index: true,
      admin: readOnly,
    },
    {
      name: 'resolution',
      label: '办结方式',
      type: 'select',
      options: [
        { value: 'answered', label: '直接答复' },
        { value: 'not_accepted', label: '不予受理' },
        { value: 'handled', label: '承办办结' },
      ],
      admin: readOnly,
    },
    { name: 'channel', label: '来源渠道', type: 'select', options: options(CHANNELS), defaultValue: 'phone' },
    { name: 'type', label: '诉求类型', type: 'select', options: options(ORDER_TYPES), required: true, index: true },
    { name: 'urgency', label: '紧急程度', type: 'select', options: options(URGENCIES), defaultValue: 'normal' },
    { name: 'complex', label: '复杂工单', type: 'checkbox', defaultValue: false },
    { name: 'title', label: '标题', type: 'text', required: true },
    { name: 'content', label: '诉求内容', type: 'textarea', required: true },
    { name: 'category', label: '诉求分类', type: 'relationship', relationTo: 'categories' },
    { name: 'district', label: '区域', type: 'text', index: true },
    { name: 'address', label: '地址', type: 'text' },
    { name: 'respondent', label: '被投诉/举报对象', type: 'text' },
    { name: 'attachments', label: '附件', type: 'upload', relationTo: 'media', hasMany: true },
    {
      name: 'claimant',
      label: '诉求人',
      type: 'group',
      fields: [
        { name: 'kind', label: '诉求人类型', type: 'select', options: options(CLAIMANT_KINDS), defaultValue: 'person' },
        { name: 'companyName', label: '企业/组织名称', type: 'text' },
        { name: 'creditCode', label: '统一社会信用代码', type: 'text' },
        { name: 'nameMasked', label: '姓名', type: 'text', admin: readOnly },
        { name: 'phoneMasked', label: '电话', type: 'text', admin: readOnly },
        { name: 'idMasked', label: '证件号', type: 'text', admin: readOnly },
        secret('nameEnc'),
        secret('phoneEnc'),
        secret('idEnc'),
        { ...secret('phoneHash'), index: true } as Field,
        { name: 'anonymous', label: '匿名', type: 'checkbox', defaultValue: false },
        { name: 'confidential', label: '要求保密', type: 'checkbox', defaultValue: false },
        { name: 'noReply', label: '不需回复', type: 'checkbox', defaultValue: false },
      ],
    },
    { name: 'unit', label: '承办单位', type: 'relationship', relationTo: 'units', index: true, admin: readOnly },
    { name: 'subUnit', label: '二级承办单位', type: 'relationship', relationTo: 'units', index: true, admin: readOnly },
    // What intake suggested (src/services/intakeSuggestions.ts), kept to report suggestion accuracy.
    {
      name: 'suggestedCategory',
      label: '受理时建议分类',
      type: 'relationship',
      relationTo: 'categories',
      admin: { ...readOnly, position: 'sidebar' },
    },
    {
      name: 'suggestedUnit',
      label: '受理时建议承办单位',
      type: 'relationship',
      relationTo: 'units',
      admin: { ...readOnly, position: 'sidebar' },
    },
    { name: 'suggestions', type: 'json', admin: { hidden: true } },
    { name: 'designated', label: '争议后指定承办', type: 'checkbox', defaultValue: false, admin: readOnly },
    moment('dispatchDueAt', '派发期限'),
    {
      name: 'consultUnits',
      label: '会商单位',
      type: 'relationship',
      relationTo: 'units',
      hasMany: true,
      admin: readOnly,
    },
    { name: 'consultQuestion', label: '会商问题', type: 'textarea', admin: readOnly },
    moment('consultDueAt', '会商答复期限'),
    {
      name: 'consultAnswers',
      label: '会商意见',
      type: 'json',
      // A table instead of Payload's JSON editor, which loads Monaco from a CDN.
      admin: { ...readOnly, components: { Field: '/src/components/ConsultAnswersField#ConsultAnswersField' } },
    },
    moment('dispatchedAt', '派发时间'),
    moment('signDueAt', '签收期限'),
    moment('signedAt', '签收时间'),
    {
      name: 'dueAt',
      label: '办理期限',
      type: 'date',
      index: true,
      admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'deadlineStatus',
      label: '时限状态',
      type: 'select',
      index: true,
      options: [
        { value: 'on_time', label: '正常' },
        { value: 'due_today', label: '今日到期' },
        { value: 'overdue', label: '已超期' },
      ],
      admin: readOnly,
    },
    { name: 'deadlineClock', label: '计时环节', type: 'select', options: options(QUEUE_CLOCKS), admin: readOnly },
    { name: 'returnDueAt', label: '退回申请期限', type: 'date', admin: readOnly },
    { name: 'returnRejected', label: '退回申请被驳回', type: 'checkbox', defaultValue: false, admin: readOnly },
    moment('repliedAt', '答复时间'),
    { name: 'callbackDueAt', label: '回访期限', type: 'date', admin: readOnly },
    { name: 'deadlineWarning', label: '期限提示', type: 'text', admin: readOnly },
    { name: 'resumeState', type: 'text', admin: { hidden: true } },
    { name: 'requestedExtensionDays', type: 'number', admin: { hidden: true } },
    { name: 'pausedAt', label: '暂停计时起', type: 'date', admin: readOnly },
    { name: 'pausedMs', label: '累计暂停（工作时间，毫秒）', type: 'number', defaultValue: 0, admin: readOnly },
    { name: 'extensions', label: '延期次数', type: 'number', defaultValue: 0, admin: readOnly },
    { name: 'extensionDays', label: '已批准延期（工作日）', type: 'number', defaultValue: 0, admin: readOnly },
    { name: 'reopens', label: '重办次数', type: 'number', defaultValue: 0, admin: readOnly },
    // Written with the request-return step so that reports count returns without reading the timeline.
    { name: 'returns', label: '退回申请次数', type: 'number', defaultValue: 0, admin: readOnly },
    {
      // The report counters of the order that do not depend on the time (src/domain/workOrders/reports.ts
      // `reportFlags`), written with every change of the order: reports read one integer per order.
      name: 'reportFlags',
      label: '报表标志',
      type: 'number',
      defaultValue: 0,
      admin: { readOnly: true, hidden: true },
    },
    {
      name: 'notAccepted',
      label: '不予受理',
      type: 'group',
      fields: [
        { name: 'reason', label: '类别', type: 'select', options: options(NOT_ACCEPTED_REASONS) },
        { name: 'note', label: '说明', type: 'textarea' },
      ],
    },
    {
      name: 'citedEntries',
      label: '引用知识',
      type: 'array',
      labels: { singular: '引用知识', plural: '引用知识' },
      fields: [
        { name: 'code', label: '知识编号', type: 'text', required: true },
        { name: 'version', label: '版本', type: 'text' },
        { name: 'title', label: '标题', type: 'text' },
      ],
    },
    { name: 'noKnowledge', label: '知识库无此内容', type: 'checkbox', defaultValue: false },
    { name: 'answer', label: '答复内容', type: 'textarea' },
    {
      name: 'reply',
      label: '办理结果',
      type: 'group',
      fields: [
        { name: 'result', label: '办理结果', type: 'textarea' },
        { name: 'text', label: '答复诉求人', type: 'textarea' },
        { name: 'contacted', label: '已联系诉求人', type: 'checkbox' },
      ],
    },
    { name: 'lastSatisfaction', label: '回访满意度', type: 'select', options: options(SATISFACTION), admin: readOnly },
    { name: 'solved', label: '问题已解决', type: 'checkbox', admin: readOnly },
    {
      name: 'answerRating',
      label: '直接答复评价',
      type: 'select',
      options: options(SATISFACTION),
      admin: readOnly,
    },
    { name: 'explanation', label: '确已尽责说明', type: 'textarea' },
    { name: 'explanationAccepted', label: '尽责说明已认可（不计负面评价）', type: 'checkbox', defaultValue: false },
    { name: 'parent', label: '主工单', type: 'relationship', relationTo: 'work-orders' },
    { name: 'related', label: '关联/重复工单', type: 'relationship', relationTo: 'work-orders', hasMany: true },
    {
      name: 'timeline',
      label: '处理记录',
      type: 'json',
      // A table instead of Payload's JSON editor, which loads Monaco from a CDN.
      admin: { ...readOnly, components: { Field: '/src/components/TimelineField#TimelineField' } },
    },
    // Set by src/services/personalDataRetention.ts when the claimant's personal data is removed.
    {
      name: 'anonymisedAt',
      label: '个人信息匿名化时间',
      type: 'date',
      index: true,
      admin: { ...readOnly, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'anonymisedReason',
      label: '匿名化原因',
      type: 'select',
      options: [
        { value: 'retention', label: '保留期满' },
        { value: 'request', label: '本人申请删除' },
      ],
      admin: readOnly,
    },
  ]),
}
