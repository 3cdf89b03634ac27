/**
 * Answers put together from shared parts (src/http/jsonAnswer.ts) are the JSON of the whole answer,
 * byte for byte, whatever each request adds around the parts.
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import zlib from 'node:zlib'

import express from 'express'
import request from 'supertest'

import { sendJsonOfSharedParts, sendSharedJson } from '../../src/http/jsonAnswer'

const hits = [{ code: 'KB-1', title: '身份证“补领”\\n 指南', marks: [[0, 3]] }]
const facets = { category: { 户籍: 1 }, type: {} }

function app() {
  const a = express()
  let tookMs = 0
  a.get('/agent', (req, res) => {
    tookMs += 1.25
    sendJsonOfSharedParts(req, res, {
      found: 1,
      page: 1,
      note: null,
      skipped: undefined,
      took_ms: tookMs,
      hits,
      facets,
    })
  })
  a.get('/public', (req, res) => sendSharedJson(req, res, publicAnswer))
  a.get('/large', (req, res) => sendSharedJson(req, res, largeAnswer))
  a.get('/large-agent', (req, res) =>
    sendJsonOfSharedParts(req, res, { found: 40, took_ms: 1.5, hits: largeAnswer.hits }),
  )
  return a
}
const publicAnswer = { found: 1, hits }
// Past the 1 kB below which nothing is compressed.
const largeAnswer = {
  found: 40,
  hits: Array.from({ length: 40 }, (_, i) => ({
    code: `KB-${i}`,
    title: `居民身份证挂失补领 第 ${i} 条`,
    summary: '可在全国任一公安户政窗口补领',
  })),
}

type Got = { status: number; headers: http.IncomingHttpHeaders; body: Buffer }
/** The body as the client reads it, decoded as its Content-Encoding says. */
const decode = (res: Got): string => {
  const encoding = res.headers['content-encoding']
  const body = res.body
  if (encoding === 'br') return zlib.brotliDecompressSync(body).toString()
  if (encoding === 'gzip') return zlib.gunzipSync(body).toString()
  return body.toString()
}
/** The bytes as sent, not decoded (supertest would decode gzip). */
async function get(server: express.Express, path: string, headers: Record<string, string> = {}): Promise<Got> {
  const listening = server.listen(0, '127.0.0.1')
  await new Promise((resolve) => listening.once('listening', resolve))
  const { port } = listening.address() as AddressInfo
  try {
    return await new Promise<Got>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers }, (res) => {
          const chunks: Buffer[] = []
          res.on('data', (c: Buffer) => chunks.push(c))
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }))
        })
        .on('error', reject)
    })
  } finally {
    listening.close()
  }
}

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
    expect(again.text).toBe('')
    // HEAD: the same headers, no body.
    const head = await request(server).head('/public')
    expect(head.status).toBe(200)
    expect(head.headers['content-length']).toBe(first.headers['content-length'])
    expect(head.headers.etag).toBe(first.headers.etag)
    expect(head.text).toBeUndefined()
  })

  it('compresses a large shared answer in the encoding the client takes, and the small ones not', async () => {
    const server = app()
    const expected = JSON.stringify(largeAnswer)
    const brotli = await get(server, '/large', { 'accept-encoding': 'br, gzip, deflate' })
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(brotli.headers.vary).toBe('Accept-Encoding')
    expect(decode(brotli)).toBe(expected)
    expect(Number(brotli.headers['content-length'])).toBe(brotli.body.length)
    expect(brotli.body.length).toBeLessThan(Buffer.byteLength(expected))
    const again = await get(server, '/large', { 'accept-encoding': 'br' })
    expect(again.body.equals(brotli.body)).toBe(true)

    const gzip = await get(server, '/large', { 'accept-encoding': 'gzip;q=1, br;q=0.5' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(decode(gzip)).toBe(expected)
    for (const acceptEncoding of [undefined, 'identity', 'compress']) {
      const plain = await get(server, '/large', acceptEncoding ? { 'accept-encoding': acceptEncoding } : {})
      expect(plain.headers['content-encoding']).toBeUndefined()
      expect(plain.body.toString()).toBe(expected)
      expect(plain.headers.etag).toBe(brotli.headers.etag)
    }
    const small = await get(server, '/public', { 'accept-encoding': 'br' })
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(small.body.toString()).toBe(JSON.stringify(publicAnswer))

    // A client holding the answer gets 304 whatever it takes, without a body or an encoding.
    const held = await get(server, '/large', { 'accept-encoding': 'br', 'if-none-match': brotli.headers.etag! })
    expect(held.status).toBe(304)
    expect(held.headers['content-encoding']).toBeUndefined()
  })

  it('compresses an answer made per request when the client takes it', async () => {
    const server = app()
    const expected = JSON.stringify({ found: 40, took_ms: 1.5, hits: largeAnswer.hits })
    const gzip = await get(server, '/large-agent', { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gzip.headers.vary).toBe('Accept-Encoding')
    expect(decode(gzip)).toBe(expected)
    expect(Number(gzip.headers['content-length'])).toBe(gzip.body.length)
    const plain = await get(server, '/large-agent')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toBe(expected)
  })
})
