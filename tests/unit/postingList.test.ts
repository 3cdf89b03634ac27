import { PostingList, SKIP_EVERY } from '../../src/search/embedded/postingList'

describe('posting list', () => {
  // Gaps of every varint length and term frequencies from 1 to above 16 bits.
  const postings: [number, number][] = []
  for (let doc = 0, i = 0; postings.length < SKIP_EVERY * 5 + 7; i++) {
    doc += [1, 2, 100, 200, 20_000, 3_000_000][i % 6]
    postings.push([doc, [1, 1, 2, 130, 70_000][i % 5]])
  }

  const build = () => {
    const list = new PostingList(0)
    for (const [doc, tf] of postings) list.push(doc, tf)
    return list
  }

  it('gives back every posting in order, before and after trimming', () => {
    const list = build()
    const read = () => {
      const out: [number, number][] = []
      list.forEach((doc, tf) => out.push([doc, tf]))
      return out
    }
    expect(read()).toEqual(postings)
    list.trim()
    expect(list.bytes.length).toBe(list.length)
    expect(read()).toEqual(postings)
    expect(list.count).toBe(postings.length)
  })

  it('finds exactly its documents, across skip blocks', () => {
    const list = build()
    const held = new Set(postings.map(([doc]) => doc))
    const probes = postings.flatMap(([doc]) => [doc - 1, doc, doc + 1])
    for (const doc of [0, ...probes]) expect([doc, list.has(doc)]).toEqual([doc, held.has(doc)])
    expect(new PostingList(0).has(0)).toBe(false)
  })

  it('takes a byte for a small gap with a term frequency of 1', () => {
    const list = new PostingList(0)
    for (let doc = 0; doc < 60; doc++) list.push(doc, 1)
    list.trim()
    expect(list.bytes.length).toBe(60)
  })
})
