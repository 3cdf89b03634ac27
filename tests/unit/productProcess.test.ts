/**
 * The benches and browser tests start the server with `npm start`'s own Node options (package.json),
 * so what they measure is what production runs.
 */
import { execFileSync } from 'node:child_process'

import { startNodeOptions } from '../../src/cli/productProcess'

describe('startNodeOptions', () => {
  it("is npm start's command line between `node` and the server file", () => {
    const start = execFileSync('npm', ['pkg', 'get', 'scripts.start'], { encoding: 'utf8' })
    expect(JSON.parse(start)).toBe(['node', ...startNodeOptions(), 'server.ts'].join(' '))
  })

  it('keeps the options the server depends on: the production build of Lexical, tsx, a young generation sized for a server', () => {
    expect(startNodeOptions()).toEqual(
      expect.arrayContaining(['--conditions=production', '--import', './bin/register-tsx.mjs']),
    )
    expect(startNodeOptions().some((o) => o.startsWith('--max-semi-space-size='))).toBe(true)
  })
})
