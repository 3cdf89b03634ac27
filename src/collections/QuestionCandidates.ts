import type { Access, CollectionConfig } from 'payload'

import { nobody, staffOnly } from '../access/common'
import { type AccessUser, actingUnitId, hasRole, isStaff } from '../domain/roles'
import { adoptOnAccept } from '../hooks/adoptQuestionCandidate'

/** Hotline staff see every candidate; a unit's editors and reviewers those of its own entries. */
const ofOwnUnit: Access = ({ req }) => {
  const user = req.user as AccessUser | null
  if (isStaff(user)) return true
  const unit = actingUnitId(user)
  return unit !== undefined && hasRole(user, 'unit-editor', 'unit-reviewer') ? { unit: { equals: unit } } : false
}

/**
 * 相似问候选: callers' questions answered from an entry (答复并记录 in the console, an assistant's
 * suggest_answer), personal data masked, counted per entry. Accepting one (alone or in bulk from the
 * list) adds it to the entry's 相似问 as a draft edit that goes through the review workflow.
 */
export const QuestionCandidates: CollectionConfig = {
  slug: 'question-candidates',
  labels: { singular: '相似问候选', plural: '相似问候选' },
  admin: {
    useAsTitle: 'text',
    defaultColumns: ['text', 'entry', 'count', 'status', 'lastAskedAt'],
    group: '知识库',
    description:
      '来电人的问法（已去除个人信息）。勾选后批量“编辑”处理状态即可采纳或拒绝；采纳后作为相似问进入条目草稿，审核发布后生效。',
  },
  access: { read: ofOwnUnit, create: nobody, update: ofOwnUnit, delete: staffOnly },
  defaultSort: '-count',
  hooks: { afterChange: [adoptOnAccept] },
  fields: [
    {
      name: 'entry',
      label: '知识条目',
      type: 'relationship',
      relationTo: 'knowledge-entries',
      required: true,
      index: true,
      admin: { readOnly: true },
    },
    {
      name: 'unit',
      label: '承办单位',
      type: 'relationship',
      relationTo: 'units',
      index: true,
      admin: { readOnly: true },
    },
    { name: 'text', label: '来电问法', type: 'text', required: true, admin: { readOnly: true } },
    { name: 'count', label: '出现次数', type: 'number', defaultValue: 1, admin: { readOnly: true } },
    {
      name: 'status',
      label: '处理状态',
      type: 'select',
      defaultValue: 'pending',
      index: true,
      options: [
        { label: '待处理', value: 'pending' },
        { label: '已采纳', value: 'accepted' },
        { label: '已拒绝', value: 'rejected' },
      ],
    },
    {
      name: 'lastAskedAt',
      label: '最近出现',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
    },
  ],
}
