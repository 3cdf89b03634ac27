import { describe, expect, it } from '@jest/globals'

import {
  categoryFigures,
  dayFigures,
  loggedQuery,
  SearchLogBuffer,
  searchLogLists,
  searchLogTables,
} from '../../src/domain/knowledge/searchLog'

const search = (query: string, hits: number, firstConfident: boolean, day = '2026-11-25', category = '社会保障') =>
  ({ kind: 'search', day, audience: 'public', query, hits, firstConfident, category }) as const

describe('search log', () => {
  it('keeps only the masked, normalised query: no digits, names or addresses', () => {
    expect(loggedQuery('我叫张三，电话13812345678，身份证丢了')).toBe('我叫*,电话*,身份证丢了')
    expect(loggedQuery('住在阳光小区3栋 暖气不热')).not.toMatch(/阳光|3/)
    expect(loggedQuery('ＥＴＣ卡  怎么办')).toBe('etc卡 怎么办')
    expect(loggedQuery('问'.repeat(300))).toHaveLength(100)
  })

  it('counts searches, misses, unconfident first hits and uses per day × audience × query', () => {
    const buffer = new SearchLogBuffer()
    buffer.add(search('身份证丢了', 3, true))
    buffer.add(search('身份证丢了', 3, false))
    buffer.add({ kind: 'use', day: '2026-11-25', audience: 'public', query: '身份证丢了' })
    buffer.add(search('火星移民', 0, false, '2026-11-25', undefined))
    buffer.add({ ...search('身份证丢了', 2, true), audience: 'agent' })
    buffer.add(search('', 0, false))
    expect(buffer.size).toBe(3)
    const rows = buffer.take()
    expect(buffer.size).toBe(0)
    expect(rows).toContainEqual({
      day: '2026-11-25',
      audience: 'public',
      query: '身份证丢了',
      category: '社会保障',
      searches: 2,
      noHit: 0,
      noConfident: 1,
      used: 1,
    })
    expect(rows).toContainEqual(expect.objectContaining({ query: '火星移民', noHit: 1, noConfident: 1, used: 0 }))
  })

  it('puts a batch that could not be written back without losing counts', () => {
    const buffer = new SearchLogBuffer()
    buffer.add(search('低保', 1, true))
    const batch = buffer.take()
    buffer.add(search('低保', 1, false))
    buffer.putBack(batch)
    expect(buffer.take()).toEqual([expect.objectContaining({ query: '低保', searches: 2, noConfident: 1 })])
  })

  it('sums days into the four lists, per day and per category', () => {
    const buffer = new SearchLogBuffer()
    buffer.add(search('低保', 1, true, '2026-11-24'))
    buffer.add(search('低保', 1, true, '2026-11-25'))
    buffer.add({ kind: 'use', day: '2026-11-25', audience: 'public', query: '低保' })
    buffer.add(search('火星移民', 0, false, '2026-11-25', ''))
    buffer.add(search('养老金', 4, false, '2026-11-25'))
    const rows = buffer.take()
    const lists = searchLogLists(rows)
    expect(lists.top[0]).toMatchObject({ query: '低保', searches: 2, days: 2, used: 1 })
    expect(lists.top.map((q) => q.query).sort()).toEqual(['低保', '养老金', '火星移民'].sort())
    expect(lists.noHit.map((q) => q.query)).toEqual(['火星移民'])
    expect(lists.noConfident.map((q) => q.query)).toEqual(['养老金'])
    expect(lists.unused.map((q) => q.query)).toEqual(['养老金'])
    expect(dayFigures(rows)).toEqual([
      { day: '2026-11-24', audience: 'public', searches: 1, noHit: 0, noConfident: 0, used: 0 },
      { day: '2026-11-25', audience: 'public', searches: 3, noHit: 1, noConfident: 2, used: 1 },
    ])
    expect(categoryFigures(rows).map((c) => [c.category, c.searches])).toEqual([
      ['社会保障', 3],
      ['（无结果）', 1],
    ])
    const tables = searchLogTables(rows)
    expect(tables.map((t) => t.name)).toEqual([
      '热门查询',
      '无结果查询',
      '无可信结果查询',
      '有结果无人使用',
      '每日检索',
      '分类检索',
    ])
    expect(tables[0]!.rows[0]).toMatchObject({ query: '低保', audience: '公众' })
  })
})
