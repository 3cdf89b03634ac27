/**
 * The anonymous page cache in the real Express app, with a stand-in for Next that renders an entry's
 * title from the database and puts the request's CSP nonce on a style and a script, as Next does
 * (tests/browser/pageCacheNext.test.ts checks the same against the real Next).
 */
import type { RequestHandler } from 'express'
import request from 'supertest'

import { env } from '../../src/config/env'
import { SEARCH_QUEUE } from '../../src/jobs/syncIndex'
import { createApp } from '../../src/server/createApp'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()
let renders = 0

const pages: RequestHandler = async (req, res) => {
  renders++
  const nonce = /'nonce-([^']+)'/.exec(String(req.headers['content-security-policy']))?.[1]
  const code = req.path.split('/')[2]
  const { docs } = await context.payload.find({ collection: 'knowledge-entries', where: { code: { equals: code } } })
  if (!docs[0]) return res.status(404).type('html').send('<p>没有找到</p>')
  res
    .type('html')
    .send(`<style nonce="${nonce}">h1{}</style><h1>${docs[0].title}</h1><script nonce="${nonce}">hydrate()</script>`)
}

const app = () => createApp(context.payload, { ...env(), pageCache: { enabled: true, maxBytes: 2 ** 20 } }, pages)
const nonceOf = (res: request.Response) => /'nonce-([^']+)'/.exec(String(res.headers['content-security-policy']))?.[1]

describe('public page cache', () => {
  it('serves an anonymous page from the cache with a fresh nonce, and renders again after a publish', async () => {
    const server = app()
    const code = context.world.entries.aPublished.code!
    const first = await request(server).get(`/entries/${code}`).expect(200)
    expect(first.headers['x-cache']).toBe('MISS')
    const rendered = renders

    const second = await request(server).get(`/entries/${code}`).expect(200)
    expect(second.headers['x-cache']).toBe('HIT')
    expect(renders).toBe(rendered)
    expect(second.text).toContain('甲局已发布')
    // A nonce is never reused: the body carries the one in this response's own policy.
    expect(nonceOf(second)).not.toBe(nonceOf(first))
    expect(second.text).toContain(`<style nonce="${nonceOf(second)}">`)
    expect(second.text).not.toContain(nonceOf(first))
    // An entry page reads without the client runtime: sent and kept without its scripts.
    expect(first.text).not.toContain('<script')
    expect(second.text).not.toContain('<script')

    await context.payload.update({
      collection: 'knowledge-entries',
      id: context.world.entries.aPublished.id,
      data: { title: '甲局已发布（修订）', _status: 'published' },
      overrideAccess: true,
    })
    await context.payload.jobs.run({ queue: SEARCH_QUEUE })
    const after = await request(server).get(`/entries/${code}`).expect(200)
    expect(after.headers['x-cache']).toBe('MISS')
    expect(after.text).toContain('甲局已发布（修订）')
  })

  it('never caches a signed-in request, a missing page or a page outside the public set', async () => {
    const server = app()
    const login = await request(server)
      .post('/api/users/login')
      .send({ email: 'agent@test.example', password: 'Secret-123' })
      .expect(200)
    const cookie = login.headers['set-cookie']
    const code = context.world.entries.bPublished.code!
    for (let i = 0; i < 2; i++) {
      const signedIn = await request(server).get(`/entries/${code}`).set('Cookie', cookie).expect(200)
      expect(signedIn.headers['x-cache']).toBeUndefined()
    }
    // Opened from a search: each open counts as a use of that search's hits, so it renders each time.
    for (let i = 0; i < 2; i++) {
      const fromSearch = await request(server)
        .get(`/entries/${code}?q=${encodeURIComponent('乙局')}`)
        .expect(200)
      expect(fromSearch.headers['x-cache']).toBeUndefined()
    }
    await request(server).get('/entries/NO-SUCH').expect(404)
    const missing = await request(server).get('/entries/NO-SUCH').expect(404)
    expect(missing.headers['x-cache']).toBe('MISS')
    const desk = await request(server).get(`/desk`)
    expect(desk.headers['x-cache']).toBeUndefined()
  })

  it('compresses text answers for clients that accept it', async () => {
    const res = await request(app()).get('/api/v1/openapi.json').set('Accept-Encoding', 'gzip').expect(200)
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.body.openapi).toBeDefined()
  })
})
