// Preloaded with `node --conditions=production --import ./bin/register-tsx.mjs <file.ts>`: runs our
// TypeScript through tsx on Node's async loader path, as Payload's CLI does (tsx takes Node's
// synchronous module hooks where they exist, and they mangle specifiers: payloadcms/payload#16949).
//
// The conditions flag matters too: Lexical's plain "node" entry files pick their build with a
// top-level await, and on Node 20 that import graph deadlocks now and then (the process exits with
// code 13 having done nothing); `production` (or `development`) selects the build directly.
import nodeModule from 'node:module'

if (typeof nodeModule.registerHooks === 'function') nodeModule.registerHooks = undefined
await import('tsx')
