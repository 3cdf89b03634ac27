import type { CollectionConfig, Validate } from 'payload'

import {
  createEntries,
  deleteEntries,
  readEntries,
  readEntryVersions,
  updateEntries,
} from '../../access/knowledgeEntries'
import { ENTRY_CODE_FORMAT_MESSAGE, isEntryCode } from '../../domain/knowledge/entryCode'
import { REVIEW_CYCLE_DAYS } from '../../domain/knowledge/entryFieldRules'
import { checkValidityWindow } from '../../domain/knowledge/entryRules'
import { AUDIENCES, ENTRY_TYPES } from '../../domain/knowledge/entryTypes'
import { type AccessUser, actingUnitId, isStaff, relationId } from '../../domain/roles'
import { ENTRY_STATES } from '../../domain/workflow/entryWorkflow'
import { dayField } from '../../fields/day'
import { wholeNumberField } from '../../fields/wholeNumber'
import { assignEntryCode } from '../../hooks/assignEntryCode'
import { auditedDelete, restoreAsDraftOnly } from '../../hooks/entryRestoreAndDelete'
import { normalizeEntry } from '../../hooks/normalizeEntry'
import { queueIndexingAfterChange, queueIndexingAfterDelete } from '../../hooks/queueIndexing'
import { refuseExpiredPublish } from '../../hooks/refuseExpiredPublish'
import { auditUserEdit, userEditsAreDrafts, workflowOnSave } from '../../hooks/workflowOnSave'
import { faqFields, guideFields, locationFields, noticeFields, policyFields } from './typeFields'
import { transitionEndpoint, workflowStatusEndpoint } from './workflowEndpoints'

/** Codes are unique across all entries; said in Chinese rather than Payload's generic message. */
const validateCode: Validate = async (value, { id, req }) => {
  if (typeof value !== 'string' || !isEntryCode(value)) return ENTRY_CODE_FORMAT_MESSAGE
  const clash = await req.payload.find({
    collection: 'knowledge-entries',
    where: { and: [{ code: { equals: value } }, ...(id ? [{ id: { not_equals: id } }] : [])] },
    limit: 1,
    depth: 0,
    draft: true,
    overrideAccess: true,
    req,
    select: {},
  })
  return clash.totalDocs === 0 ? true : `知识编号 ${value} 已被其他条目使用`
}

/** Unit roles keep entries inside their own unit; only hotline staff may move one. */
const validateUnit: Validate = (value, { req }) => {
  if (!value) return '请选择承办单位'
  const user = req.user as AccessUser | null
  if (!user || isStaff(user)) return true
  return String(relationId(value)) === String(actingUnitId(user))
    ? true
    : '只能维护本单位的知识条目，不能将条目归属到其他单位'
}

/**
 * With any filterOptions Payload looks the chosen ids up (as the caller may read them) and answers 400
 * for those it does not find, instead of a foreign-key failure (500) at write time.
 */
const mustExist = () => true

