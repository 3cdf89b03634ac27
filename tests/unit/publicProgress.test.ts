import { allowedOrderActions } from '../../src/domain/workOrders/orderFlow'
import { maskPhone } from '../../src/domain/workOrders/personalData'
import {
  phoneTailMatches,
  type ProgressFacts,
  publicProgress,
  scrubNumbers,
  scrubReply,
} from '../../src/domain/workOrders/publicProgress'

const order: ProgressFacts = {
  number: 'GD20261120000004',
  state: 'accepted',
  type: 'help',
  createdAt: '2026-11-20T02:00:00.000Z',
  unitName: '江临市人力资源和社会保障局',
  dueAt: '2026-12-04T15:59:59.999Z',
  confidential: false,
}

describe('the progress a claimant may see', () => {
  it('shows the stage, unit and deadline of an open order, in Shanghai time', () => {
    expect(publicProgress(order)).toEqual({
      number: 'GD20261120000004',
      stage: '承办单位办理中',
      confidential: false,
      type: '求助',
      receivedAt: '2026-11-20 10:00',
      unit: '江临市人力资源和社会保障局',
      deadline: '2026-12-04 23:59',
      reply: null,
    })
  })

  it('keeps internal review steps inside the hotline', () => {
    expect(publicProgress({ ...order, state: 'return_requested' }).stage).toBe('已派发至承办单位')
    expect(publicProgress({ ...order, state: 'extension_requested' }).stage).toBe('承办单位办理中')
    expect(publicProgress({ ...order, state: 'consulting', unitName: null }).stage).toBe('已受理，正在分派')
    expect(publicProgress({ ...order, state: 'awaiting_info' }).stage).toMatch(/补充材料/)
  })

  it('shows the reply once given, without a deadline, and never a mobile or ID number in it', () => {
    const replied = publicProgress({
      ...order,
      state: 'replied',
      replyText: '已补发。如有疑问请致电 0571-88886666，或联系您留的 13812340002（身份证 110101199001011234）',
    })
    expect(replied.deadline).toBeNull()
    expect(replied.reply).toBe(
      '已补发。如有疑问请致电 0571-88886666，或联系您留的 ***********（身份证 ******************）',
    )
  })

  it('masks the claimant’s name where the reply names them', () => {
    const replied = publicProgress({ ...order, state: 'closed', replyText: '王芳女士：王芳反映的问题已解决' }, '王芳')
    expect(replied.reply).toBe('王*女士：王*反映的问题已解决')
    expect(scrubReply('王府井', '王')).toBe('王府井')
  })

  it('shows a direct answer and a refusal by its category, not its internal note', () => {
    expect(
      publicProgress({ ...order, state: 'closed', resolution: 'answered', answer: '请携带身份证办理' }).reply,
    ).toBe('请携带身份证办理')
    expect(
      publicProgress({ ...order, state: 'closed', resolution: 'not_accepted', notAcceptedReason: 'duplicate' }).reply,
    ).toBe('不予受理：重复诉求且无新情况，已告知进度')
  })

  it('shows only the stage of a confidential order', () => {
    expect(publicProgress({ ...order, confidential: true, replyText: '已办结' })).toEqual({
      number: 'GD20261120000004',
      stage: '承办单位办理中',
      confidential: true,
    })
  })
})

describe('the phone digits check', () => {
  it('matches the last four digits kept by the masked phone, mobiles and landlines alike', () => {
    expect(phoneTailMatches(maskPhone('13812340002'), '0002')).toBe(true)
    expect(phoneTailMatches(maskPhone('0571-8888 6666'), '6666')).toBe(true)
    expect(phoneTailMatches(maskPhone('13812340002'), '0003')).toBe(false)
  })

  it('never matches without a phone or with anything but four digits', () => {
    expect(phoneTailMatches(null, '0002')).toBe(false)
    expect(phoneTailMatches('****', '****')).toBe(false)
    expect(phoneTailMatches(maskPhone('13812340002'), '002')).toBe(false)
    expect(phoneTailMatches(maskPhone('13812340002'), '00002')).toBe(false)
  })

  it('scrubs nothing but personal numbers', () => {
    expect(scrubNumbers('请拨打 12345 或 0571-88886666')).toBe('请拨打 12345 或 0571-88886666')
  })
})

describe('allowed actions', () => {
  const at = new Date('2026-11-20T02:00:00Z')
  it('follow the flow rules for each role', () => {
    expect(allowedOrderActions({ state: 'intake' }, { id: 1, roles: ['agent'] }, at)).toEqual(['answer', 'not-accept'])
    expect(allowedOrderActions({ state: 'intake' }, { id: 2, roles: ['dispatcher'] }, at)).toEqual([
      'answer',
      'not-accept',
      'consult',
      'dispatch',
      'split',
    ])
    const handler = { id: 3, roles: ['unit-handler' as const], unit: 7 }
    expect(allowedOrderActions({ state: 'dispatched', unit: 7 }, handler, at)).toEqual(['accept', 'request-return'])
    expect(allowedOrderActions({ state: 'dispatched', unit: 8 }, handler, at)).toEqual([])
    expect(
      allowedOrderActions({ state: 'dispatched', unit: 7, returnDueAt: '2026-11-19T00:00:00Z' }, handler, at),
    ).toEqual(['accept'])
  })
})
