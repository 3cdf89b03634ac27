/** Demo work orders in several states, created through the work-order service as the demo staff would. */
import type { Payload } from 'payload'

import { fixClock, fixedClock, now } from '../../domain/clock'
import { actOnOrder } from '../../services/workOrderActions'
import { createOrder } from '../../services/workOrderIntake'
import type { Actor } from '../../services/workOrders'

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
  }
  try {
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
    await order(
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
      1,
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
