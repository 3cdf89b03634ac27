/**
 * `returns`, the count of return requests that reports read instead of the timeline: the request-return
 * action writes it in its own transaction, the actions after it keep it, an action that fails leaves it
 * as it was, and the report's `returned` counter follows it.
 */
import { jest } from '@jest/globals'

import { now } from '../../src/domain/clock'
import { seedSlaRules } from '../../src/seed/slaRules'
import { seedWorkCalendar } from '../../src/seed/workCalendar'
import { reportStore } from '../../src/services/reportStore'
import { actOnOrder } from '../../src/services/workOrderActions'
import { createOrder } from '../../src/services/workOrderIntake'
import { addDeskUsers, deskUser } from '../helpers/deskUsers'
import { useWorld } from '../helpers/fixtures'

const context = useWorld()

beforeAll(async () => {
  await seedWorkCalendar(context.payload)
  await seedSlaRules(context.payload)
  await addDeskUsers(context.payload, context.world)
})

it('counts return requests through return, refusal, redispatch, reply and reopen; a failed action changes nothing', async () => {
  const { payload, world } = context
  const [dispatcher, handlerA, handlerB] = await Promise.all(
    ['dispatcher', 'handler-a', 'handler-b'].map((name) => deskUser(payload, name)),
  )
  const agent = { ...world.users.agent, roles: ['agent'] } as never
  const at = now()
  const order = await createOrder(
    payload,
    { type: 'help', title: '路灯不亮', content: '幸福路 3 号路灯连续三晚不亮', claimant: {} },
    agent,
  )
  const stored = () => payload.findByID({ collection: 'work-orders', id: order.id, depth: 0, overrideAccess: true })
  const act = (action: string, input: Record<string, unknown>, actor: never) =>
    actOnOrder(payload, order.number, action as never, input as never, actor)
  const returnRequest = { reason: '路灯归属供电公司', basis: '《城市照明管理规定》' }
  expect((await stored()).returns).toBe(0)
  await act('dispatch', { unit: 'A' }, dispatcher)

  // Refused input and a write failing in the transaction both leave the order as it was.
  await expect(act('request-return', { reason: '路灯归属供电公司' }, handlerA)).rejects.toThrow(/basis/)
  const spy = jest.spyOn(payload.db, 'updateOne').mockRejectedValue(new Error('disk full (injected)') as never)
  try {
    await expect(act('request-return', returnRequest, handlerA)).rejects.toThrow(/injected/)
  } finally {
    spy.mockRestore()
  }
  expect(await stored()).toMatchObject({ state: 'dispatched', returns: 0 })

  await act('request-return', returnRequest, handlerA)
  expect(await stored()).toMatchObject({ state: 'return_requested', returns: 1 })
  await act('reject-return', { reason: '属于本单位职责' }, dispatcher)
  expect(await stored()).toMatchObject({ state: 'dispatched', returns: 1 })
  await act('request-return', returnRequest, handlerA)
  expect((await stored()).returns).toBe(2)

  // A failed approval keeps the request and its count; the approved one redispatches and keeps the count.
  const failing = jest.spyOn(payload.db, 'updateOne').mockRejectedValue(new Error('disk full (injected)') as never)
  try {
    await expect(act('approve-return', { unit: 'B' }, dispatcher)).rejects.toThrow(/injected/)
  } finally {
    failing.mockRestore()
  }
  expect(await stored()).toMatchObject({ state: 'return_requested', returns: 2 })
  await act('approve-return', { unit: 'B' }, dispatcher)
  await act('accept', {}, handlerB)
  await act('reply', { result: '已修复', text: '路灯已修复。', contacted: true }, handlerB)
  await act('callback', { satisfaction: 'dissatisfied', solved: false }, dispatcher)
  await act('reopen', {}, dispatcher)
  const reopened = await stored()
  expect(reopened).toMatchObject({ state: 'accepted', unit: world.units.b.id, reopens: 1, returns: 2 })
  expect(reopened.timeline as { action: string }[]).toEqual(
    expect.arrayContaining([expect.objectContaining({ action: 'request-return' })]),
  )

  // The report counts the order as returned once, from the column.
  const groups = (
    await reportStore(payload).groups(
      { from: new Date(at.getTime() - 86_400_000), to: new Date(at.getTime() + 86_400_000), units: [world.units.b.id] },
      at,
    )
  ).filter((g) => g.slice === 'unit')
  expect(groups.reduce((n, g) => n + g.returned, 0)).toBe(1)
  expect(groups.reduce((n, g) => n + g.dispatched, 0)).toBe(1)
})
