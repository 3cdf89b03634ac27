/** Intake: a new order from a call or message, with its category, claimant and possible duplicates, in one write. */
import type { Payload, PayloadRequest } from 'payload'

import { now } from '../domain/clock'
import { hasRole } from '../domain/roles'
import { dayNumberRange, formatOrderNumber, nextSequence, orderNumberPrefix } from '../domain/workOrders/orderNumber'
import { type IntakeInput, planIntake } from '../domain/workOrders/orderPlan'
import { logger } from '../log'
import type { Category, WorkOrder } from '../payload-types'
import { ServiceError } from './errors'
import { type IntakeSuggestions, suggestForIntake } from './intakeSuggestions'
import { referenceCategories, referenceUnits } from './referenceData'
import { inTransaction } from './transaction'
import { type ClaimantInput, claimantData } from './workOrderClaimant'
import { type Actor, citations, ORDER, readLimits } from './workOrders'
import { insertOrder, type PreparedOrder, prepareOrder } from './workOrderWrite'

export type NewOrder = IntakeInput & {
  /** A catalogue category: its code or full path. */
  category?: string
  claimant: ClaimantInput
  citedEntries?: string[]
  /** The top category suggestion the agent was shown (a category id); computed here when absent. */
  suggestedCategory?: string
  /** Numbers of similar orders the agent linked (the same problem reported by others). */
  related?: string[]
}

type Req = Partial<PayloadRequest>

/**
 * The day's highest number: the last key of a range of the unique number index, read without counting
 * (no pagination), through the adapter (no hooks: it is read inside the write transaction).
 */
async function highestNumber(payload: Payload, at: Date, req?: Req): Promise<string | undefined> {
  const { first, last } = dayNumberRange(at)
  const { docs } = await payload.db.find<{ number: string }>({
    collection: ORDER,
    where: { and: [{ number: { greater_than_equal: first } }, { number: { less_than_equal: last } }] },
    sort: '-number',
    limit: 1,
    pagination: false,
    select: { number: true },
    req,
  })
  return docs[0]?.number
}

/** The next free numbers of the day (several for the children of a split). */
export async function nextNumbers(payload: Payload, at: Date, count: number, req?: Req): Promise<string[]> {
  const next = nextSequence(await highestNumber(payload, at, req), at)
  return Array.from({ length: count }, (_, i) => formatOrderNumber(at, next + i))
}

/** A catalogue category by its code or full path (the first in the catalogue's order). */
async function categoryOf(payload: Payload, value: string): Promise<Category> {
  const category = (await referenceCategories(payload)).find((c) => c.code === value || c.path === value)
  if (!category) throw new ServiceError(400, `诉求分类 ${value} 不在知识库目录中`)
  return category
}

/**
 * What the presentation of a new order shows of its related orders: number, state, title and whether the
 * claimant is confidential; read through the adapter, since these fields need none of the collection's
 * read hooks. Not their units: only hotline desks take orders, and a desk sees every order (visibility.ts),
 * so the units never decide what the answer shows — reading them (a list of consulted units per order)
 * doubled the cost of this read for a caller with open orders.
 */
const RELATED_SELECT = {
  number: true,
  state: true,
  title: true,
  claimant: { confidential: true },
} as const
type Related = Pick<WorkOrder, 'id' | 'number' | 'state' | 'title' | 'claimant'>

/**
 * Open orders from the same phone (matched by its keyed hash, never by the number itself), so that the
 * agent can tell the claimant their progress. A confidential order is never linked to a non-confidential
 * one: whoever may unmask the one would learn who made the other.
 */
async function sameClaimantOpen(payload: Payload, hash: string, confidential: boolean, req?: Req) {
  const { docs } = await payload.db.find<Related>({
    collection: ORDER,
    where: {
      and: [
        { 'claimant.phoneHash': { equals: hash } },
        { state: { not_in: ['closed'] } },
        { 'claimant.confidential': confidential ? { equals: true } : { not_equals: true } },
      ],
    },
    sort: '-number',
    limit: 10,
    pagination: false,
    select: RELATED_SELECT,
    req,
  })
  return docs
}

/** The orders the agent linked, by number; an unknown number is refused. */
async function linkedOrders(payload: Payload, numbers: readonly string[], req?: Req) {
  if (!numbers.length) return []
  const { docs } = await payload.db.find<Related>({
    collection: ORDER,
    where: { number: { in: [...new Set(numbers)] } },
    pagination: false,
    req,
    select: RELATED_SELECT,
  })
  const missing = numbers.filter((n) => !docs.some((d) => d.number === n))
  if (missing.length) throw new ServiceError(400, `关联工单不存在：${missing.join('、')}`)
  return docs
}

/**
 * The suggestions as intake saw them, so that every order taken while a model exists records what was
 * suggested. A broken model file must not stop intake: the order is then taken without them.
 */
async function intakeSuggestions(payload: Payload, input: NewOrder): Promise<IntakeSuggestions | undefined> {
  try {
    return await suggestForIntake(
      payload,
      { title: input.title, content: input.content, district: input.district },
      { waitForUnits: false },
    )
  } catch (err) {
    logger.warn({ err }, 'intake suggestions unavailable; order taken without them')
    return undefined
  }
}

