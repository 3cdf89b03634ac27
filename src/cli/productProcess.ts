/**
 * The real product (`server.ts`: Express, Payload, Next with the production build) as a child
 * process on a free port with its own data folder and demo data: for HTTP benchmarks and browser
 * tests alike.
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

/**
 * The Node options `npm start` runs the server with (package.json), for every process that stands
 * in for it here: a bench or a browser test measures the server as production runs it.
 */
export function startNodeOptions(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')) as {
    scripts: { start: string }
  }
  const [command, ...words] = pkg.scripts.start.split(/\s+/)
  const script = words.pop()
  if (command !== 'node' || !script?.endsWith('.ts')) throw new Error(`npm start is not \`node <options> <file>.ts\``)
  return words
}

export type RunningProduct = {
  base: string
  child: ChildProcess
  stop: () => Promise<void>
  /** As a crash: no shutdown of any kind. */
  kill: () => Promise<void>
  /** What the server printed so far (stdout and stderr). */
  output: () => string
}

export async function startProduct(env: Record<string, string> = {}): Promise<RunningProduct> {
  const port = await freePort()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-kb-product-'))
  // As `npm start` runs: not under Jest's NODE_ENV=test and VM-modules flags.
  const inherited: Record<string, string | undefined> = { ...process.env }
  delete inherited.NODE_ENV
  delete inherited.NODE_OPTIONS
  const child: ChildProcess = spawn(process.execPath, [...startNodeOptions(), 'server.ts'], {
    cwd: process.cwd(),
    // Next's types declare NODE_ENV required; the child decides it itself, as `npm start` does.
    env: {
      ...inherited,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URI: `file:${path.join(dataDir, 'kb.db')}`,
      LOG_LEVEL: 'warn',
      ...env,
    } as unknown as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
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
  // The index loads after the server listens: callers start once health says it is ready.
  const base = `http://127.0.0.1:${port}`
  for (let tries = 0; tries < 300; tries++) {
    const health = await fetch(`${base}/api/v1/health`)
      .then((r) => r.json() as Promise<{ search?: { index?: string } }>)
      .catch(() => undefined)
    if (health?.search?.index !== 'building') break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const end = (signal: NodeJS.Signals) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve()
      child.once('exit', () => resolve())
      child.kill(signal)
    })
  return { base, child, stop: () => end('SIGTERM'), kill: () => end('SIGKILL'), output: () => output }
}
