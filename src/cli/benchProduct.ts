/**
 * The real product for HTTP benchmarks: server.ts with the production build as a child process on a
 * free port, its own data folder (demo data) and the public rate limit raised as if the load came
 * from many addresses.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

export const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })

export async function startProduct(extraEnv: Record<string, string>): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-bench-http-'))
  const inherited: Record<string, string | undefined> = { ...process.env }
  delete inherited.NODE_ENV
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=production', '--import', './bin/register-tsx.mjs', 'server.ts'],
    {
      env: {
        ...inherited,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        DATABASE_URI: `file:${path.join(dataDir, 'kb.db')}`,
        LOG_LEVEL: 'warn',
        PUBLIC_RATE_LIMIT: '100000000',
        ...extraEnv,
      } as unknown as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let output = ''
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('is listening on')) resolve()
    })
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output.slice(-2000)}`)))
  })
  child.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }))
  return { base: `http://127.0.0.1:${port}`, child }
}
