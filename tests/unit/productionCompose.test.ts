/**
 * docker-compose.production.yml states the recommended deployment; no container engine runs here
 * (and `docker compose config` needs the compose plugin), so CI parses it and checks what it promises.
 */
import fs from 'node:fs'

import { parse } from 'yaml'

import { withDatabase } from '../helpers/mongoUri'

type Service = {
  image?: string
  command?: string[]
  environment?: Record<string, string>
  healthcheck?: { test: string[] }
  depends_on?: Record<string, { condition: string }>
  volumes?: string[]
}
const compose = parse(fs.readFileSync('docker-compose.production.yml', 'utf8'), { merge: true }) as {
  services: Record<string, Service>
  volumes: Record<string, unknown>
}
const services = compose.services
const named = (prefix: string) => Object.keys(services).filter((n) => new RegExp(`^${prefix}\\d+$`).test(n))

describe('docker-compose.production.yml', () => {
  it('runs a MongoDB replica set of three, a Typesense cluster of three and at least two app servers', () => {
    expect(named('mongo')).toHaveLength(3)
    expect(named('typesense')).toHaveLength(3)
    expect(named('app').length).toBeGreaterThanOrEqual(2)
    for (const m of named('mongo')) expect(services[m]!.command).toEqual(expect.arrayContaining(['--replSet', 'rs0']))
    const peers = fs.readFileSync('deploy/typesense-nodes', 'utf8').trim().split(',')
    expect(peers.map((p) => p.split(':')[0])).toEqual(named('typesense'))
  })

  it('points every app server at every member, with the replica set and cluster named', () => {
    for (const a of named('app')) {
      const env = services[a]!.environment!
      expect(env.NODE_ENV).toBe('production')
      expect(env.SEARCH_ENGINE).toBe('typesense')
      expect(env.RATE_LIMIT_STORE).toBe('database')
      expect(env.TRUST_PROXY).toContain('uniquelocal')
      for (const m of named('mongo')) expect(env.DATABASE_URI).toContain(`${m}:27017`)
      expect(env.DATABASE_URI).toMatch(/[?&]replicaSet=rs0(&|$)/)
      // The multi-host form the conformance suite accepts.
      expect(withDatabase(env.DATABASE_URI!, 'x')).toContain('replicaSet=rs0')
      for (const t of named('typesense')) expect(env.TYPESENSE_URL).toContain(`http://${t}:8108`)
    }
  })

  it('gives every service a health check, and depends only on services that exist and are healthy', () => {
    for (const [name, service] of Object.entries(services)) {
      // The name in the compared value says which service lacks one.
      expect({ name, checks: (service.healthcheck?.test.length ?? 0) > 1 }).toEqual({ name, checks: true })
      for (const [dep, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(services[dep]).toBeDefined()
        expect(condition).toBe('service_healthy')
      }
      for (const volume of service.volumes ?? []) {
        const source = volume.split(':')[0]!
        if (!source.startsWith('.') && !source.startsWith('/') && !source.startsWith('$'))
          expect(compose.volumes).toHaveProperty(source)
      }
    }
  })

  it('balances nginx over every app server', () => {
    const conf = fs.readFileSync('deploy/nginx.conf', 'utf8')
    for (const a of named('app')) expect(conf).toContain(`server ${a}:3000`)
    expect(conf).toContain('proxy_next_upstream')
  })
})
