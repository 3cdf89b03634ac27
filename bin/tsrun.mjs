#!/usr/bin/env node
// Runs a TypeScript entry point the way Payload's own CLI does: tsx's tsImport on the async loader
// path (tsx's CLI takes Node's synchronous module hooks where they exist, payloadcms/payload#16949).
//
// Start it with `node --conditions=production` (or development): Lexical's plain "node" entry
// files pick their build with a top-level await, and on Node 20 that import graph deadlocks now and
// then (the process exits with code 13 having done nothing). The conditions select the build directly.
import nodeModule from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

if (typeof nodeModule.registerHooks === 'function') nodeModule.registerHooks = undefined

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: node --conditions=production bin/tsrun.mjs <file.ts> [args…]')
  process.exit(2)
}
process.argv = [process.argv[0], path.resolve(entry), ...args]
const { tsImport } = await import('tsx/esm/api')
await tsImport(pathToFileURL(path.resolve(entry)).href, import.meta.url)
