import { EmbeddedEngine } from '../../src/search/embedded/EmbeddedEngine'
import { InvertedIndex } from '../../src/search/embedded/invertedIndex'
import type { SearchDocument } from '../../src/search/types'
import { doc } from '../search-conformance/conformance'

const now = new Date('2026-11-25T10:00:00+08:00')
const words = (text: string) => text.split(' ').filter(Boolean)

describe('inverted index compaction', () => {
  it('scores the kept documents as an index built from them alone', () => {
    const fields = [
      { name: 'title', boost: 2 },
      { name: 'body', boost: 1 },
    ]
    const texts: Record<string, string[]> = {
      a: ['身份证 补领', '派出所 身份证'],
      b: ['公积金 提取', '租房 提取 提取'],
      c: ['身份证 换领', '到期 换领'],
      d: ['社保 转移', '身份证'],
    }
    const compacted = new InvertedIndex(fields, words)
    for (const id of ['a', 'b', 'c', 'd']) compacted.add(id, texts[id])
    compacted.add('a', ['身份证 补领 标准', '派出所'])
    compacted.remove('c')
    const moved = compacted.compact()
    expect([...moved]).toEqual([-1, 0, -1, 1, 2])
    expect(compacted.removed).toBe(0)

    const fresh = new InvertedIndex(fields, words)
    for (const id of ['b', 'd']) fresh.add(id, texts[id])
    fresh.add('a', ['身份证 补领 标准', '派出所'])
    const terms = new Map([
      ['身份证', 1],
      ['提取', 0.5],
      ['换领', 1],
    ])
    const scored = (index: InvertedIndex) => {
      const list = index.search(terms, () => true)
      return Object.fromEntries(
        Array.from(list.docs.subarray(0, list.length), (d, i) => [index.idOf(d), list.scores[i]]),
      )
    }
    expect(scored(compacted)).toEqual(scored(fresh))
    expect(compacted.frequency('换领')).toBe(0)
    expect(compacted.matchedFields(compacted.slotOf('d')!, ['身份证'])).toEqual(['body'])
  })
})

describe('embedded engine rebuilds', () => {
  const search = async (engine: EmbeddedEngine, text: string) =>
    (await engine.search({ text, audience: 'agent', now })).hits.map((h) => [h.document.code, h.score])

  it('answers after compaction as an engine built from the same entries', async () => {
    const entries = Array.from({ length: 12 }, (_, i) =>
      doc(`KB-${i}`, { title: i % 2 ? `身份证补领${i}` : `公积金提取${i}`, body: `办理材料${i} 身份证` }),
    )
    const engine = new EmbeddedEngine()
    await engine.replaceAll(entries)
    await engine.delete(['KB-7', 'KB-9'])
    // Enough replacements that the engine compacts itself (the last one too).
    for (let round = 2; round < 5; round++)
      await engine.upsert(entries.slice(0, 6).map((e) => ({ ...e, version: round, body: `${e.body} 第${round}版` })))
    const fresh = new EmbeddedEngine()
    await fresh.replaceAll([
      ...entries.slice(6).filter((e) => !['KB-7', 'KB-9'].includes(e.code)),
      ...entries.slice(0, 6).map((e) => ({ ...e, version: 4, body: `${e.body} 第4版` })),
    ])
    for (const q of ['身份证', '公积金提取', '第4版', '第2版'])
      expect(await search(engine, q)).toEqual(await search(fresh, q))
    expect((await engine.health()).documents).toBe(10)
  })

  it('builds from pages, keeps writes made meanwhile and keeps no body text', async () => {
    const engine = new EmbeddedEngine()
    await engine.replaceAll([doc('KB-OLD', { title: '旧条目' })])
    const pages = async function* (): AsyncGenerator<SearchDocument[]> {
      yield [doc('KB-1', { title: '居民身份证补领', body: '带户口簿到派出所' })]
      // Searches still see the live index; a publish made now must survive the swap.
      expect(await search(engine, '旧条目')).toHaveLength(1)
      await engine.upsert([doc('KB-2', { version: 2, title: '公积金租房提取' })])
      await engine.upsert([doc('KB-3', { title: '结婚登记' })])
      await engine.delete(['KB-3'])
      yield [doc('KB-2', { version: 1, title: '公积金旧标题' })]
    }
    await engine.replaceAll(pages())
    expect(await search(engine, '旧条目')).toEqual([])
    expect((await search(engine, '公积金租房')).map(([code]) => code)).toEqual(['KB-2'])
    expect(await search(engine, '结婚登记')).toEqual([])
    const hit = (await engine.search({ text: '户口簿', audience: 'agent', now })).hits[0]
    expect(hit.document).toMatchObject({ code: 'KB-1', title: '居民身份证补领', body: '' })
  })
})
