/** The call form as the intake API takes it: nothing the agent left empty, nothing the claimant withheld. */
import { EMPTY_CALL, orderBody } from '../../src/site/intakeBody'

describe('intake body', () => {
  it('sends what the agent filled in, the citations, the shown suggestion and the linked orders', () => {
    const body = orderBody(
      {
        ...EMPTY_CALL,
        name: '陈立',
        phone: '139 0000 1234',
        type: 'help',
        title: ' 路灯不亮 ',
        content: '三天了',
        category: 'C-12',
      },
      [{ code: 'KB-1001', title: '路灯报修', version: '2026-11-01T00:00:00.000Z' }],
      '42',
      ['GD20261120000001'],
    )
    expect(body).toMatchObject({
      type: 'help',
      title: '路灯不亮',
      category: 'C-12',
      claimant: { kind: 'person', name: '陈立', phone: '13900001234', anonymous: false },
      citedEntries: ['KB-1001'],
      suggestedCategory: '42',
      related: ['GD20261120000001'],
    })
    expect(body.district).toBeUndefined()
    expect(body.claimant.companyName).toBeUndefined()
  })

  it('drops the name of an anonymous caller and the company fields that do not apply', () => {
    const anonymous = orderBody(
      { ...EMPTY_CALL, name: '陈立', anonymous: true, companyName: '某公司' },
      [],
      undefined,
      [],
    )
    expect(anonymous.claimant.name).toBeUndefined()
    expect(anonymous.claimant.companyName).toBeUndefined()
    expect(anonymous.related).toBeUndefined()
    const organisation = orderBody(
      { ...EMPTY_CALL, kind: 'organisation', companyName: '某协会', creditCode: '91350100M000100Y43' },
      [],
      undefined,
      [],
    )
    expect(organisation.claimant).toMatchObject({ companyName: '某协会', creditCode: undefined })
    const enterprise = orderBody(
      { ...EMPTY_CALL, kind: 'enterprise', companyName: '某公司', creditCode: '91350100M000100Y43' },
      [],
      undefined,
      [],
    )
    expect(enterprise.claimant).toMatchObject({ companyName: '某公司', creditCode: '91350100M000100Y43' })
  })
})
