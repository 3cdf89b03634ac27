/**
 * `reportFlags`, the report counters stored with each order: intake and every action write them in the
 * action's own transaction from the order as written, an action that fails leaves them as they were, a
 * write through the Local API (the admin) keeps them right, and the report reads them.
 */
import { jest } from '@jest/globals'

import { now } from '../../src/domain/clock'
import { COUNTERS, type Counter, storedReportFlags } from '../../src/domain/workOrders/reports'
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

/** The counters whose bits are set. */
const set = (flags: number) => COUNTERS.filter((_, bit) => flags & (1 << bit))

it('keeps the stored report flags right through intake, every action and an admin edit; a failed action changes nothing', async () => {
  const { payload, world } = context
  const [dispatcher, handlerA] = await Promise.all(['dispatcher', 'handler-a'].map((name) => deskUser(payload, name)))
  const agent = { ...world.users.agent, roles: ['agent'] } as never
  const at = now()
  const order = await createOrder(
    payload,
    { type: 'complaint', title: '噪音扰民', content: '幸福路 3 号工地夜间施工', claimant: {} },
    agent,
  )
  const stored = () => payload.findByID({ collection: 'work-orders', id: order.id, depth: 0, overrideAccess: true })
  const act = (action: string, input: Record<string, unknown>, actor: never) =>
    actOnOrder(payload, order.number, action as never, input as never, actor)
  /** The stored flags, checked against the order as stored. */
  const flags = async () => {
    const doc = await stored()
    expect(doc.reportFlags).toBe(storedReportFlags(doc as never))
    return set(doc.reportFlags ?? 0)
  }
  const failing = async (action: string, input: Record<string, unknown>, actor: never) => {
    const before = await stored()
    const spy = jest.spyOn(payload.db, 'updateOne').mockRejectedValue(new Error('disk full (injected)') as never)
    try {
      await expect(act(action, input, actor)).rejects.toThrow(/injected/)
    } finally {
      spy.mockRestore()
    }
    const after = await stored()
    expect({ state: after.state, reportFlags: after.reportFlags }).toEqual({
      state: before.state,
      reportFlags: before.reportFlags,
    })
  }

  expect(await flags()).toEqual<Counter[]>(['volume'])
  await failing('dispatch', { unit: 'A' }, dispatcher)
  await act('dispatch', { unit: 'A' }, dispatcher)
  expect(await flags()).toEqual<Counter[]>(['volume', 'dispatched'])
  await act('accept', {}, handlerA)
  await act('request-extension', { days: 3, reason: '需协调城管执法' }, handlerA)
  await act('approve-extension', {}, dispatcher)
  expect(await flags()).toEqual<Counter[]>(['volume', 'dispatched', 'extended'])
  await failing('reply', { result: '已处理', text: '已责令工地停止夜间施工。', contacted: true }, handlerA)
  await act('reply', { result: '已处理', text: '已责令工地停止夜间施工。', contacted: true }, handlerA)
  expect(await flags()).toEqual<Counter[]>(['volume', 'dispatched', 'replied', 'onTime', 'extended'])
  await failing('callback', { satisfaction: 'dissatisfied', solved: false }, dispatcher)
  await act('callback', { satisfaction: 'dissatisfied', solved: false }, dispatcher)
  expect(await flags()).toEqual<Counter[]>([
    'volume',
    'dispatched',
    'replied',
    'onTime',
    'extended',
    'calledBack',
    'evaluated',
    'solvedAsked',
  ])
  await failing('reopen', {}, dispatcher)
  await act('reopen', {}, dispatcher)
  expect(await flags()).toContain<Counter>('reopened')

  // An edit through the Local API (as the admin's) recomputes them too.
  expect(await flags()).not.toContain<Counter>('solved')
  await payload.update({ collection: 'work-orders', id: order.id, data: { solved: true }, overrideAccess: true })
  expect(await flags()).toContain<Counter>('solved')

  // The report reads them.
  const [group] = (
    await reportStore(payload).groups(
      { from: new Date(at.getTime() - 86_400_000), to: new Date(at.getTime() + 86_400_000), units: [world.units.a.id] },
      at,
    )
  ).filter((g) => g.slice === 'unit')
  expect(group).toMatchObject({ volume: 1, dispatched: 1, extended: 1, solved: 1, reopened: 1, answered: 0 })
})
