/**
 * The round in keyset batches marks every open order as the per-order rule (`queueMark`) says, across
 * batch and state boundaries, writes only the orders whose mark changes, and supervises only what
 * became overdue.
 */
import type { Payload } from 'payload'

import { fixClock } from '../../src/domain/clock'
import { queueMark } from '../../src/domain/workOrders/clocks'
import type { WorkOrder } from '../../src/payload-types'
import { startPayload } from '../helpers/payload'

let payload: Payload
const now = new Date('2026-11-30T10:00:00+08:00')
const day = (d: string) => new Date(`${d}T23:59:59.999+08:00`).toISOString()

type Fixture = Partial<WorkOrder> & { number: string }
const FIXTURE: Fixture[] = []
// Every open state, due long ago, yesterday, today and later, some already marked as the last round left them.
const STATES = ['dispatched', 'accepted', 'return_requested', 'extension_requested', 'awaiting_info'] as const
const DUES = ['2026-11-20', '2026-11-29', '2026-11-30', '2026-12-04']
for (const [s, state] of STATES.entries())
  for (const [d, due] of DUES.entries())
    FIXTURE.push({
      number: `RND-${s}${d}`,
      state,
      dueAt: day(due),
      ...(d === 0 && { deadlineStatus: 'overdue', deadlineClock: 'handling' }),
      ...(d === 3 && s % 2 === 0 && { deadlineStatus: 'on_time', deadlineClock: 'handling' }),
    })
FIXTURE.push(
  // Not signed for in time: the sign-for clock is the worst one.
  { number: 'RND-SIGN', state: 'dispatched', signDueAt: day('2026-11-25'), dueAt: day('2026-12-10') },
  // Awaiting a callback past its deadline: the hotline's clock.
  { number: 'RND-CALL', state: 'replied', callbackDueAt: day('2026-11-27') },
  // A stale mark on a replied order without a callback deadline is cleared.
  { number: 'RND-STALE', state: 'replied', deadlineStatus: 'overdue', deadlineClock: 'handling' },
  // Closed orders are never read or written.
  { number: 'RND-CLOSED', state: 'closed', dueAt: day('2026-11-01') },
)

beforeAll(async () => {
  payload = await startPayload()
  const unit = await payload.create({ collection: 'units', data: { name: '轮巡测试局', code: 'RND', kind: 'other' } })
  for (const o of FIXTURE)
    await payload.create({
      collection: 'work-orders',
      data: {
        type: 'help',
        title: '轮巡工单',
        content: '期限巡检',
        unit: unit.id,
        createdAt: '2026-11-18T02:00:00.000Z',
        dispatchedAt: '2026-11-18T03:00:00.000Z',
        ...o,
      } as never,
    })
  // The same problem three times at one address (spelt with and without a space), the latest today.
  const category = await payload.create({ collection: 'categories', data: { name: '路灯', code: 'RND-LD' } })
  for (const [i, [createdAt, address]] of [
    ['2026-11-10T02:00:00.000Z', '幸福路 8号'],
    ['2026-11-20T02:00:00.000Z', '幸福路8号'],
    ['2026-11-30T00:30:00.000Z', '幸福路8号'],
  ].entries())
    await payload.create({
      collection: 'work-orders',
      data: {
        number: `REP-${i}`,
        state: 'closed',
        type: 'help',
        title: '路灯不亮',
        content: '路灯',
        unit: unit.id,
        category: category.id,
        address,
        createdAt,
      } as never,
    })
  fixClock(now)
})
afterAll(async () => {
  fixClock(undefined)
  await payload?.destroy()
})

const stored = async () =>
  (await payload.find({ collection: 'work-orders', where: { number: { like: 'RND-' } }, pagination: false })).docs

it('marks every open order as the per-order rule does, in batches of three, and supervises the newly overdue', async () => {
  const { runOrderDeadlines } = await import('../../src/jobs/workOrderDeadlines')
  const { clockPauses, readLimits } = await import('../../src/services/workOrders')
  const pauses = clockPauses(await readLimits(payload))
  const before = new Map((await stored()).map((o) => [o.number, o]))
  const report = await runOrderDeadlines(payload, 3)
  const after = await stored()
  const newly = new Map<string, string[]>([
    ['overdue', []],
    ['due_today', []],
  ])
  for (const order of after) {
    const fixture = FIXTURE.find((f) => f.number === order.number)!
    const worst = order.state === 'closed' ? undefined : queueMark(fixture, pauses, now)[0]
    const expected =
      order.state === 'closed'
        ? { deadlineStatus: null, deadlineClock: null }
        : { deadlineStatus: worst?.status ?? null, deadlineClock: worst?.clock ?? null }
    expect({
      number: order.number,
      deadlineStatus: order.deadlineStatus ?? null,
      deadlineClock: order.deadlineClock ?? null,
    }).toEqual({
      number: order.number,
      ...expected,
    })
    // Orders whose mark was already right are not written at all.
    const old = before.get(order.number)!
    const unchanged =
      (old.deadlineStatus ?? null) === expected.deadlineStatus && (old.deadlineClock ?? null) === expected.deadlineClock
    if (unchanged) expect(order.updatedAt).toBe(old.updatedAt)
    else newly.get(expected.deadlineStatus ?? '')?.push(order.number)
  }
  // Listed: what this round marked newly (4 states run the clock while awaiting info only without pause-clock).
  expect(report.overdue.sort()).toEqual(newly.get('overdue')!.sort())
  expect(report.overdue).toEqual(expect.arrayContaining(['RND-01', 'RND-11', 'RND-SIGN', 'RND-CALL']))
  expect(report.overdue).not.toContain('RND-00')
  expect(report.dueToday.sort()).toEqual(newly.get('due_today')!.sort())
  expect(report.dueToday).toEqual(expect.arrayContaining(['RND-02', 'RND-12']))
  // 督办 for what became overdue in this round only (the orders marked overdue before were supervised then).
  expect(report.supervisionOpened.filter((n) => n.startsWith('RND-')).sort()).toEqual(report.overdue.sort())

  // The repeated problem, found from today's order, counts the older ones of the period too.
  const repeat = await payload.find({
    collection: 'supervision-items',
    where: { reason: { equals: 'repeated_problem' } },
    pagination: false,
  })
  expect(repeat.docs).toHaveLength(1)
  expect(repeat.docs[0].description).toMatch(/同一地点同类诉求 3 件/)

  const again = await runOrderDeadlines(payload, 3)
  expect(again).toMatchObject({ dueToday: [], overdue: [], supervisionOpened: [] })
  const unchangedTimes = new Map(after.map((o) => [o.number, o.updatedAt]))
  for (const o of await stored()) expect(o.updatedAt).toBe(unchangedTimes.get(o.number))
})
