/** The product's name and version, as package.json states them (read once). */
import fs from 'node:fs'
import path from 'node:path'

let product: { name: string; version: string } | undefined

export function productInfo(): { name: string; version: string } {
  product ??= JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
    name: string
    version: string
  }
  return { name: product.name, version: product.version }
}
