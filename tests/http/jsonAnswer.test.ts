/**
 * Answers put together from shared parts (src/http/jsonAnswer.ts) are the JSON of the whole answer,
 * byte for byte, whatever each request adds around the parts.
 */
import express from 'express'
import request from 'supertest'

import { sendJsonOfSharedParts, sendSharedJson } from '../../src/http/jsonAnswer'

const hits = [{ code: 'KB-1', title: '身份证“补领”\\n 指南', marks: [[0, 3]] }]
const facets = { category: { 户籍: 1 }, type: {} }

function app() {
  const a = express()
  let tookMs = 0
  a.get('/agent', (_req, res) => {
    tookMs += 1.25
    sendJsonOfSharedParts(res, { found: 1, page: 1, note: null, skipped: undefined, took_ms: tookMs, hits, facets })
  })
  a.get('/public', (_req, res) => sendSharedJson(res, publicAnswer))
  return a
}
const publicAnswer = { found: 1, hits }

describe('JSON answers of shared parts', () => {
  it('sends the JSON of the whole answer, each request with its own values around the shared parts', async () => {
    const server = app()
    for (const took_ms of [1.25, 2.5]) {
      const res = await request(server).get('/agent')
      const expected = JSON.stringify({ found: 1, page: 1, note: null, took_ms, hits, facets })
      expect(res.text).toBe(expected)
      expect(Number(res.headers['content-length'])).toBe(Buffer.byteLength(expected))
      expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    }
  })

  it('sends a shared answer with its ETag and 304 to a client that holds it', async () => {
    const server = app()
    const first = await request(server).get('/public')
    expect(first.text).toBe(JSON.stringify(publicAnswer))
    const again = await request(server).get('/public').set('If-None-Match', first.headers.etag!)
    expect(again.status).toBe(304)
  })
})
