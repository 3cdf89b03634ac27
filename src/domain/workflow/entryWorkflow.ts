/**
 * The review workflow of knowledge entries as a pure state machine: which actor may take which
 * action from which state, and where it leads. Hooks and endpoints enforce it; the admin only shows
 * what it allows.
 */
import { labelOf } from '../labels'
import { type AccessUser, actingUnitId, hasRole, isStaff } from '../roles'

export const ENTRY_STATES = [
  { value: 'draft', label: '草稿' },
  { value: 'unit_review', label: '单位审核中' },
  { value: 'hotline_review', label: '热线审核中' },
  { value: 'published', label: '已发布' },
  { value: 'rejected', label: '已退回' },
  { value: 'withdrawn', label: '已撤回' },
  { value: 'archived', label: '已下架' },
  { value: 'expired', label: '已过期' },
] as const
export type EntryState = (typeof ENTRY_STATES)[number]['value']

/** An entry's workflow state; entries saved before the workflow existed follow their `_status`. */
export const currentState = (doc: { workflowState?: string | null; _status?: string | null } | undefined): EntryState =>
  (doc?.workflowState as EntryState | undefined) ?? (doc?._status === 'published' ? 'published' : 'draft')

export const ENTRY_ACTIONS = [
  { value: 'submit', label: '提交审核' },
  { value: 'withdraw', label: '撤回' },
  { value: 'approve_unit', label: '单位审核通过' },
  { value: 'approve_hotline', label: '审核发布' },
  { value: 'reject', label: '退回修改' },
  { value: 'publish_urgent', label: '紧急发布' },
  { value: 'archive', label: '下架' },
  { value: 'confirm_review', label: '复核确认' },
  { value: 'expire', label: '到期失效' },
] as const
export type EntryAction = (typeof ENTRY_ACTIONS)[number]['value']

/** What the audit log records: content edits, restored versions, deletions and the workflow's actions. */
export const AUDIT_ACTIONS = [
  { value: 'edit', label: '修改内容' },
  { value: 'restore', label: '恢复历史版本' },
  { value: 'delete', label: '删除' },
  ...ENTRY_ACTIONS,
] as const

export const stateLabel = (state: string): string => labelOf(ENTRY_STATES, state)
export const actionLabel = (action: string): string => labelOf(AUDIT_ACTIONS, action)
export const isEntryAction = (value: unknown): value is EntryAction => ENTRY_ACTIONS.some((a) => a.value === value)

/** What the workflow needs to know about an entry: its latest version's state, unit and last editor. */
export type WorkflowEntry = {
  state: EntryState
  unit: string | number | undefined
  lastEditedBy?: string | number | null
}

/** The actor of a transition; `system` is the scheduled expiry job. */
export type Actor = AccessUser | 'system'

export class WorkflowError extends Error {
  constructor(
    readonly status: 400 | 403,
    message: string,
  ) {
    super(message)
  }
}

export type Transition = {
  action: EntryAction
  from: EntryState
  to: EntryState
  publishes: boolean
  unpublishes: boolean
  urgent: boolean
}

type Rule = {
  from: readonly EntryState[]
  to: EntryState
  who: 'editor' | 'reviewer' | 'kb-admin' | 'reviewer-or-kb-admin' | 'system'
  needsComment?: boolean
  /** The person who last edited may not approve (four eyes). */
  fourEyes?: boolean
}

const EDITABLE_STATES: readonly EntryState[] = ['draft', 'rejected', 'withdrawn', 'published', 'archived', 'expired']

/** Whether an entry's content may change in this state at all (hotline staff excepted, see checkEdit). */
export const editableInState = (state: EntryState): boolean => EDITABLE_STATES.includes(state)

const RULES: Record<EntryAction, Rule> = {
  submit: { from: ['draft', 'rejected', 'withdrawn'], to: 'unit_review', who: 'editor' },
  withdraw: { from: ['unit_review', 'hotline_review'], to: 'withdrawn', who: 'editor' },
  approve_unit: { from: ['unit_review'], to: 'hotline_review', who: 'reviewer', fourEyes: true },
  approve_hotline: { from: ['hotline_review'], to: 'published', who: 'kb-admin', fourEyes: true },
  reject: { from: ['unit_review', 'hotline_review'], to: 'rejected', who: 'reviewer-or-kb-admin', needsComment: true },
  publish_urgent: {
    from: ['draft', 'rejected', 'withdrawn', 'unit_review', 'hotline_review', 'archived', 'expired'],
    to: 'published',
    who: 'kb-admin',
    needsComment: true,
  },
  archive: { from: ['published', 'expired'], to: 'archived', who: 'reviewer-or-kb-admin', needsComment: true },
  confirm_review: { from: ['published'], to: 'published', who: 'reviewer-or-kb-admin' },
  // The live version lapses whatever is in review; the review goes on from the new version.
  expire: {
    from: ['published', 'draft', 'unit_review', 'hotline_review', 'rejected', 'withdrawn'],
    to: 'expired',
    who: 'system',
  },
}

