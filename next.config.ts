import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const dirname = path.dirname(fileURLToPath(import.meta.url))

const nextConfig: NextConfig = {
  // Express owns the HTTP server; Next only renders the admin and (later) the public pages.
  poweredByHeader: false,
  // Express compresses every answer (createApp.ts); a second compressor inside Next would hand the
  // page cache gzip bytes to store as HTML.
  compress: false,
  // Native addons (jieba's word segmenter) are loaded by Node at run time, never bundled.
  serverExternalPackages: ['@node-rs/jieba'],
  turbopack: { root: dirname },
  experimental: {
    // No source maps for the server's chunks in a production build: Node (source maps on, for our
    // TypeScript through tsx) would read and keep every chunk's map as the pages load, some 200 MB
    // of heap that every garbage collection then walks. Development keeps them.
    turbopackSourceMaps: process.env.NODE_ENV !== 'production',
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
