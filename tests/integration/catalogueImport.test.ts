/**
 * A slice of a real government-service catalogue (../shared/real-catalogue/service-items.jsonl, read at
 * test time, never copied into the project) imports as guides and service halls, updates on re-import,
 * and reads and finds on the public API by an item's name.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

import type { Payload } from 'payload'
import request from 'supertest'

import { env } from '../../src/config/env'
import { importEntries } from '../../src/import/importEntries'
import { readRecords } from '../../src/import/readRecords'
import { rebuildIndex } from '../../src/jobs/syncIndex'
import { createApp } from '../../src/server/createApp'
import { startPayload } from '../helpers/payload'

const catalogue = path.resolve('../shared/real-catalogue/service-items.jsonl')
const present = fs.existsSync(catalogue)
if (!present) console.warn(`catalogue import skipped: ${catalogue} is absent (the shared evaluation data)`)
const SLICE = 30

let payload: Payload
let slice: string
beforeAll(async () => {
  if (!present) return
  payload = await startPayload()
  // Every 75th item: provincial and city items, halls and online-only ones, lists given either way.
  const lines = fs.readFileSync(catalogue, 'utf8').split('\n').filter(Boolean)
  const picked = lines.filter((_, i) => i % 75 === 0).slice(0, SLICE)
  slice = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'catalogue-')), 'items.jsonl')
  fs.writeFileSync(slice, picked.join('\n'))
})
afterAll(async () => {
  if (!present) return
  fs.rmSync(path.dirname(slice), { recursive: true, force: true })
  await payload.destroy()
})

const maybe = present ? it : it.skip

describe('real service catalogue import', () => {
  maybe(
    'imports every item with its hall, creating units and theme categories, and updates on re-import',
    async () => {
      const items = fs
        .readFileSync(slice, 'utf8')
        .split('\n')
        .map((l) => JSON.parse(l))
      const records = await readRecords(slice)
      const first = await importEntries(payload, records, { createMissing: true, publish: true })
      expect(first.errors).toEqual([])
      const halls = await payload.count({ collection: 'knowledge-entries', where: { type: { equals: 'location' } } })
      expect(halls.totalDocs).toBeGreaterThan(0)
      expect(first).toMatchObject({ created: items.length + halls.totalDocs, updated: 0, failed: 0 })
      const units = await payload.find({ collection: 'units', pagination: false, depth: 0 })
      expect(units.docs.map((u) => u.name).sort()).toEqual([...new Set(items.map((i) => i.DEPT_NAME))].sort())

      const second = await importEntries(payload, records, { createMissing: true, publish: true })
      expect(second).toMatchObject({ created: 0, updated: first.created, failed: 0 })
      const total = await payload.count({ collection: 'knowledge-entries' })
      expect(total.totalDocs).toBe(first.created)

      // An item with a hall: fields mapped, the hall linked.
      const item = items.find((i) => i.handle_location.startsWith('办理地点') && i.handle_time_limit !== '无')!
      const { docs } = await payload.find({
        collection: 'knowledge-entries',
        where: { 'source.itemCode': { equals: item.TASK_CODE } },
        depth: 1,
      })
      expect(docs).toHaveLength(1)
      const guide = docs[0]
      expect(guide).toMatchObject({ type: 'guide', title: item.TASK_NAME, _status: 'published' })
      expect(guide.guide?.conditions).toBe(item.accept_standard)
      expect(guide.guide?.online).toBe(item.URL)
      expect(guide.guide?.timeLimit).toContain(`承诺时限${item.handle_time_limit.replace(/\D+/g, '')}个工作日`)
      const hall = guide.guide?.locations?.[0] as { type: string; location?: { address?: string | null } }
      expect(hall.type).toBe('location')
      expect(item.handle_location).toContain(hall.location?.address)
      const category = guide.category as { path?: string | null }
      const theme = item.theme_category.find((t: string) => t !== '其他') ?? '其他'
      expect(category.path).toBe(`政务服务事项/${theme}`)
    },
    300_000,
  )

  maybe(
    'serves the imported items on the public API, found by their names',
    async () => {
      await rebuildIndex(payload)
      const app = createApp(payload, env())
      const { docs } = await payload.find({
        collection: 'knowledge-entries',
        where: { type: { equals: 'guide' } },
        limit: 5,
      })
      for (const guide of docs) {
        const found = await request(app).get('/api/v1/public/search').query({ q: guide.title })
        expect(found.status).toBe(200)
        expect(found.body.hits.slice(0, 3).map((h: { code: string }) => h.code)).toContain(guide.code)
      }
      const page = await request(app).get(`/api/v1/public/entries/${docs[0].code}`)
      expect(page.status).toBe(200)
      expect(page.body.title).toBe(docs[0].title)
    },
    120_000,
  )
})
