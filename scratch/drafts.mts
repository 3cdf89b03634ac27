process.env.DATA_DIR = '/tmp/dr/data'; process.env.LOG_LEVEL = 'warn'; process.env.NODE_ENV = 'test'
const { bootPayload } = await import('/work/main/src/server/bootPayload')
const payload = await bootPayload()
const unit = await payload.create({ collection: 'units', data: { name: '甲', code: 'A', kind: 'city-department' } })
const e = await payload.create({ collection: 'knowledge-entries', data: { type: 'faq', title: 'v1', unit: unit.id, _status: 'published' } as never })
await payload.update({ collection: 'knowledge-entries', id: e.id, draft: true, data: { title: 'v2 draft' } as never })
const show = async (label: string) => {
  const main = await payload.findByID({ collection: 'knowledge-entries', id: e.id })
  const latest = await payload.findByID({ collection: 'knowledge-entries', id: e.id, draft: true })
  console.log(label, '| main:', main.title, main._status, '| latest:', latest.title, latest._status, latest.summary)
}
await show('after draft save')
await payload.update({ collection: 'knowledge-entries', id: e.id, draft: true, data: { summary: 'S' } as never })
await show('after draft summary')
const q = await payload.find({ collection: 'knowledge-entries', draft: true, where: { summary: { equals: 'S' } } })
console.log('query drafts by summary', q.totalDocs)
await payload.update({ collection: 'knowledge-entries', id: e.id, data: { _status: 'published' } as never })
await show('after publish with only _status')
process.exit(0)
