/** Personal-data retention with a moving clock, and a claimant's export and erasure requests. */
import fs from 'node:fs'
import path from 'node:path'

import { env } from '../../src/config/env'
import { fixClock } from '../../src/domain/clock'
import { encryptField, keyedHash } from '../../src/domain/workOrders/personalData'
import { ANONYMISED_CONTENT, ANONYMISED_NAME } from '../../src/domain/workOrders/retention'
import type { WorkOrder } from '../../src/payload-types'
import { anonymiseExpired, eraseClaimantData, exportClaimantData } from '../../src/services/personalDataRetention'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
const at = (s: string) => fixClock(new Date(s))
const key = () => env().personalDataKey

let sequence = 0
async function order(
  state: string,
  events: { at: string; to: string }[],
  phone: string,
  extra: Record<string, unknown> = {},
): Promise<WorkOrder> {
  sequence++
  return context.payload.create({
    collection: 'work-orders',
    data: {
      number: `T${String(sequence).padStart(4, '0')}`,
      createdAt: events[0]!.at,
      state,
      type: 'complaint',
      title: `噪音扰民 ${sequence}`,
      content: `我是王五，住在幸福小区3栋502，电话 ${phone}，楼下夜里施工`,
      district: '江临区',
      address: '幸福小区3栋502',
      claimant: {
        nameMasked: '王*',
        phoneMasked: '139****1111',
        nameEnc: encryptField('王五', key()),
        phoneEnc: encryptField(phone, key()),
        idEnc: encryptField('110101199001011234', key()),
        idMasked: '110***********1234',
        phoneHash: keyedHash(phone, key()),
      },
      reply: { result: '已责令施工方停止夜间施工', text: '王先生您好，已处理', contacted: true },
      lastSatisfaction: 'satisfied',
      timeline: events.map((e) => ({ ...e, action: 'x', label: 'x', actor: '测试', roles: 'dispatcher' })),
      ...extra,
    } as never,
  })
}

const reload = (id: number) =>
  context.payload.findByID({ collection: 'work-orders', id, depth: 0, overrideAccess: true, showHiddenFields: true })
const logs = async (action: string) =>
  (
    await context.payload.find({
      collection: 'personal-data-log',
      where: { action: { equals: action } },
      sort: 'createdAt',
      pagination: false,
    })
  ).docs

afterAll(() => at('2026-11-25T10:00:00+08:00'))