/** What intake suggested, as stored on the order: the top category (the agent's shown one wins) and unit, and the lists. */
async function suggestionFields(payload: Payload, input: NewOrder, suggestions: IntakeSuggestions | undefined) {
  const category = input.suggestedCategory ?? suggestions?.categories[0]?.id
  const unit = suggestions?.units[0]?.id
  // The ids that exist, keyed by their string form (ids are numbers on SQLite).
  const [categories, units] = await Promise.all([
    referenceCategories(payload).then((list) => new Map(list.map((c) => [String(c.id), c.id]))),
    referenceUnits(payload).then((list) => new Map(list.map((u) => [String(u.id), u.id]))),
  ])
  if (input.suggestedCategory && !categories.has(input.suggestedCategory))
    throw new ServiceError(400, `建议分类 suggestedCategory 不存在：${input.suggestedCategory}`)
  return {
    suggestedCategory: (category && categories.get(category)) ?? null,
    suggestedUnit: (unit && units.get(unit)) ?? null,
    suggestions: suggestions
      ? {
          categories: suggestions.categories.map(({ id, path, confidence }) => ({ id, path, confidence })),
          units: suggestions.units
            .slice(0, 3)
            .map(({ id, name, returnRate, similarOrders }) => ({ id, name, returnRate, similarOrders })),
        }
      : null,
  }
}

type Write = { at: Date; prepared: PreparedOrder }

/**
 * Orders' numbers and inserts, in one transaction: each day's highest number is read once (inside the
 * transaction, after which only this one writes), and the group's orders of that day follow it.
 */
async function writeOrders(payload: Payload, writes: readonly Write[], tx: Req): Promise<WorkOrder[]> {
  const next = new Map<string, number>()
  const out: WorkOrder[] = []
  for (const { at, prepared } of writes) {
    const day = orderNumberPrefix(at)
    const sequence = next.get(day) ?? nextSequence(await highestNumber(payload, at, tx), at)
    next.set(day, sequence + 1)
    out.push(await insertOrder(payload, prepared, formatOrderNumber(at, sequence), tx))
  }
  return out
}

/** An order written alone; two processes may pick the same number: the unique index refuses one, retry. */
async function writeAlone(payload: Payload, write: Write): Promise<WorkOrder> {
  for (let attempt = 0; ; attempt++) {
    try {
      return (await inTransaction(payload, (tx) => writeOrders(payload, [write], tx)))[0]!
    } catch (err) {
      if (attempt < 3 && /number|unique/i.test(String((err as Error).message))) continue
      throw err
    }
  }
}

/**
 * Group commit: the intakes that arrive while a write transaction runs are written together in the next
 * one, so that one commit (one sync of the journal) stands for many orders; each caller is answered only
 * after the transaction holding its order committed. Should one insert fail, the whole group rolls back
 * (nothing of it stays) and each of its orders is written alone, so that only the faulty one fails.
 */
class GroupWriter {
  private queue: { write: Write; resolve: (o: WorkOrder) => void; reject: (e: unknown) => void }[] = []
  private running = false

  constructor(private readonly payload: Payload) {}

  write(write: Write): Promise<WorkOrder> {
    return new Promise((resolve, reject) => {
      this.queue.push({ write, resolve, reject })
      if (this.running) return
      this.running = true
      // SQLite's calls are synchronous, so a request runs from its first read to its commit in one turn
      // of the event loop: waiting for the next turn lets the requests already received reach the queue.
      setImmediate(() => void this.drain())
    })
  }

  private async drain() {
    try {
      while (this.queue.length) {
        const group = this.queue.splice(0, GROUP_MAX)
        try {
          const created = await inTransaction(this.payload, (tx) =>
            writeOrders(
              this.payload,
              group.map((item) => item.write),
              tx,
            ),
          )
          group.forEach((item, i) => item.resolve(created[i]!))
        } catch {
          // Nothing of the group stayed: each order alone, so that only a faulty one fails.
          for (const item of group) await writeAlone(this.payload, item.write).then(item.resolve, item.reject)
        }
      }
    } finally {
      this.running = false
    }
  }
}

/** At most this many orders per transaction: a bounded wait for the last of a group. */
const GROUP_MAX = 50
const writers = new WeakMap<Payload, GroupWriter>()
const groupWriter = (payload: Payload) => {
  let writer = writers.get(payload)
  if (!writer) writers.set(payload, (writer = new GroupWriter(payload)))
  return writer
}

/**
 * Reads the facts outside the write transaction (the reference data from memory), so that the transaction
 * holds the write lock only for the number and the insert; the order is created at depth 0 and returned
 * with its category and related orders (as read for the link) filled in for the presentation.
 */
export async function createOrder(payload: Payload, input: NewOrder, actor: Actor, req?: Req): Promise<WorkOrder> {
  if (!hasRole(actor, 'agent', 'dispatcher', 'admin')) throw new ServiceError(403, '只有话务员、派单员可以登记工单')
  const at = now()
  // The model and the unit index are derived data.
  const suggestions = await intakeSuggestions(payload, input)
  const claimant = claimantData(input.claimant)
  const [limits, cited, category, linked, suggested, sameCaller] = await Promise.all([
    readLimits(payload),
    citations(payload, input.citedEntries ?? [], req),
    input.category ? categoryOf(payload, input.category) : undefined,
    linkedOrders(payload, input.related ?? [], req),
    suggestionFields(payload, input, suggestions),
    claimant.phoneHash ? sameClaimantOpen(payload, claimant.phoneHash, claimant.confidential, req) : [],
  ])
  // Each related order once, the same caller's first: as stored, and as the presentation lists them.
  const related = [...new Map([...sameCaller, ...linked].map((o) => [o.id, o])).values()]
  const data = {
    ...planIntake(input, { actor, category: category?.id, cited }, limits, at),
    ...suggested,
    claimant,
    related: related.map((o) => o.id),
  }
  const prepared = await prepareOrder(payload, data, req)
  const write = { at, prepared }
  const created = req?.transactionID
    ? (await inTransaction(payload, (tx) => writeOrders(payload, [write], tx), req))[0]!
    : await groupWriter(payload).write(write)
  return { ...created, category: category ?? null, related: related as WorkOrder[] }
}
