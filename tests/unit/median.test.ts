import { median } from '../../src/cli/median'

describe('median (the benches)', () => {
  it('is the middle run, the upper middle one of an even count, without reordering the runs', () => {
    const runs = [30, 10, 20]
    expect(median(runs)).toBe(20)
    expect(runs).toEqual([30, 10, 20])
    expect(median([4, 1, 3, 2])).toBe(3)
  })
})
