/** The work-order desk's people in the small test world, and signing test users in over HTTP. */
import type { Express } from 'express'
import type { Payload } from 'payload'
import request from 'supertest'

import type { World } from './fixtures'

/** A user of the test world; tests name it by the part of its address before the @. */
export const addUser = (payload: Payload, email: string, roles: string[], unit?: number) =>
  payload.create({
    collection: 'users',
    data: { email, password: 'Secret-123', name: email.split('@')[0], roles: roles as never, unit },
  })

/** A dispatcher, and a handler in each of the world's units a and b. */
export async function addDeskUsers(payload: Payload, world: World) {
  await addUser(payload, 'dispatcher@test.example', ['dispatcher'])
  await addUser(payload, 'handler-a@test.example', ['unit-handler'], world.units.a.id)
  await addUser(payload, 'handler-b@test.example', ['unit-handler'], world.units.b.id)
}

/** A test user as the services take it, by the part of its address before the @. */
export const deskUser = async (payload: Payload, name: string) =>
  (await payload.find({ collection: 'users', where: { email: { equals: `${name}@test.example` } } })).docs[0] as never

/** Signs the named test users in through the HTTP API; their tokens by name. */
export async function signInAll(app: Express, names: string[]): Promise<Record<string, string>> {
  const tokens: Record<string, string> = {}
  for (const who of names)
    tokens[who] = (
      await request(app)
        .post('/api/users/login')
        .send({ email: `${who}@test.example`, password: 'Secret-123' })
    ).body.token
  return tokens
}
