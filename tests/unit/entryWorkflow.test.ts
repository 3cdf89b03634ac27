import type { AccessUser } from '../../src/domain/roles'
import {
  type Actor,
  availableActions,
  checkDelete,
  checkEdit,
  decideTransition,
  ENTRY_ACTIONS,
  ENTRY_STATES,
  type EntryAction,
  type EntryState,
  type WorkflowError,
} from '../../src/domain/workflow/entryWorkflow'

const UNIT = 1
const actors: Record<string, Actor> = {
  editor: { id: 10, roles: ['unit-editor'], unit: UNIT },
  otherEditor: { id: 11, roles: ['unit-editor'], unit: 2 },
  reviewer: { id: 20, roles: ['unit-reviewer'], unit: UNIT },
  otherReviewer: { id: 21, roles: ['unit-reviewer'], unit: 2 },
  kbAdmin: { id: 30, roles: ['kb-admin'] },
  agent: { id: 40, roles: ['agent'] },
  supervisor: { id: 50, roles: ['supervisor'] },
  system: 'system',
}

/** Every allowed (action, from state, actor) — written out by hand from the issue, not from the code. */
const ALLOWED: [EntryAction, EntryState[], string[]][] = [
  ['submit', ['draft', 'rejected', 'withdrawn'], ['editor', 'kbAdmin']],
  ['withdraw', ['unit_review', 'hotline_review'], ['editor', 'kbAdmin']],
  ['approve_unit', ['unit_review'], ['reviewer']],
  ['approve_hotline', ['hotline_review'], ['kbAdmin']],
  ['reject', ['unit_review'], ['reviewer', 'kbAdmin']],
  ['reject', ['hotline_review'], ['kbAdmin']],
  [
    'publish_urgent',
    ['draft', 'rejected', 'withdrawn', 'unit_review', 'hotline_review', 'archived', 'expired'],
    ['kbAdmin'],
  ],
  ['archive', ['published', 'expired'], ['reviewer', 'kbAdmin']],
  ['confirm_review', ['published'], ['reviewer', 'kbAdmin']],
  ['expire', ['published', 'draft', 'unit_review', 'hotline_review', 'rejected', 'withdrawn'], ['system']],
]
const allowed = (action: EntryAction, state: EntryState, actor: string) =>
  ALLOWED.some(([a, states, who]) => a === action && states.includes(state) && who.includes(actor))
const stateFits = (action: EntryAction, state: EntryState) =>
  ALLOWED.some(([a, states]) => a === action && states.includes(state))

