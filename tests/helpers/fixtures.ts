/** A small world for access and validation tests: two units, one user per role, a few entries. */
import type { Payload } from 'payload'

import type { Role } from '../../src/domain/roles'
import { startPayload } from './payload'

export type World = Awaited<ReturnType<typeof buildWorld>>

const guideData = { materials: [{ text: '身份证' }], steps: [{ text: '窗口申请' }], phone: '0000-8610001' }

export async function buildWorld(payload: Payload) {
  const unitA = await payload.create({
    collection: 'units',
    data: { name: '甲局', code: 'A', kind: 'city-department' },
  })
  const unitB = await payload.create({
    collection: 'units',
    data: { name: '乙局', code: 'B', kind: 'city-department' },
  })

  const user = async (key: string, roles: Role[], unit?: number) =>
    payload.create({
      collection: 'users',
      data: { email: `${key}@test.example`, password: 'Secret-123', name: key, roles, unit },
    })
  const users = {
    admin: await user('admin', ['admin']),
    kbAdmin: await user('kb-admin', ['kb-admin']),
    editorA: await user('editor-a', ['unit-editor'], unitA.id),
    reviewerA: await user('reviewer-a', ['unit-reviewer'], unitA.id),
    editorB: await user('editor-b', ['unit-editor'], unitB.id),
    agent: await user('agent', ['agent']),
    supervisor: await user('supervisor', ['supervisor']),
  }

  const entry = async (
    title: string,
    unit: number,
    status: 'draft' | 'published',
    extra: Record<string, unknown> = {},
  ) =>
    payload.create({
      collection: 'knowledge-entries',
      draft: status === 'draft',
      data: { type: 'guide', title, unit, guide: guideData, _status: status, ...extra } as never,
    })
  const entries = {
    aPublished: await entry('甲局已发布', unitA.id, 'published'),
    aDraft: await entry('甲局草稿', unitA.id, 'draft'),
    bPublished: await entry('乙局已发布', unitB.id, 'published'),
    bDraft: await entry('乙局草稿', unitB.id, 'draft'),
    bScript: await entry('乙局答复口径', unitB.id, 'published', { type: 'script', guide: undefined }),
  }
  return { units: { a: unitA, b: unitB }, users, entries, guideData }
}

/** Boots Payload and builds the world once for a test file; read it inside tests. */
export function useWorld(): { payload: Payload; world: World } {
  const context = {} as { payload: Payload; world: World }
  beforeAll(async () => {
    context.payload = await startPayload()
    context.world = await buildWorld(context.payload)
  })
  afterAll(() => context.payload.destroy())
  return context
}
