/** Intake: a new order from a call or message, with its category, claimant and possible duplicates, in one write. */
import type { Payload, PayloadRequest } from 'payload'

import { now } from '../domain/clock'
import { hasRole } from '../domain/roles'
import { dayNumberRange, formatOrderNumber, nextSequence } from '../domain/workOrders/orderNumber'
import { type IntakeInput, planIntake } from '../domain/workOrders/orderPlan'
import { logger } from '../log'
import type { WorkOrder } from '../payload-types'
import { ServiceError } from './errors'
import { type IntakeSuggestions, suggestForIntake } from './intakeSuggestions'
import { inTransaction } from './transaction'
import { type ClaimantInput, claimantData } from './workOrderClaimant'
import { type Actor, citations, ORDER, readLimits } from './workOrders'

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
 * The next free numbers of the day (several for the children of a split): the day's highest number is
 * the last key of a range of the unique number index, read without counting (no pagination).
 */
export async function nextNumbers(payload: Payload, at: Date, count: number, req?: Req): Promise<string[]> {
  const { first, last } = dayNumberRange(at)
  const { docs } = await payload.find({
    collection: ORDER,
    where: { and: [{ number: { greater_than_equal: first } }, { number: { less_than_equal: last } }] },
    sort: '-number',
    limit: 1,
    pagination: false,
    depth: 0,
    select: { number: true },
    overrideAccess: true,
    req,
  })
  const next = nextSequence(docs[0]?.number, at)
  return Array.from({ length: count }, (_, i) => formatOrderNumber(at, next + i))
}

async function categoryId(payload: Payload, value: string, req?: Req) {
  const { docs } = await payload.find({
    collection: 'categories',
    where: { or: [{ code: { equals: value } }, { path: { equals: value } }] },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  if (!docs[0]) throw new ServiceError(400, `诉求分类 ${value} 不在知识库目录中`)
  return docs[0].id
}

/**
 * Open orders from the same phone (matched by its keyed hash, never by the number itself), so that the
 * agent can tell the claimant their progress. A confidential order is never linked to a non-confidential
 * one: whoever may unmask the one would learn who made the other.
 */
async function sameClaimantOpen(payload: Payload, hash: string, confidential: boolean, req?: Req) {
  const { docs } = await payload.find({
    collection: ORDER,
    where: {
      and: [
        { 'claimant.phoneHash': { equals: hash } },
        { state: { not_in: ['closed'] } },
        { 'claimant.confidential': confidential ? { equals: true } : { not_equals: true } },
      ],
    },
    depth: 0,
    limit: 10,
    pagination: false,
    select: { number: true },
    overrideAccess: true,
    req,
  })
  return docs.map((d) => d.id)
}

/** The orders the agent linked, by number; an unknown number is refused. */
async function linkedOrders(payload: Payload, numbers: readonly string[], req?: Req) {
  if (!numbers.length) return []
  const { docs } = await payload.find({
    collection: ORDER,
    where: { number: { in: [...new Set(numbers)] } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { number: true },
  })
  const missing = numbers.filter((n) => !docs.some((d) => d.number === n))
  if (missing.length) throw new ServiceError(400, `关联工单不存在：${missing.join('、')}`)
  return docs.map((d) => d.id)
}

/** The ids among `ids` that exist in the collection, keyed by their string form (ids are numbers on SQLite). */
async function existingIds(payload: Payload, collection: 'categories' | 'units', ids: string[], req?: Req) {
  if (!ids.length) return new Map<string, string | number>()
  const { docs } = await payload.find({
    collection,
    where: { id: { in: ids } },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return new Map(docs.map((d) => [String(d.id), d.id]))
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
async function suggestionFields(
  payload: Payload,
  input: NewOrder,
  suggestions: IntakeSuggestions | undefined,
  req?: Req,
) {
  const category = input.suggestedCategory ?? suggestions?.categories[0]?.id
  const unit = suggestions?.units[0]?.id
  const [categories, units] = await Promise.all([
    existingIds(payload, 'categories', category ? [category] : [], req),
    existingIds(payload, 'units', unit ? [unit] : [], req),
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

export async function createOrder(payload: Payload, input: NewOrder, actor: Actor, req?: Req): Promise<WorkOrder> {
  if (!hasRole(actor, 'agent', 'dispatcher', 'admin')) throw new ServiceError(403, '只有话务员、派单员可以登记工单')
  const at = now()
  // Read before the write transaction: the model and the unit index are derived data.
  const suggestions = await intakeSuggestions(payload, input)
  for (let attempt = 0; ; attempt++) {
    try {
      return await inTransaction(
        payload,
        async (tx) => {
          const [limits, cited, category, linked, suggested] = await Promise.all([
            readLimits(payload, tx),
            citations(payload, input.citedEntries ?? [], tx),
            input.category ? categoryId(payload, input.category, tx) : undefined,
            linkedOrders(payload, input.related ?? [], tx),
            suggestionFields(payload, input, suggestions, tx),
          ])
          const claimant = claimantData(input.claimant)
          const sameCaller = claimant.phoneHash
            ? await sameClaimantOpen(payload, claimant.phoneHash, claimant.confidential, tx)
            : []
          const [number] = await nextNumbers(payload, at, 1, tx)
          return payload.create({
            collection: ORDER,
            overrideAccess: true,
            req: tx,
            depth: 1,
            data: {
              ...planIntake(input, { actor, category, cited }, limits, at),
              ...suggested,
              number,
              claimant,
              related: [...new Set([...sameCaller, ...linked])],
            } as never,
          })
        },
        req,
      )
    } catch (err) {
      // Two intakes in the same instant may pick the same number: the unique index refuses one; retry.
      if (attempt < 3 && /number|unique/i.test(String((err as Error).message))) continue
      throw err
    }
  }
}