describe('personal-data retention (3 years = 1095 days by default)', () => {
  let old: WorkOrder
  let recent: WorkOrder
  let open: WorkOrder
  let split: WorkOrder
  let attachment: { id: number; filename?: string | null }

  beforeAll(async () => {
    at('2026-11-25T10:00:00+08:00')
    attachment = (await context.payload.create({
      collection: 'media',
      data: { alt: '诉求人上传的照片', audience: 'internal' },
      file: { data: Buffer.from('photo'), mimetype: 'text/plain', name: 'claimant-photo.txt', size: 5 },
    })) as never
    old = await order(
      'closed',
      [
        { at: '2023-10-20T09:00:00+08:00', to: 'intake' },
        { at: '2023-11-01T09:00:00+08:00', to: 'closed' },
      ],
      '13900001111',
      { attachments: [attachment.id] },
    )
    // Created long ago, but closed only in 2024: its three years run from the closing.
    recent = await order(
      'closed',
      [
        { at: '2023-01-05T09:00:00+08:00', to: 'intake' },
        { at: '2024-06-01T09:00:00+08:00', to: 'closed' },
      ],
      '13900002222',
    )
    open = await order('accepted', [{ at: '2020-01-01T09:00:00+08:00', to: 'accepted' }], '13900003333')
    split = await order(
      'split',
      [
        { at: '2023-01-01T09:00:00+08:00', to: 'intake' },
        { at: '2023-01-02T09:00:00+08:00', to: 'split' },
      ],
      '13900004444',
    )
    await context.payload.create({
      collection: 'knowledge-gaps',
      data: { question: `${old.title}：${old.content}`, order: old.id, orderNumber: old.number },
    })
  })

  it('anonymises orders that ended more than the period ago, keeping statistics and the timeline', async () => {
    const report = await anonymiseExpired(context.payload)
    expect(report.anonymised.sort()).toEqual([old.number, split.number].sort())

    const after = await reload(old.id)
    expect(after.claimant).toMatchObject({
      nameMasked: ANONYMISED_NAME,
      phoneMasked: null,
      idMasked: null,
      nameEnc: null,
      phoneEnc: null,
      idEnc: null,
      phoneHash: null,
    })
    expect(after.content).toBe(ANONYMISED_CONTENT)
    expect(after.address).toBeNull()
    expect(after.reply).toMatchObject({ text: null, result: '已责令施工方停止夜间施工', contacted: true })
    expect(after.attachments ?? []).toEqual([])
    // What statistics and accountability need stays.
    expect(after).toMatchObject({
      title: old.title,
      type: 'complaint',
      district: '江临区',
      state: 'closed',
      lastSatisfaction: 'satisfied',
      anonymisedReason: 'retention',
      anonymisedAt: new Date('2026-11-25T10:00:00+08:00').toISOString(),
    })
    expect(after.timeline).toEqual(old.timeline)

    // The claim's copy in the knowledge gap and the claimant's attachment go too.
    const gaps = await context.payload.find({ collection: 'knowledge-gaps', where: { order: { equals: old.id } } })
    expect(gaps.docs[0]!.question).toBe(old.title)
    await expect(context.payload.findByID({ collection: 'media', id: attachment.id })).rejects.toThrow()
    expect(fs.existsSync(path.join(env().mediaDir, attachment.filename!))).toBe(false)

    // Not yet due, and still open: untouched.
    expect((await reload(recent.id)).claimant?.phoneHash).toBe(keyedHash('13900002222', key()))
    expect((await reload(open.id)).content).toMatch(/王五/)

    const [run] = await logs('retention')
    expect(run).toMatchObject({ count: 2, actorName: '系统（定时任务）' })
    expect(run!.orderNumbers!.split(',').sort()).toEqual([old.number, split.number].sort())
    expect(run!.fields).toMatch(/claimant.phone.*content.*address/)
  })

  it('takes the next order once the clock passes its three years, and every run is logged', async () => {
    at('2027-05-31T10:00:00+08:00')
    expect((await anonymiseExpired(context.payload)).anonymised).toEqual([])
    at('2027-06-02T10:00:00+08:00')
    expect((await anonymiseExpired(context.payload)).anonymised).toEqual([recent.number])
    expect((await reload(recent.id)).claimant?.phoneHash).toBeNull()
    expect((await anonymiseExpired(context.payload)).anonymised).toEqual([])
    expect((await logs('retention')).map((l) => l.count)).toEqual([2, 0, 1, 0])
    expect((await reload(open.id)).content).toMatch(/王五/)
  })

  it('honours a shorter configured period', async () => {
    at('2026-11-25T10:00:00+08:00')
    const fresh = await order(
      'closed',
      [
        { at: '2026-10-01T09:00:00+08:00', to: 'intake' },
        { at: '2026-10-02T09:00:00+08:00', to: 'closed' },
      ],
      '13900005555',
    )
    expect((await anonymiseExpired(context.payload, 60)).anonymised).toEqual([])
    expect((await anonymiseExpired(context.payload, 30)).anonymised).toEqual([fresh.number])
  })
})

describe("a claimant's request", () => {
  const admin = () => ({ ...context.world.users.admin, roles: ['admin' as const] })

  it('exports everything held about a phone for an admin, and logs it', async () => {
    at('2026-11-25T10:00:00+08:00')
    const closed = await order(
      'closed',
      [
        { at: '2026-11-01T09:00:00+08:00', to: 'intake' },
        { at: '2026-11-02T09:00:00+08:00', to: 'closed' },
      ],
      '13700007777',
    )
    const running = await order('accepted', [{ at: '2026-11-20T09:00:00+08:00', to: 'accepted' }], '13700007777')
    await expect(
      exportClaimantData(context.payload, '13700007777', '本人申请', {
        ...context.world.users.agent,
        roles: ['agent'],
      }),
    ).rejects.toMatchObject({ status: 403 })
    await expect(exportClaimantData(context.payload, '137-0000-7777', ' ', admin())).rejects.toMatchObject({
      status: 400,
    })

    const exported = await exportClaimantData(context.payload, '137 0000 7777', '本人申请 2026-001', admin())
    expect(exported.orders.map((o) => o.number)).toEqual([closed.number, running.number])
    expect(exported.orders[0]!.claimant).toEqual({ name: '王五', phone: '13700007777', idNumber: '110101199001011234' })
    const [log] = await logs('export')
    expect(log).toMatchObject({ count: 2, reason: '本人申请 2026-001', actorName: 'admin' })

    const erased = await eraseClaimantData(context.payload, '13700007777', '本人申请删除 2026-002', admin())
    expect(erased).toEqual({ erased: [closed.number], stillOpen: [running.number] })
    expect((await reload(closed.id)).anonymisedReason).toBe('request')
    expect((await reload(running.id)).claimant?.nameEnc).toBeTruthy()
    const [erase] = await logs('erase')
    expect(erase).toMatchObject({ count: 1, orderNumbers: closed.number, reason: '本人申请删除 2026-002' })
    // Once erased, the phone no longer finds the closed order.
    expect(
      (await exportClaimantData(context.payload, '13700007777', '复核', admin())).orders.map((o) => o.number),
    ).toEqual([running.number])
  })
})
