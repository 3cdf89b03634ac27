#!/usr/bin/env node
// Runs a TypeScript entry point the way Payload's own CLI does: tsx's tsImport on the async loader
// path. tsx's CLI takes Node's synchronous module hooks where they exist, and with them
// @payloadcms/richtext-lexical never finishes loading (payloadcms/payload#16949).
import nodeModule from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

if (typeof nodeModule.registerHooks === 'function') nodeModule.registerHooks = undefined

const [entry, ...args] = process.argv.slice(2)
if (!entry) {
  console.error('usage: tsrun <file.ts> [args…]')
  process.exit(2)
}
process.argv = [process.argv[0], path.resolve(entry), ...args]
const { tsImport } = await import('tsx/esm/api')
await tsImport(pathToFileURL(path.resolve(entry)).href, import.meta.url)
