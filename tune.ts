// Temporary tuning harness (not committed).
import fs from 'node:fs'
import { EmbeddedEngine } from './src/search/embedded/EmbeddedEngine'
import { mean, mrrAt, ndcgAt, recallAt } from './src/search/eval/metrics'
import type { SearchDocument } from './src/search/types'
import { parseHotlineDate } from './src/domain/shanghaiTime'

const dir = '../shared/search-eval/'
const entries = fs.readFileSync(dir + 'entries.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l))
const queries = fs.readFileSync(dir + 'queries.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l))
const synonyms = JSON.parse(fs.readFileSync(dir + 'synonyms.json', 'utf8'))
const docs: SearchDocument[] = entries.map((e: any) => {
  const f = e.fields ?? {}
  const structured = ['basis','conditions','timeLimit','fee','phone','online','address','hours','transit','district'].map(k=>f[k]).filter(Boolean).concat(f.materials ?? [], f.steps ?? []).join(' ')
  return { code: e.id, version: 1, type: e.type, title: e.title, summary: e.summary, body: e.body, tags: e.tags, question: '', structured,
    present: Object.keys(f).filter(k => f[k] && (!Array.isArray(f[k]) || f[k].length)), unit: e.unit, category: e.category, districts: f.district ? [f.district] : [],
    audience: e.audience, status: 'published', validFrom: parseHotlineDate(e.validFrom)?.toISOString(), validUntil: e.validUntil ? parseHotlineDate(e.validUntil)?.toISOString() : undefined }
})
const now = new Date('2026-11-25T10:00:00+08:00')
const engine = new EmbeddedEngine({ synonyms })
await engine.replaceAll(docs)
const nd: number[] = [], rc: number[] = [], mr: number[] = []; let noAns = 0, noAnsTotal = 0, leaks = 0
const verbose = process.argv.includes('-v')
for (const q of queries) {
  const res = await engine.search({ text: q.query, audience: q.audience, now, perPage: 10 })
  const ranked = res.hits.map((h) => h.document.code)
  leaks += q.audience === 'public' ? res.hits.filter((h) => h.document.audience === 'internal').length : 0
  if (Object.keys(q.relevant).length === 0) { noAnsTotal++; if (!res.hits.some((h) => h.confident)) noAns++; else if (verbose) console.log('FALSE-CONF', q.qid, q.query, ranked[0], res.hits[0].document.title); continue }
  const n = ndcgAt(10, ranked, q.relevant); nd.push(n); rc.push(recallAt(5, ranked, q.relevant)); mr.push(mrrAt(10, ranked, q.relevant))
  if (verbose && (n < 0.8 || recallAt(5, ranked, q.relevant) < 0.7)) console.log(q.qid, n.toFixed(2), q.query, JSON.stringify(q.relevant), ranked.slice(0,5).join(','), res.hits[0]?.document.title, res.hits[0]?.confident)
  if (false) console.log('UNCONF', q.qid, q.query, res.hits[0]?.document.title)
}
console.log(`nDCG@10=${mean(nd).toFixed(3)} Recall@5=${mean(rc).toFixed(3)} MRR@10=${mean(mr).toFixed(3)} noAnswer=${(noAns/noAnsTotal).toFixed(2)} leaks=${leaks}`)
