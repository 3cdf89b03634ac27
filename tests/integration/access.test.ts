import type { Payload } from 'payload'

import { buildWorld, type World } from '../helpers/fixtures'
import { startPayload } from '../helpers/payload'

let payload: Payload
let world: World

beforeAll(async () => {
  payload = await startPayload()
  world = await buildWorld(payload)
})
afterAll(() => payload.destroy())

type UserKey = keyof World['users']
const titlesSeenBy = async (who: UserKey) => {
  const result = await payload.find({
    collection: 'knowledge-entries',
    user: world.users[who],
    overrideAccess: false,
    draft: true,
    pagination: false,
  })
  return result.docs.map((d) => d.title).sort()
}

describe('reading knowledge entries', () => {
  it('shows a unit editor its own unit in every state and other units only as published', async () => {
    expect(await titlesSeenBy('editorA')).toEqual(['乙局已发布', '乙局答复口径', '甲局已发布', '甲局草稿'].sort())
  })

  it('shows agents and supervisors every published entry, internal scripts included, and no drafts', async () => {
    const published = ['乙局已发布', '乙局答复口径', '甲局已发布'].sort()
    expect(await titlesSeenBy('agent')).toEqual(published)
    expect(await titlesSeenBy('supervisor')).toEqual(published)
  })

  it('shows hotline staff everything', async () => {
    expect(await titlesSeenBy('kbAdmin')).toHaveLength(5)
    expect(await titlesSeenBy('admin')).toHaveLength(5)
  })

  it('refuses anonymous readers', async () => {
    await expect(payload.find({ collection: 'knowledge-entries', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
  })

  it('never shows a unit the versions of another unit', async () => {
    const versions = await payload.findVersions({
      collection: 'knowledge-entries',
      user: world.users.editorA,
      overrideAccess: false,
      pagination: false,
      depth: 0,
    })
    const units = new Set(versions.docs.map((v) => (v.version as { unit: number }).unit))
    expect(versions.docs.length).toBeGreaterThan(0)
    expect([...units]).toEqual([world.units.a.id])
  })

  it('gives no access to another unit’s draft even by id', async () => {
    await expect(
      payload.findByID({
        collection: 'knowledge-entries',
        id: world.entries.bDraft.id,
        user: world.users.editorA,
        overrideAccess: false,
        draft: true,
      }),
    ).rejects.toMatchObject({ status: 404 })
  })
})

describe('changing knowledge entries', () => {
  const asUser = (who: UserKey) => ({ user: world.users[who], overrideAccess: false }) as const

  it('lets an editor create in its own unit, filling the unit when left out', async () => {
    const created = await payload.create({
      collection: 'knowledge-entries',
      draft: true,
      data: { type: 'faq', title: '甲局新问题', faq: { question: '问', answer: '答' } } as never,
      ...asUser('editorA'),
    })
    expect(created.unit).toMatchObject({ id: world.units.a.id })
  })

  it('refuses an editor creating for another unit, with a Chinese message', async () => {
    await expect(
      payload.create({
        collection: 'knowledge-entries',
        draft: true,
        data: { type: 'faq', title: '冒充乙局', unit: world.units.b.id } as never,
        ...asUser('editorA'),
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'unit', message: expect.stringMatching(/只能维护本单位/) })] } })
  })

  it('refuses moving an own entry to another unit', async () => {
    await expect(
      payload.update({
        collection: 'knowledge-entries',
        id: world.entries.aDraft.id,
        draft: true,
        data: { unit: world.units.b.id },
        ...asUser('reviewerA'),
      }),
    ).rejects.toMatchObject({ status: 400 })
  })

  it('refuses editing another unit’s entry', async () => {
    await expect(
      payload.update({ collection: 'knowledge-entries', id: world.entries.bPublished.id, data: { title: '篡改' }, ...asUser('editorA') }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('lets the unit reviewer edit its unit’s entries but not create them', async () => {
    const updated = await payload.update({
      collection: 'knowledge-entries',
      id: world.entries.aDraft.id,
      draft: true,
      data: { summary: '审核员修改' },
      ...asUser('reviewerA'),
    })
    expect(updated.summary).toBe('审核员修改')
    await expect(
      payload.create({ collection: 'knowledge-entries', data: { type: 'faq', title: 'x' } as never, ...asUser('reviewerA') }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('lets an editor delete its own drafts but not published entries', async () => {
    await expect(
      payload.delete({ collection: 'knowledge-entries', id: world.entries.aPublished.id, ...asUser('editorA') }),
    ).rejects.toMatchObject({ status: 403 })
    const temp = await payload.create({
      collection: 'knowledge-entries',
      draft: true,
      data: { type: 'faq', title: '待删除' } as never,
      ...asUser('editorA'),
    })
    await payload.delete({ collection: 'knowledge-entries', id: temp.id, ...asUser('editorA') })
  })

  it('gives agents and supervisors no writes', async () => {
    for (const who of ['agent', 'supervisor'] as const) {
      await expect(
        payload.create({ collection: 'knowledge-entries', data: { type: 'faq', title: 'x' } as never, ...asUser(who) }),
      ).rejects.toMatchObject({ status: 403 })
      await expect(
        payload.update({ collection: 'knowledge-entries', id: world.entries.aPublished.id, data: { title: 'x' }, ...asUser(who) }),
      ).rejects.toMatchObject({ status: 403 })
    }
  })

  it('lets a kb-admin change any unit’s entry and move it', async () => {
    const moved = await payload.update({
      collection: 'knowledge-entries',
      id: world.entries.bDraft.id,
      draft: true,
      data: { unit: world.units.a.id },
      ...asUser('kbAdmin'),
    })
    expect(moved.unit).toMatchObject({ id: world.units.a.id })
  })
})

describe('users, units and categories', () => {
  it('shows a non-staff user only itself', async () => {
    const result = await payload.find({ collection: 'users', user: world.users.editorA, overrideAccess: false })
    expect(result.docs.map((u) => u.email)).toEqual(['editor-a@test.example'])
  })

  it('does not let a user change its own roles or unit', async () => {
    const updated = await payload.update({
      collection: 'users',
      id: world.users.editorA.id,
      data: { roles: ['admin'], unit: world.units.b.id, name: '新名字' },
      user: world.users.editorA,
      overrideAccess: false,
    })
    expect(updated.roles).toEqual(['unit-editor'])
    expect(updated.unit).toMatchObject({ id: world.units.a.id })
    expect(updated.name).toBe('新名字')
  })

  it('lets only admins create users, and requires a unit for unit roles', async () => {
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'x@test.example', password: 'Secret-123', name: 'x', roles: ['agent'] },
        user: world.users.kbAdmin,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'y@test.example', password: 'Secret-123', name: 'y', roles: ['unit-editor'] },
        user: world.users.admin,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 400, data: { errors: [expect.objectContaining({ path: 'unit' })] } })
  })

  it('lets units and categories be read by signed-in users and changed only by hotline staff', async () => {
    const read = await payload.find({ collection: 'units', user: world.users.agent, overrideAccess: false })
    expect(read.totalDocs).toBe(2)
    await expect(
      payload.update({ collection: 'units', id: world.units.a.id, data: { name: '改名' }, user: world.users.editorA, overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
    const category = await payload.create({
      collection: 'categories',
      data: { name: '户籍证件', code: 'C1' },
      user: world.users.kbAdmin,
      overrideAccess: false,
    })
    const child = await payload.create({
      collection: 'categories',
      data: { name: '身份证', code: 'C101', parent: category.id },
      user: world.users.kbAdmin,
      overrideAccess: false,
    })
    expect(child.path).toBe('户籍证件/身份证')
    await expect(payload.find({ collection: 'categories', overrideAccess: false })).rejects.toMatchObject({ status: 403 })
  })
})
