import { dispatchOutcomes } from '../../src/domain/intake/orderHistory'
import { type HandledOrder, UnitSuggester } from '../../src/domain/intake/unitSuggestion'

let n = 0
const order = (unit: string, content: string, extra: Partial<HandledOrder> = {}): HandledOrder => ({
  id: `GD-${++n}`,
  unit,
  content,
  category: null,
  district: null,
  returned: false,
  ...extra,
})

const history: HandledOrder[] = [
  order('水务集团', '小区停水三天，自来水一直没有来', { category: '供水', district: '东城区' }),
  order('水务集团', '停水了，水压很低，自来水管爆了', { category: '供水', district: '西城区' }),
  order('东城区住建局', '小区停水，二次供水水箱坏了', { category: '供水', district: '东城区' }),
  order('东城区住建局', '楼道灯坏了，物业不修', { category: '物业', district: '东城区' }),
  order('生态环境局', '夜间施工噪音扰民', { category: '噪音', district: '东城区' }),
  order('城管局', '夜间施工噪音，渣土车', { category: '噪音', district: '西城区', returned: true }),
  order('城管局', '工地夜间施工噪音很大', { category: '噪音', district: '西城区', returned: true }),
  order('城管局', '夜间施工噪音影响休息', { category: '噪音', district: '东城区' }),
]

describe('unit suggestion', () => {
  const suggester = UnitSuggester.build(history)

  it('ranks the units that handled similar orders, with counts and examples', () => {
    const [first, ...rest] = suggester.suggest({ content: '我家停水了，自来水没有', category: '供水' })
    expect(first).toMatchObject({ unit: '水务集团', similarOrders: 2, returns: 0, returnRate: 0 })
    expect(first.examples).toEqual(expect.arrayContaining(['GD-1', 'GD-2']))
    expect(rest.map((s) => s.unit)).toContain('东城区住建局')
    expect(rest.map((s) => s.unit)).not.toContain('生态环境局')
  })

  it('weighs the district: the local unit that handled such orders there rises', () => {
    const here = suggester.suggest({ content: '二次供水停水', category: '供水', district: '东城区' })
    expect(here[0].unit).toBe('东城区住建局')
  })

  it('counts approved returns against a unit, and shows its return rate', () => {
    const noise = suggester.suggest({ content: '夜间施工噪音', category: '噪音' })
    expect(noise[0].unit).toBe('生态环境局')
    // Two of its three similar orders came back approved: the evidence is against it.
    expect(noise.map((s) => s.unit)).not.toContain('城管局')
    const mostlyKept = UnitSuggester.build([
      ...history,
      order('城管局', '夜间施工噪音扰民', { category: '噪音' }),
      order('城管局', '施工噪音扰民严重', { category: '噪音' }),
      order('城管局', '夜里施工噪音', { category: '噪音' }),
    ])
    const city = mostlyKept.suggest({ content: '夜间施工噪音', category: '噪音' }).find((s) => s.unit === '城管局')
    expect(city).toMatchObject({ similarOrders: 6, returns: 2, returnRate: 2 / 6 })
    const only = UnitSuggester.build(history.filter((o) => o.unit === '城管局' && o.returned))
    expect(only.suggest({ content: '夜间施工噪音' })).toEqual([])
  })

  it('suggests nothing for an order like none before', () => {
    expect(suggester.suggest({ content: '咨询护照办理' })).toEqual([])
    expect(UnitSuggester.build([]).suggest({ content: '停水' })).toEqual([])
  })
})

describe('dispatch outcomes of an order', () => {
  it('name the units that returned it (approved) and the unit that kept it', () => {
    const timeline = [
      { action: 'create', note: null },
      { action: 'dispatch', note: '派发至 城管局' },
      { action: 'request-return', note: '不属本单位职责（依据：三定方案）' },
      { action: 'approve-return', note: '改派至 生态环境局' },
      { action: 'request-return', note: '不属本单位职责（依据：…）' },
      { action: 'reject-return', note: '属于职责' },
      { action: 'accept', note: null },
    ]
    expect(dispatchOutcomes(timeline, '生态环境局')).toEqual([
      { unit: '城管局', returned: true },
      { unit: '生态环境局', returned: false },
    ])
    expect(dispatchOutcomes([{ action: 'answer' }], undefined)).toEqual([])
    expect(
      dispatchOutcomes(
        [
          { action: 'dispatch', note: '派发至 水务集团' },
          { action: 'approve-return', note: '改派至 住建局（争议后指定承办）' },
        ],
        undefined,
      ),
    ).toEqual([
      { unit: '水务集团', returned: true },
      { unit: '住建局', returned: false },
    ])
  })

  it('read the unit id recorded on dispatch steps, and resolve names only for older steps', () => {
    const ids = new Map([
      ['城管局', '7'],
      ['生态环境局', '9'],
    ])
    const timeline = [
      // Written before dispatches recorded the unit: only the note names it.
      { action: 'dispatch', note: '派发至 城管局' },
      { action: 'approve-return', note: '改派至 某个改过名的单位', unit: 9 },
      { action: 'approve-return', note: '改派至 生态环境局', unit: 12 },
    ]
    expect(dispatchOutcomes(timeline, undefined, (name) => ids.get(name))).toEqual([
      { unit: '7', returned: true },
      { unit: '9', returned: true },
      { unit: '12', returned: false },
    ])
    // A name no unit has any more teaches nothing.
    expect(dispatchOutcomes([{ action: 'dispatch', note: '派发至 已撤销单位' }], undefined, (n) => ids.get(n))).toEqual(
      [],
    )
  })
})