const sameUnit = (actor: AccessUser, entry: WorkflowEntry) =>
  entry.unit !== undefined && String(actingUnitId(actor)) === String(entry.unit)

function mayAct(who: Rule['who'], actor: Actor, entry: WorkflowEntry, state: EntryState): boolean {
  if (actor === 'system') return who === 'system'
  const kbAdmin = isStaff(actor)
  switch (who) {
    case 'editor':
      return kbAdmin || (hasRole(actor, 'unit-editor') && sameUnit(actor, entry))
    case 'reviewer':
      return hasRole(actor, 'unit-reviewer') && sameUnit(actor, entry)
    case 'kb-admin':
      return kbAdmin
    case 'reviewer-or-kb-admin':
      // The unit's reviewer acts at the unit stage; the hotline stage belongs to the kb-admins.
      return kbAdmin || (state !== 'hotline_review' && hasRole(actor, 'unit-reviewer') && sameUnit(actor, entry))
    case 'system':
      return false
  }
}

/** Decides a transition or throws a WorkflowError saying why not (400: wrong state, 403: not yours). */
export function decideTransition(
  entry: WorkflowEntry,
  action: EntryAction,
  actor: Actor,
  comment?: string,
): Transition {
  const rule = RULES[action]
  if (!rule) throw new WorkflowError(400, `未知的操作：${action}`)
  if (!rule.from.includes(entry.state)) {
    throw new WorkflowError(400, `条目当前为「${stateLabel(entry.state)}」，不能${actionLabel(action)}`)
  }
  if (!mayAct(rule.who, actor, entry, entry.state)) {
    throw new WorkflowError(403, `您没有权限对该条目执行「${actionLabel(action)}」`)
  }
  if (
    rule.fourEyes &&
    actor !== 'system' &&
    entry.lastEditedBy != null &&
    String(entry.lastEditedBy) === String(actor.id)
  ) {
    throw new WorkflowError(403, '不能审核自己最后编辑的内容，请由其他审核人审核')
  }
  if (rule.needsComment && !comment?.trim()) {
    throw new WorkflowError(400, `「${actionLabel(action)}」需要填写原因或说明`)
  }
  return {
    action,
    from: entry.state,
    to: rule.to,
    publishes: rule.to === 'published' && action !== 'confirm_review',
    unpublishes: action === 'archive' || action === 'expire',
    urgent: action === 'publish_urgent',
  }
}

/** The actions an actor may take now (for the buttons in the admin). */
export function availableActions(entry: WorkflowEntry, actor: Actor): EntryAction[] {
  return ENTRY_ACTIONS.map((a) => a.value).filter((action) => {
    try {
      decideTransition(entry, action, actor, 'x')
      return true
    } catch {
      return false
    }
  })
}

/** Why an actor may not change an entry's content now, or null when they may. */
export function editRefusal(entry: WorkflowEntry, actor: AccessUser): string | null {
  try {
    checkEdit(entry, actor)
    return null
  } catch (err) {
    if (err instanceof WorkflowError) return err.message
    throw err
  }
}

/** Whether an actor may change an entry's content now; editing a live entry makes a new draft. */
export function checkEdit(entry: WorkflowEntry, actor: AccessUser): void {
  if (isStaff(actor)) return
  if (!(hasRole(actor, 'unit-editor') && sameUnit(actor, entry))) {
    throw new WorkflowError(403, '只有本单位的编辑可以修改条目内容')
  }
  if (!editableInState(entry.state)) {
    throw new WorkflowError(400, `条目「${stateLabel(entry.state)}」，审核期间不能修改；如需修改请先撤回`)
  }
}

/**
 * Whether an actor may delete an entry (and with it all its versions). Published knowledge leaves by
 * archiving, with a reviewer and a reason; deleting is for hotline staff, of entries never published
 * or already archived, and never while a review is running.
 */
export function checkDelete(entry: { state: EntryState; everPublished: boolean }, actor: AccessUser): void {
  if (!isStaff(actor)) {
    throw new WorkflowError(403, '只有热线知识库管理员可以删除知识条目；已发布的条目请由审核员「下架」')
  }
  if (entry.state === 'unit_review' || entry.state === 'hotline_review') {
    throw new WorkflowError(400, `条目「${stateLabel(entry.state)}」，审核期间不能删除；如需删除请先撤回`)
  }
  if (entry.everPublished && entry.state !== 'archived') {
    throw new WorkflowError(400, '发布过的条目须先「下架」（填写原因）后才能删除')
  }
}
