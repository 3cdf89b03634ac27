/**
 * Demo work orders in several states, created through the work-order service as the demo staff would,
 * dated before the seed's clock. Seeded on a Monday late in the last year the calendar has an
 * arrangement for (e.g. HOTLINE_NOW=2026-12-21T10:00:00+08:00), the deadline round then finds an
 * intake (dispatch) timeout, a sign-for timeout and a callback timeout the next day, a handling
 * deadline in the last days of the year, and a complaint whose deadline reaches into the next year
 * (guessed without its 调休 arrangement: marked, never supervised). A supervisor's manual 督办 on the
 * 不满意 complaint has the unit's rectification waiting for review. README "Work orders" shows the run.
 */
import type { Payload } from 'payload'

import { fixClock, fixedClock, now } from '../../domain/clock'
import { openManualSupervision, submitRectification } from '../../services/orderSupervision'
import { actOnOrder } from '../../services/workOrderActions'
import { createOrder } from '../../services/workOrderIntake'
import type { Actor } from '../../services/workOrders'
import { DEMO_ORDER_HISTORY } from './orderHistory'

const DAY = 86_400_000

export async function seedDemoWorkOrders(payload: Payload): Promise<number> {
  const users = await payload.find({ collection: 'users', pagination: false, depth: 0, overrideAccess: true })
  const actor = (email: string): Actor => {
    const u = users.docs.find((d) => d.email === email)!
    return { id: u.id, roles: u.roles ?? [], unit: u.unit as number | undefined, name: u.name }
  }
  const agent = actor('agent@hotline.example')
  const dispatcher = actor('dispatcher@hotline.example')
  const rs = actor('handler.rs@hotline.example')
  const gjj = actor('handler.gjj@hotline.example')
  const supervisor = actor('supervisor@hotline.example')
  const today = now()
  const previous = fixedClock()
  // Orders are dated in the recent past: the clock moves back while they are written.
  const at = (daysAgo: number, hour = 10) =>
    fixClock(new Date(today.getTime() - daysAgo * DAY + (hour - 10) * 3_600_000))
  const entry = (
    await payload.find({
      collection: 'knowledge-entries',
      where: { _status: { equals: 'published' } },
      limit: 1,
      sort: 'code',
      depth: 0,
      overrideAccess: true,
    })
  ).docs[0]
  let count = 0
  const order = async (
    daysAgo: number,
    data: Parameters<typeof createOrder>[1],
    steps: [number, Actor, Parameters<typeof actOnOrder>[2], Parameters<typeof actOnOrder>[3]][],
  ) => {
    at(daysAgo)
    const created = await createOrder(payload, data, agent)
    for (const [later, who, action, input] of steps) {
      at(daysAgo - later, 11 + later)
      await actOnOrder(payload, created.number, action, input, who)
    }
    count++
    return created.number
  }
  try {
    // The closed history the category model learns from, each answer citing an entry of its category.
    for (const [i, past] of DEMO_ORDER_HISTORY.entries()) {
      const cited = await entryOfCategory(payload, past.category)
      if (!cited) continue
      await order(35 + ((i * 7) % 46), { type: 'consultation', ...past, claimant: { anonymous: true } }, [
        [0, agent, 'answer', { citedEntries: [cited] }],
      ])
    }
    await order(
      12,
      {
        type: 'consultation',
        title: '咨询身份证补领',
        content: '身份证丢了怎么补办',
        claimant: { name: '陈明', phone: '13812340001' },
      },
      [[0, agent, 'answer', { citedEntries: entry?.code ? [entry.code] : [], noKnowledge: !entry }]],
    )
    await order(
      11,
      { type: 'consultation', title: '咨询无人机备案', content: '个人无人机在哪里备案', claimant: { anonymous: true } },
      [[0, agent, 'answer', { noKnowledge: true, answer: '已记录，将由相关部门答复' }]],
    )
    await order(
      10,
      {
        type: 'help',
        title: '养老金未按时到账',
        content: '本月养老金未到账，请协助查询',
        district: '江北区',
        claimant: { name: '王芳', phone: '13812340002' },
      },
      [
        [0, dispatcher, 'dispatch', { unit: 'JL-RS' }],
        [1, rs, 'accept', {}],
        [3, rs, 'reply', { result: '已核查并补发', text: '养老金已于今日补发到账', contacted: true }],
        [4, dispatcher, 'callback', { satisfaction: 'satisfied', solved: true }],
        [4, dispatcher, 'close', {}],
      ],
    )
    const slowReview = await order(
      8,
      {
        type: 'complaint',
        title: '公积金提取审核太慢',
        content: '提交租房提取申请两周未审核',
        district: '江南区',
        claimant: { name: '李强', phone: '13812340003' },
      },
      [
        [0, dispatcher, 'dispatch', { unit: 'JL-GJJ' }],
        [1, gjj, 'accept', {}],
        [2, gjj, 'reply', { result: '已加急审核', text: '您的申请已审核通过', contacted: true }],
        [3, dispatcher, 'callback', { satisfaction: 'dissatisfied', solved: false }],
      ],
    )
    // 第二十二条(四): the supervisor opens an item on the 不满意 complaint; the unit answers with its rectification.
    at(4, 15)
    const item = await openManualSupervision(
      payload,
      {
        workOrder: slowReview,
        reason: 'poor_handling',
        description: '租房提取申请两周未审核，回访不满意，须查明原因并整改',
      },
      supervisor,
    )
    at(3, 16)
    await submitRectification(
      payload,
      item.id,
      '已约谈经办人；租房提取审核建立 5 个工作日时限台账，每周通报超时件',
      gjj,
    )
    await order(
      7,
      {
        type: 'complaint',
        title: '工伤认定申请逾期未答复',
        content: '提交工伤认定申请已 70 天，仍未收到认定结论',
        district: '江北区',
        respondent: '江临市人力资源和社会保障局工伤保险科',
        claimant: { name: '吴敏', phone: '13812340007' },
      },
      [
        [0, dispatcher, 'dispatch', { unit: 'JL-RS' }],
        [1, rs, 'accept', {}],
      ],
    )
    await order(
      6,
      {
        type: 'help',
        title: '社保转移接续进度查询',
        content: '外省社保转入已申请一个月，请协助催办',
        district: '临湖区',
        claimant: { name: '郑涛', phone: '13812340008' },
      },
      [
        [0, dispatcher, 'dispatch', { unit: 'JL-RS' }],
        [1, rs, 'accept', {}],
        [2, rs, 'reply', { result: '已联系转出地催办', text: '转移接续手续已办结，请留意到账信息', contacted: true }],
      ],
    )
    await order(
      4,
      {
        type: 'help',
        title: '社保卡无法使用',
        content: '社保卡在医院无法结算',
        district: '临湖区',
        claimant: { name: '赵丽', phone: '13812340004' },
      },
      [
        [0, dispatcher, 'dispatch', { unit: 'JL-RS' }],
        [1, rs, 'accept', {}],
      ],
    )
    await order(
      2,
      {
        type: 'suggestion',
        title: '建议延长公积金大厅周末服务',
        content: '希望周六上午开放',
        claimant: { name: '孙伟', phone: '13812340005' },
      },
      [[0, dispatcher, 'dispatch', { unit: 'JL-GJJ' }]],
    )
    await order(
      0,
      {
        type: 'consultation',
        title: '咨询失业金领取',
        content: '失业金怎么领取',
        claimant: { name: '周杰', phone: '13812340006' },
      },
      [],
    )
  } finally {
    fixClock(previous)
  }
  return count
}

async function entryOfCategory(payload: Payload, path: string): Promise<string | undefined> {
  const category = (
    await payload.find({ collection: 'categories', where: { path: { equals: path } }, limit: 1, overrideAccess: true })
  ).docs[0]
  if (!category) return undefined
  const { docs } = await payload.find({
    collection: 'knowledge-entries',
    where: { and: [{ category: { equals: category.id } }, { _status: { equals: 'published' } }] },
    sort: 'code',
    limit: 1,
    depth: 0,
    overrideAccess: true,
  })
  return docs[0]?.code ?? undefined
}
