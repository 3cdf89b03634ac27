import { useWorld } from '../helpers/fixtures'

const context = useWorld()

const create = (data: Record<string, unknown>, status: 'draft' | 'published' = 'draft') =>
  context.payload.create({
    collection: 'knowledge-entries',
    draft: status === 'draft',
    data: { unit: context.world.units.a.id, _status: status, ...data } as never,
  })

const fieldError = (path: string, message: RegExp) => ({
  status: 400,
  data: {
    errors: expect.arrayContaining([expect.objectContaining({ path, message: expect.stringMatching(message) })]),
  },
})

describe('knowledge entry validation', () => {
  it('generates the next KB code when none is given', async () => {
    const a = await create({ type: 'faq', title: '一' })
    const b = await create({ type: 'faq', title: '二' })
    expect(a.code).toMatch(/^KB-\d{4}$/)
    expect(Number(b.code!.slice(3))).toBe(Number(a.code!.slice(3)) + 1)
  })

  it('refuses a code that is taken or malformed', async () => {
    await create({ type: 'faq', title: '占用', code: 'KB-0500' })
    await expect(create({ type: 'faq', title: '重复', code: 'KB-0500' })).rejects.toMatchObject(
      fieldError('code', /KB-0500 已被其他条目使用/),
    )
    await expect(create({ type: 'faq', title: '格式', code: 'ABC' })).rejects.toMatchObject(fieldError('code', /格式/))
  })

  it('numbers on after KB-9999 (the highest code is numeric, not by string order)', async () => {
    await create({ type: 'faq', title: '九九九九', code: 'KB-9999' })
    const a = await create({ type: 'faq', title: '一万' })
    const b = await create({ type: 'faq', title: '一万零一' })
    expect([a.code, b.code]).toEqual(['KB-10000', 'KB-10001'])
  })

  it('needs materials or steps in a guide', async () => {
    await expect(create({ type: 'guide', title: '空指南', guide: { fee: '不收费' } })).rejects.toMatchObject(
      fieldError('guide.materials', /申请材料或办理流程/),
    )
  })

  it('needs validUntil not before validFrom', async () => {
    await expect(
      create({ type: 'faq', title: '日期', validFrom: '2026-06-01T00:00:00Z', validUntil: '2026-05-01T00:00:00Z' }),
    ).rejects.toMatchObject(fieldError('validUntil', /不能早于生效日期/))
  })

  it('checks phone formats', async () => {
    await expect(create({ type: 'location', title: '电话', location: { phone: '打这个电话' } })).rejects.toMatchObject(
      fieldError('location.phone', /电话号码格式不正确/),
    )
    const ok = await create({ type: 'location', title: '电话对', location: { phone: '0000-8612345、12345' } })
    expect(ok.location?.phone).toBe('0000-8612345、12345')
  })

  it('keeps answer scripts internal and applies the review cycle of the type', async () => {
    const script = await create({ type: 'script', title: '口径', audience: 'public' })
    expect(script.audience).toBe('internal')
    expect(script.reviewCycleDays).toBe(90)
    const location = await create({ type: 'location', title: '地点' })
    expect(location.reviewCycleDays).toBe(365)
  })

  it('never publishes an entry whose validity has ended (HOTLINE_NOW is 2026-11-25)', async () => {
    await expect(
      create({ type: 'faq', title: '过期', validUntil: '2026-11-23T16:00:00Z' }, 'published'),
    ).rejects.toMatchObject(fieldError('validUntil', /已过有效期/))
    // Valid through the whole of 2026-11-25 (Shanghai): still publishable today.
    const today = await create({ type: 'faq', title: '今天到期', validUntil: '2026-11-24T16:00:00Z' }, 'published')
    expect(today._status).toBe('published')
  })

  it('turns a unit role without a unit into a field error', async () => {
    await expect(
      context.payload.update({ collection: 'users', id: context.world.users.editorA.id, data: { unit: null } }),
    ).rejects.toMatchObject(fieldError('unit', /必须选择所属单位/))
  })
})