export const KnowledgeEntries: CollectionConfig = {
  slug: 'knowledge-entries',
  labels: { singular: '知识条目', plural: '知识条目' },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['code', 'title', 'type', 'unit', 'workflowState', 'validUntil', 'nextReviewAt'],
    listSearchableFields: ['code', 'title', 'summary'],
    group: '知识库',
    components: {
      edit: {
        PublishButton: '/src/components/WorkflowPanel#NoPublishButton',
        // The header's status follows the workflow, not Payload's draft/published flag.
        Status: '/src/components/WorkflowPanel#WorkflowStatus',
      },
    },
  },
  access: {
    read: readEntries,
    readVersions: readEntryVersions,
    create: createEntries,
    update: updateEntries,
    delete: deleteEntries,
  },
  versions: { drafts: { validate: true }, maxPerDoc: 100 },
  endpoints: [workflowStatusEndpoint, transitionEndpoint],
  hooks: {
    beforeOperation: [userEditsAreDrafts, restoreAsDraftOnly],
    beforeValidate: [normalizeEntry, assignEntryCode],
    beforeChange: [workflowOnSave, refuseExpiredPublish],
    afterChange: [auditUserEdit, queueIndexingAfterChange],
    beforeDelete: [auditedDelete],
    afterDelete: [queueIndexingAfterDelete],
  },
  fields: [
    {
      type: 'row',
      fields: [
        {
          name: 'code',
          label: '知识编号',
          type: 'text',
          unique: true,
          index: true,
          validate: validateCode,
          admin: { description: '留空则自动生成，如 KB-0001', width: '30%' },
        },
        {
          name: 'type',
          label: '类型',
          type: 'select',
          required: true,
          options: ENTRY_TYPES.map(({ value, label }) => ({ value, label })),
          admin: { width: '30%' },
        },
        {
          name: 'audience',
          label: '公开范围',
          type: 'select',
          required: true,
          defaultValue: 'public',
          options: AUDIENCES.map((a) => ({ ...a })),
          admin: { width: '40%', description: '答复口径始终为内部' },
        },
      ],
    },
    { name: 'title', label: '标题', type: 'text', required: true },
    {
      name: 'workflow',
      type: 'ui',
      admin: { position: 'sidebar', components: { Field: '/src/components/WorkflowPanel#WorkflowPanel' } },
    },
    // Written by the workflow only (hooks/workflowOnSave.ts ignores what a request sends).
    {
      name: 'workflowState',
      label: '审核状态',
      type: 'select',
      defaultValue: 'draft',
      index: true,
      options: ENTRY_STATES.map((s) => ({ ...s })),
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'lastEditedBy',
      label: '最后编辑人',
      type: 'relationship',
      relationTo: 'users',
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'reviewedAt',
      label: '最近审核/复核',
      type: 'date',
      admin: { position: 'sidebar', readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'publishedAt',
      label: '发布时间（引用版本）',
      type: 'date',
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime' },
        description: '现行内容发布的时间；工单引用知识时记录此版本',
      },
    },
    {
      name: 'nextReviewAt',
      label: '下次复核',
      type: 'date',
      index: true,
      admin: { position: 'sidebar', readOnly: true },
    },
    {
      name: 'publishedUrgently',
      label: '紧急发布',
      type: 'checkbox',
      defaultValue: false,
      admin: { position: 'sidebar', readOnly: true },
    },
    { name: 'summary', label: '摘要', type: 'textarea' },
    { name: 'body', label: '正文', type: 'richText' },
    guideFields,
    locationFields,
    policyFields,
    faqFields,
    noticeFields,
    {
      type: 'collapsible',
      label: '归属与分类',
      fields: [
        {
          name: 'unit',
          label: '承办单位',
          type: 'relationship',
          relationTo: 'units',
          required: true,
          validate: validateUnit,
          defaultValue: ({ user }) => actingUnitId(user as AccessUser | null),
          // Unit roles are offered only their own unit.
          filterOptions: ({ user }) => {
            const unit = isStaff(user as AccessUser | null) ? undefined : actingUnitId(user as AccessUser | null)
            return unit === undefined ? true : { id: { equals: unit } }
          },
        },
        { name: 'category', label: '知识库目录', type: 'relationship', relationTo: 'categories' },
        { name: 'tags', label: '关键词', type: 'text', hasMany: true },
        {
          name: 'questions',
          label: '相似问',
          type: 'text',
          hasMany: true,
          admin: { description: '来电人可能的其他问法，每条一句；检索时每一句单独与来电问题比对' },
        },
        { name: 'districts', label: '适用区域', type: 'text', hasMany: true },
      ],
    },
    {
      type: 'collapsible',
      label: '有效期与复核',
      fields: [
        dayField('validFrom', '生效日期'),
        dayField('validUntil', '有效期至', ((
          value: unknown,
          { siblingData }: { siblingData: { validFrom?: unknown } },
        ) => checkValidityWindow(siblingData?.validFrom, value)) as Validate),
        wholeNumberField({ name: 'reviewCycleDays', label: '复核周期（天）' }, REVIEW_CYCLE_DAYS),
      ],
    },
    {
      type: 'collapsible',
      label: '来源与关联',
      fields: [
        {
          name: 'source',
          label: '来源',
          type: 'group',
          fields: [
            { name: 'documentNumber', label: '文号', type: 'text' },
            { name: 'issuingBody', label: '发文机关', type: 'text' },
            { name: 'link', label: '链接', type: 'text' },
            {
              name: 'itemCode',
              label: '事项编码',
              type: 'text',
              index: true,
              admin: { description: '导入的政务服务事项的编码；重新导入时按它更新' },
            },
          ],
        },
        {
          name: 'relatedEntries',
          label: '相关条目',
          type: 'relationship',
          relationTo: 'knowledge-entries',
          hasMany: true,
          filterOptions: mustExist,
        },
        {
          name: 'attachments',
          label: '附件',
          type: 'upload',
          relationTo: 'media',
          hasMany: true,
          filterOptions: mustExist,
        },
      ],
    },
  ],
}
