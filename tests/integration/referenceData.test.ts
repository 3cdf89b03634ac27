import { now } from '../../src/domain/clock'
import { actOnOrder } from '../../src/services/workOrderActions'
import { createOrder } from '../../src/services/workOrderIntake'
import { useWorld } from '../helpers/fixtures'

const ctx = useWorld()

// Intake and actions read rules, units and categories from memory: a change through Payload shows at once.
describe('reference data kept in memory', () => {
  const agent = () => ({ ...ctx.world.users.agent, roles: ['agent', 'dispatcher'] }) as never
  const help = { type: 'help' as const, title: '路灯不亮', content: '幸福路路灯不亮', claimant: {} }

  it('dispatches to a unit created after the units were read', async () => {
    const first = await createOrder(ctx.payload, help, agent())
    await expect(actOnOrder(ctx.payload, first.number, 'dispatch', { unit: 'C' }, agent())).rejects.toMatchObject({
      status: 400,
    })
    await ctx.payload.create({ collection: 'units', data: { name: '丙局', code: 'C', kind: 'city-department' } })
    const dispatched = await actOnOrder(ctx.payload, first.number, 'dispatch', { unit: 'C' }, agent())
    expect(dispatched.state).toBe('dispatched')
  })

  it('takes an order in a category created after the categories were read', async () => {
    await expect(createOrder(ctx.payload, { ...help, category: 'LIGHTS' }, agent())).rejects.toMatchObject({
      status: 400,
    })
    await ctx.payload.create({ collection: 'categories', data: { name: '路灯', code: 'LIGHTS' } })
    const order = await createOrder(ctx.payload, { ...help, category: 'LIGHTS' }, agent())
    expect(order.category).toMatchObject({ code: 'LIGHTS', path: '路灯' })
  })

  it('computes deadlines from a time-limit rule changed after the rules were read', async () => {
    await createOrder(ctx.payload, help, agent())
    const rule = await ctx.payload.create({
      collection: 'sla-rules',
      data: { label: '派发 3 小时', kind: 'dispatch', hours: 3 },
    })
    const at = now().getTime()
    expect(new Date((await createOrder(ctx.payload, help, agent())).dispatchDueAt!).getTime()).toBe(at + 3 * 3_600_000)
    await ctx.payload.update({ collection: 'sla-rules', id: rule.id, data: { hours: 5 } })
    expect(new Date((await createOrder(ctx.payload, help, agent())).dispatchDueAt!).getTime()).toBe(at + 5 * 3_600_000)
  })
})
