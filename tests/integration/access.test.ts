import type { Role } from '../../src/domain/roles'
import { useWorld, type World } from '../helpers/fixtures'

const context = useWorld()

type UserKey = keyof World['users']
const titlesSeenBy = async (who: UserKey) => {
  const result = await context.payload.find({
    collection: 'knowledge-entries',
    user: context.world.users[who],
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
    await expect(
      context.payload.find({ collection: 'knowledge-entries', overrideAccess: false }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('never shows a unit the versions of another unit', async () => {
    const versions = await context.payload.findVersions({
      collection: 'knowledge-entries',
      user: context.world.users.editorA,
      overrideAccess: false,
      pagination: false,
      depth: 0,
    })
    const units = new Set(versions.docs.map((v) => (v.version as { unit: number }).unit))
    expect(versions.docs.length).toBeGreaterThan(0)
    expect([...units]).toEqual([context.world.units.a.id])
  })

  it('gives no access to another unit’s draft even by id', async () => {
    await expect(
      context.payload.findByID({
        collection: 'knowledge-entries',
        id: context.world.entries.bDraft.id,
        user: context.world.users.editorA,
        overrideAccess: false,
        draft: true,
      }),
    ).rejects.toMatchObject({ status: 404 })
  })
})

describe('changing knowledge entries', () => {
  const asUser = (who: UserKey) => ({ user: context.world.users[who], overrideAccess: false }) as const
  const createAs = (who: UserKey, data: Record<string, unknown>) =>
    context.payload.create({ collection: 'knowledge-entries', draft: true, data: data as never, ...asUser(who) })
  const updateAs = (who: UserKey, id: number, data: Record<string, unknown>) =>
    context.payload.update({ collection: 'knowledge-entries', id, draft: true, data, ...asUser(who) })

  it('lets an editor create in its own unit, filling the unit when left out', async () => {
    const created = await createAs('editorA', {
      type: 'faq',
      title: '甲局新问题',
      faq: { question: '问', answer: '答' },
    })
    expect(created.unit).toMatchObject({ id: context.world.units.a.id })
  })

  it('refuses an editor creating for another unit, with a Chinese message', async () => {
    await expect(
      createAs('editorA', { type: 'faq', title: '冒充乙局', unit: context.world.units.b.id }),
    ).rejects.toMatchObject({
      status: 400,
      data: { errors: [expect.objectContaining({ path: 'unit', message: expect.stringMatching(/只能维护本单位/) })] },
    })
  })

  it('refuses moving an own entry to another unit', async () => {
    await expect(
      updateAs('editorA', context.world.entries.aDraft.id, { unit: context.world.units.b.id }),
    ).rejects.toMatchObject({
      status: 400,
    })
  })

  it('refuses editing another unit’s entry', async () => {
    await expect(updateAs('editorA', context.world.entries.bPublished.id, { title: '篡改' })).rejects.toMatchObject({
      status: 403,
    })
  })

  it('keeps the unit reviewer to reviewing: no content edits (a read-only form), no creating', async () => {
    await expect(
      updateAs('reviewerA', context.world.entries.aDraft.id, { summary: '审核员修改' }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(createAs('reviewerA', { type: 'faq', title: 'x' })).rejects.toMatchObject({ status: 403 })
  })

  it('never lets a user publish by saving: publishing goes through review', async () => {
    await expect(updateAs('editorA', context.world.entries.aDraft.id, { _status: 'published' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringMatching(/须经审核发布/),
    })
    await expect(
      context.payload.update({
        collection: 'knowledge-entries',
        id: context.world.entries.aDraft.id,
        data: { _status: 'published' } as never,
        ...asUser('kbAdmin'),
      }),
    ).rejects.toMatchObject({ status: 403 })
  })

  it('leaves deleting to hotline staff: editors delete neither published entries nor drafts', async () => {
    await expect(
      context.payload.delete({
        collection: 'knowledge-entries',
        id: context.world.entries.aPublished.id,
        ...asUser('editorA'),
      }),
    ).rejects.toMatchObject({ status: 403 })
    const temp = await createAs('editorA', { type: 'faq', title: '待删除' })
    await expect(
      context.payload.delete({ collection: 'knowledge-entries', id: temp.id, ...asUser('editorA') }),
    ).rejects.toMatchObject({ status: 403 })
    await context.payload.delete({ collection: 'knowledge-entries', id: temp.id, ...asUser('kbAdmin') })
  })

  it('gives agents and supervisors no writes', async () => {
    for (const who of ['agent', 'supervisor'] as const) {
      await expect(createAs(who, { type: 'faq', title: 'x' })).rejects.toMatchObject({ status: 403 })
      await expect(updateAs(who, context.world.entries.aPublished.id, { title: 'x' })).rejects.toMatchObject({
        status: 403,
      })
    }
  })

  it('lets a kb-admin change any unit’s entry and move it', async () => {
    const moved = await updateAs('kbAdmin', context.world.entries.bDraft.id, { unit: context.world.units.a.id })
    expect(moved.unit).toMatchObject({ id: context.world.units.a.id })
  })
})

describe('users, units and categories', () => {
  it('shows a non-staff user only itself', async () => {
    const result = await context.payload.find({
      collection: 'users',
      user: context.world.users.editorA,
      overrideAccess: false,
    })
    expect(result.docs.map((u) => u.email)).toEqual(['editor-a@test.example'])
  })

  it('does not let a user change its own roles or unit', async () => {
    const updated = await context.payload.update({
      collection: 'users',
      id: context.world.users.editorA.id,
      data: { roles: ['admin'], unit: context.world.units.b.id, name: '新名字' },
      user: context.world.users.editorA,
      overrideAccess: false,
    })
    expect(updated.roles).toEqual(['unit-editor'])
    expect(updated.unit).toMatchObject({ id: context.world.units.a.id })
    expect(updated.name).toBe('新名字')
  })

  it('lets only admins create users, and requires a unit for unit roles', async () => {
    const createUserAs = (who: 'kbAdmin' | 'admin', key: string, roles: Role[]) =>
      context.payload.create({
        collection: 'users',
        data: { email: `${key}@test.example`, password: 'Secret-123', name: key, roles },
        user: context.world.users[who],
        overrideAccess: false,
      })
    await expect(createUserAs('kbAdmin', 'x', ['agent'])).rejects.toMatchObject({ status: 403 })
    await expect(createUserAs('admin', 'y', ['unit-editor'])).rejects.toMatchObject({
      status: 400,
      data: { errors: [expect.objectContaining({ path: 'unit' })] },
    })
  })

  it('lets units and categories be read by signed-in users and changed only by hotline staff', async () => {
    const read = await context.payload.find({
      collection: 'units',
      user: context.world.users.agent,
      overrideAccess: false,
    })
    expect(read.totalDocs).toBe(2)
    await expect(
      context.payload.update({
        collection: 'units',
        id: context.world.units.a.id,
        data: { name: '改名' },
        user: context.world.users.editorA,
        overrideAccess: false,
      }),
    ).rejects.toMatchObject({ status: 403 })
    const category = await context.payload.create({
      collection: 'categories',
      data: { name: '户籍证件', code: 'C1' },
      user: context.world.users.kbAdmin,
      overrideAccess: false,
    })
    const child = await context.payload.create({
      collection: 'categories',
      data: { name: '身份证', code: 'C101', parent: category.id },
      user: context.world.users.kbAdmin,
      overrideAccess: false,
    })
    expect(child.path).toBe('户籍证件/身份证')
    await expect(context.payload.find({ collection: 'categories', overrideAccess: false })).rejects.toMatchObject({
      status: 403,
    })
  })
})
