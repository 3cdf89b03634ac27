/** The pure parts of work orders at volume: the round's keyset batches and changed marks, the day's number range. */
import { markChanges, mayChange, nextKey, type RoundOrder } from '../../src/domain/workOrders/deadlineRound'
import { dayNumberRange, formatOrderNumber, nextSequence } from '../../src/domain/workOrders/orderNumber'

describe('the deadline round in batches', () => {
  const now = new Date('2026-11-30T10:00:00+08:00')
  const order = (id: number, o: Partial<RoundOrder>): RoundOrder => ({ id, state: 'accepted', ...o })

  it('writes only orders whose mark changes, grouped by their new mark', () => {
    const changes = markChanges(
      [
        // Overdue and already so marked: nothing to write.
        order(1, { dueAt: '2026-11-27T15:59:59.999Z', deadlineStatus: 'overdue', deadlineClock: 'handling' }),
        // Newly overdue.
        order(2, { dueAt: '2026-11-29T15:59:59.999Z', deadlineStatus: 'due_today', deadlineClock: 'handling' }),
        order(3, { dueAt: '2026-11-28T15:59:59.999Z' }),
        // Due at the end of today.
        order(4, { dueAt: '2026-11-30T15:59:59.999Z' }),
        // On time, unmarked until now.
        order(5, { dueAt: '2026-12-03T15:59:59.999Z' }),
        // No running clock any more (replied without a callback deadline): the stale mark is cleared.
        order(6, { state: 'replied', deadlineStatus: 'overdue', deadlineClock: 'handling' }),
        // Overdue on another clock than the stored one (not signed for in time).
        order(7, {
          state: 'dispatched',
          signDueAt: '2026-11-26T15:59:59.999Z',
          dueAt: '2026-12-10T15:59:59.999Z',
          deadlineStatus: 'overdue',
          deadlineClock: 'handling',
        }),
      ],
      false,
      now,
    )
    expect(changes).toEqual(
      expect.arrayContaining([
        { status: 'overdue', clock: 'handling', ids: [2, 3] },
        { status: 'due_today', clock: 'handling', ids: [4] },
        { status: 'on_time', clock: 'handling', ids: [5] },
        { status: null, clock: null, ids: [6] },
        { status: 'overdue', clock: 'sign-for', ids: [7] },
      ]),
    )
    expect(changes).toHaveLength(5)
    expect(changes.flatMap((c) => c.ids)).not.toContain(1)
  })

  it('stops the clock while awaiting the claimant when admins pause it', () => {
    const waiting = order(1, { state: 'awaiting_info', dueAt: '2026-11-20T15:59:59.999Z' })
    expect(markChanges([waiting], true, now)).toEqual([])
    expect(markChanges([waiting], false, now)).toEqual([{ status: 'overdue', clock: 'handling', ids: [1] }])
  })

  it('reads only orders whose mark may change: by the first deadline against tomorrow and now', () => {
    const text = (c: unknown) => JSON.stringify(c)
    const accepted = text(mayChange('accepted', false, now))
    // Tomorrow starts at Shanghai midnight; the handling clock's field is dueAt.
    expect(accepted).toContain(
      '{"deadlineStatus":{"equals":"on_time"}},{"or":[{"dueAt":{"less_than":"2026-11-30T16:00:00.000Z"}}]}',
    )
    expect(accepted).toContain(`{"dueAt":{"less_than":"${now.toISOString()}"}}`)
    expect(accepted).toContain('{"deadlineStatus":{"exists":false}}')
    expect(accepted).toContain('{"deadlineClock":{"not_in":["handling"]}}')
    // Two clocks: both deadlines count, and overdue orders stay candidates for the other clock's 督办.
    const dispatched = text(mayChange('dispatched', false, now))
    expect(dispatched).toContain('"signDueAt":{"less_than"')
    expect(dispatched).toContain('{"deadlineStatus":{"equals":"overdue"}}')
    // No running clock (awaiting info with the clock paused): only stale marks are read, to be cleared.
    expect(mayChange('awaiting_info', true, now)).toEqual({
      and: [
        { state: { equals: 'awaiting_info' } },
        { or: [{ deadlineWarning: { exists: true } }, { deadlineClock: { not_in: ['-'] } }] },
      ],
    })
  })

  it('continues after the last id of a full batch and stops after a short one', () => {
    expect(nextKey([{ id: 3 }, { id: 9 }], 2)).toBe(9)
    expect(nextKey([{ id: 3 }], 2)).toBeNull()
    expect(nextKey([], 2)).toBeNull()
  })
})

describe('order numbers without counting', () => {
  const at = new Date('2026-11-25T23:30:00+08:00')

  it('reads the day as a range of the number index that holds every number of that day and no other', () => {
    const { first, last } = dayNumberRange(at)
    expect(first).toBe('GD20261125000001')
    expect(last).toBe('GD20261125999999')
    const inRange = (n: string) => n >= first && n <= last
    expect(inRange(formatOrderNumber(at, 1))).toBe(true)
    expect(inRange(formatOrderNumber(at, 654_321))).toBe(true)
    // The neighbouring days (Shanghai time) fall outside.
    expect(inRange(formatOrderNumber(new Date('2026-11-24T23:59:00+08:00'), 999_999))).toBe(false)
    expect(inRange(formatOrderNumber(new Date('2026-11-26T00:00:00+08:00'), 1))).toBe(false)
  })

  it('continues the sequence from the highest number of the range', () => {
    expect(nextSequence(formatOrderNumber(at, 41), at)).toBe(42)
    expect(nextSequence(dayNumberRange(at).first, at)).toBe(2)
    expect(nextSequence(undefined, at)).toBe(1)
  })
})
