import { addressSimilarity, similarOrders } from '../../src/domain/intake/similarOrders'

const open = (number: string, title: string, content: string, place: { address?: string; district?: string } = {}) => ({
  number,
  title,
  content,
  ...place,
})

const recent = [
  open('GD1', '小区停水', '幸福小区停水两天了，自来水一直没来', { address: '幸福路8号幸福小区', district: '东城区' }),
  open('GD2', '停水', '家里停水了，自来水什么时候来', { address: '和平街12号', district: '西城区' }),
  open('GD3', '噪音扰民', '夜间施工噪音扰民', { address: '幸福路8号幸福小区', district: '东城区' }),
  open('GD4', '小区停水', '东城区停水，自来水没有', { district: '东城区' }),
  open('GD5', '路灯不亮', '路灯坏了不亮', { address: '幸福小区3号楼', district: '东城区' }),
]

describe('address similarity', () => {
  it('is the share of the shorter address found in the other, after normalisation', () => {
    expect(addressSimilarity('幸福小区', '东城区幸福路8号幸福小区')).toBe(1)
    expect(addressSimilarity('幸福路８号 幸福小区', '幸福路8号幸福小区')).toBe(1)
    expect(addressSimilarity('和平街12号', '幸福路8号幸福小区')).toBeLessThan(0.2)
    expect(addressSimilarity('', '幸福小区')).toBe(0)
    expect(addressSimilarity(undefined, '幸福小区')).toBe(0)
  })
})

describe('similar open orders', () => {
  it('finds the same problem at the same address first, then in the same district, never elsewhere', () => {
    const found = similarOrders(
      { title: '停水', content: '我们小区停水了，没有自来水', address: '幸福小区', district: '东城区' },
      recent,
    )
    expect(found.map((o) => o.number)).toEqual(['GD1', 'GD4'])
    expect(found[0]).toMatchObject({ samePlace: true })
    expect(found[0].similarity).toBeGreaterThan(0.2)
    expect(found[1]).toMatchObject({ samePlace: false })
  })

  it('does not match a different problem at the same address', () => {
    const found = similarOrders({ content: '施工噪音太大，晚上睡不着', address: '幸福小区' }, recent)
    expect(found.map((o) => o.number)).toEqual(['GD3'])
    // The place's own words in both texts do not make two problems there alike.
    const lamp = open('GD6', '幸福小区路灯', '幸福小区路灯不亮', { address: '幸福小区' })
    expect(similarOrders({ title: '幸福小区停水', content: '幸福小区停水', address: '幸福小区' }, [lamp])).toEqual([])
  })

  it('without a place asks for closer text; nothing similar gives nothing', () => {
    const loose = similarOrders({ content: '停水' }, recent, { minTextWithoutPlace: 0.2 })
    expect(loose.map((o) => o.number)).toEqual(expect.arrayContaining(['GD1', 'GD2', 'GD4']))
    expect(similarOrders({ content: '护照办理需要什么材料' }, recent)).toEqual([])
    expect(similarOrders({ content: '停水' }, [])).toEqual([])
  })
})
