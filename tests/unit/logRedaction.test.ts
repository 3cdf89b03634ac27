/** The product logger never writes credentials, whatever path they took into a log line. */
import { Writable } from 'node:stream'

import pino from 'pino'

import { loggerOptions, scrubSecrets } from '../../src/log'

const KEY = 'hk_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6'
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6MSwic2lkIjoiYWJjIn0.c2lnbmF0dXJlLXBhcnQtb2YtdGhlLWp3dA'

function capture() {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk))
      done()
    },
  })
  return { logger: pino(loggerOptions('info'), stream), text: () => lines.join('') }
}

describe('log redaction', () => {
  it('redacts authorization, cookies and set-cookie in request and response logs', () => {
    const { logger, text } = capture()
    logger.info({
      req: {
        headers: { authorization: `Bearer ${KEY}`, cookie: `payload-token=${JWT}; theme=light`, 'x-api-key': KEY },
      },
      res: { headers: { 'set-cookie': [`payload-token=${JWT}; Path=/; HttpOnly`] } },
    })
    expect(text()).not.toContain(KEY)
    expect(text()).not.toContain(JWT)
    expect(text()).toContain('[redacted]')
  })

  it('scrubs secrets inside any text: error messages, job input, e-mail bodies', () => {
    const { logger, text } = capture()
    logger.error({ err: new Error(`upstream refused Authorization: JWT ${JWT}`) }, 'request failed')
    logger.info({ job: { input: { note: `key ${KEY}` } } }, 'job ran')
    logger.warn(`e-mail: reset your password at http://localhost:3000/admin/reset/x?token=0123456789abcdef0123456789`)
    expect(text()).not.toContain(KEY)
    expect(text()).not.toContain(JWT)
    expect(text()).not.toContain('0123456789abcdef0123456789')
    expect(scrubSecrets(`Cookie: payload-token=${JWT}`)).toBe('Cookie: payload-token=[redacted]')
    // Key prefixes (hk_ and six characters, shown in the admin) stay readable.
    expect(scrubSecrets('key hk_A1b2C3 used')).toBe('key hk_A1b2C3 used')
  })
})