describe('entry workflow state machine', () => {
  /** What happens to one (state, action, actor): the target state, or the refusal's status. */
  const outcome = (state: EntryState, action: EntryAction, who: string): string => {
    try {
      return decideTransition({ state, unit: UNIT, lastEditedBy: 99 }, action, actors[who], '原因').from
    } catch (err) {
      return `refused ${(err as WorkflowError).status}`
    }
  }

  it.each(ENTRY_STATES.map((s) => s.value))('from %s: every action by every actor', (state) => {
    for (const { value: action } of ENTRY_ACTIONS) {
      for (const who of Object.keys(actors)) {
        // A wrong state is the request's fault (400); the right state but the wrong person is 403.
        const expected = allowed(action, state, who) ? state : `refused ${stateFits(action, state) ? 403 : 400}`
        expect([action, who, outcome(state, action, who)]).toEqual([action, who, expected])
      }
    }
  })

  it('leads where the issue says', () => {
    const to = (state: EntryState, action: EntryAction, who: string) =>
      decideTransition({ state, unit: UNIT }, action, actors[who], '说明').to
    expect(to('draft', 'submit', 'editor')).toBe('unit_review')
    expect(to('unit_review', 'approve_unit', 'reviewer')).toBe('hotline_review')
    expect(to('hotline_review', 'approve_hotline', 'kbAdmin')).toBe('published')
    expect(to('hotline_review', 'reject', 'kbAdmin')).toBe('rejected')
    expect(to('unit_review', 'withdraw', 'editor')).toBe('withdrawn')
    expect(to('published', 'archive', 'reviewer')).toBe('archived')
    expect(to('published', 'expire', 'system')).toBe('expired')
    expect(
      decideTransition({ state: 'draft', unit: UNIT }, 'publish_urgent', actors.kbAdmin, '错误信息需立即更正'),
    ).toMatchObject({ to: 'published', urgent: true, publishes: true })
    expect(decideTransition({ state: 'published', unit: UNIT }, 'confirm_review', actors.reviewer)).toMatchObject({
      to: 'published',
      publishes: false,
    })
  })

  it('never lets the last editor approve their own edit', () => {
    const own = { state: 'unit_review' as const, unit: UNIT, lastEditedBy: 20 }
    expect(() => decideTransition(own, 'approve_unit', actors.reviewer)).toThrow('不能审核自己最后编辑的内容')
    const kbOwn = { state: 'hotline_review' as const, unit: UNIT, lastEditedBy: 30 }
    expect(() => decideTransition(kbOwn, 'approve_hotline', actors.kbAdmin)).toThrow('不能审核自己')
  })

  it('wants a reason for rejecting, archiving and urgent publishing', () => {
    expect(() => decideTransition({ state: 'unit_review', unit: UNIT }, 'reject', actors.reviewer, '  ')).toThrow(
      '需要填写原因',
    )
    expect(() => decideTransition({ state: 'published', unit: UNIT }, 'archive', actors.kbAdmin)).toThrow(
      '需要填写原因',
    )
  })

  it('offers each actor only the actions it may take', () => {
    expect(availableActions({ state: 'unit_review', unit: UNIT, lastEditedBy: 10 }, actors.reviewer)).toEqual([
      'approve_unit',
      'reject',
    ])
    expect(availableActions({ state: 'published', unit: UNIT }, actors.editor)).toEqual([])
    expect(availableActions({ state: 'published', unit: UNIT }, actors.agent)).toEqual([])
  })

  it('lets editors of the unit change content outside review, and hotline staff always', () => {
    const edit = (state: EntryState, who: string) => () => checkEdit({ state, unit: UNIT }, actors[who] as AccessUser)
    for (const state of ['draft', 'rejected', 'withdrawn', 'published', 'archived', 'expired'] as const)
      expect(edit(state, 'editor')).not.toThrow()
    expect(edit('unit_review', 'editor')).toThrow('审核期间不能修改')
    expect(edit('hotline_review', 'kbAdmin')).not.toThrow()
    expect(edit('draft', 'otherEditor')).toThrow('只有本单位的编辑')
    expect(edit('draft', 'reviewer')).toThrow('只有本单位的编辑')
  })
})

describe('deleting an entry', () => {
  const unitRoles = ['editor', 'reviewer', 'agent', 'supervisor'] as const
  it.each(ENTRY_STATES.map((s) => s.value))('is for hotline staff only, in state %s', (state) => {
    for (const who of unitRoles) {
      expect(() => checkDelete({ state, everPublished: false }, actors[who] as never)).toThrow(
        expect.objectContaining({ status: 403 }),
      )
    }
  })
  it.each(ENTRY_STATES.map((s) => s.value))(
    'lets staff delete in state %s only if never published or archived, never under review',
    (state) => {
      for (const everPublished of [false, true]) {
        const ok = state !== 'unit_review' && state !== 'hotline_review' && (!everPublished || state === 'archived')
        const attempt = () => checkDelete({ state, everPublished }, actors.kbAdmin as never)
        if (ok) expect(attempt).not.toThrow()
        else expect(attempt).toThrow(expect.objectContaining({ status: 400 }))
      }
    },
  )
})

describe('entry diff', () => {
  it('lists the changed fields only, with lists and relations as text', async () => {
    const { diffEntries } = await import('../../src/domain/workflow/entryDiff')
    const live = {
      id: 1,
      title: '旧标题',
      summary: '同',
      unit: { id: 3, name: '甲局' },
      guide: { materials: [{ text: '身份证' }], fee: '免费' },
      updatedAt: 'a',
    }
    const draft = {
      id: 1,
      title: '新标题',
      summary: '同',
      unit: 3,
      guide: { materials: [{ text: '身份证' }, { text: '照片' }], fee: '免费' },
      updatedAt: 'b',
    }
    expect(diffEntries(live, draft)).toEqual([
      { field: 'title', before: '旧标题', after: '新标题' },
      { field: 'guide.materials', before: '身份证', after: '身份证；照片' },
    ])
    expect(diffEntries(undefined, { title: '新' })).toEqual([{ field: 'title', before: '', after: '新' }])
  })
})
