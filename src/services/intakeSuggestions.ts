/**
 * Intake suggestions from the hotline's own history: the category model, trained from closed work
 * orders whose category a person confirmed and kept as a JSON file under DATA_DIR, and the units
 * that handled similar orders (built from dispatched orders, kept in memory for a few minutes).
 *
 * Why a file, not a collection: the model is derived data, rebuilt in seconds from the orders; it
 * runs to megabytes (MongoDB documents stop at 16 MB) and needs no versions, access rules or
 * migrations. DATA_DIR already holds the embedded database and the keys; several instances either
 * share it or each train their own on schedule.
 */
import fs from 'node:fs/promises'
import path from 'node:path'

import type { Payload } from 'payload'

import { env } from '../config/env'
import { now } from '../domain/clock'
import { CategoryModel, type CategoryModelJson } from '../domain/intake/categoryModel'
import { intakeTokens } from '../domain/intake/features'
import { dispatchOutcomes, type TimelineStep } from '../domain/intake/orderHistory'
import { type HandledOrder, UnitSuggester, type UnitSuggestion } from '../domain/intake/unitSuggestion'
import { relationId } from '../domain/roles'
import { logger } from '../log'
import type { WorkOrder } from '../payload-types'
import { referenceCategories, referenceUnits } from './referenceData'
import { yieldToRequests } from './yieldToRequests'

const modelFile = () => path.join(env().dataDir, 'models', 'intake-category.json')

/** How long the unit suggester built from the orders is reused before it is rebuilt. */
const UNIT_INDEX_TTL_MS = 10 * 60_000
/**
 * The most recent dispatched orders it learns from: weeks of a large city's orders, so that its build
 * (every TTL, in the server process) takes seconds and bounded memory at any volume, not the whole history.
 */
const UNIT_INDEX_ORDERS = 50_000
/** Orders read and analysed between two turns of the server's event loop while it is built. */
const UNIT_INDEX_PAGE = 1_000

type StoredModel = CategoryModelJson & { trainedAt: string }
type Loaded = { model: CategoryModel; trainedAt: string; mtimeMs: number }

let loaded: Loaded | undefined
let unitIndex: { suggester: UnitSuggester; builtAt: number } | undefined
/** The build under way, so that concurrent requests share it. */
let building: Promise<UnitSuggester> | undefined

export type TrainingReport = { examples: number; categories: number; seconds: number; file: string } | null

/** Trains the category model from closed orders with a category and stores it; null when too few. */
export async function trainIntakeModel(payload: Payload): Promise<TrainingReport> {
  const started = performance.now()
  const { docs } = await payload.find({
    collection: 'work-orders',
    where: { and: [{ state: { equals: 'closed' } }, { category: { exists: true } }] },
    pagination: false,
    depth: 0,
    overrideAccess: true,
    select: { title: true, content: true, category: true },
  })
  const examples = docs
    .filter((o) => o.category !== null && o.category !== undefined)
    .map((o) => ({ title: o.title, content: o.content, label: String(relationId(o.category)) }))
  if (new Set(examples.map((e) => e.label)).size < 2) return null
  const model = CategoryModel.train(examples)
  const stored: StoredModel = { ...model.toJSON(), trainedAt: now().toISOString() }
  const file = modelFile()
  await fs.mkdir(path.dirname(file), { recursive: true })
  // Written aside and renamed, so that a reader never sees half a model.
  await fs.writeFile(`${file}.tmp`, JSON.stringify(stored))
  await fs.rename(`${file}.tmp`, file)
  loaded = undefined
  unitIndex = undefined
  return {
    examples: model.examples,
    categories: model.labels.length,
    seconds: (performance.now() - started) / 1000,
    file,
  }
}

/** The stored model, reloaded when the file changes; undefined before the first training. */
async function categoryModel(): Promise<Loaded | undefined> {
  const file = modelFile()
  const stat = await fs.stat(file).catch(() => undefined)
  if (!stat) return undefined
  if (loaded?.mtimeMs !== stat.mtimeMs) {
    const json = JSON.parse(await fs.readFile(file, 'utf8')) as StoredModel
    loaded = { model: CategoryModel.fromJSON(json), trainedAt: json.trainedAt, mtimeMs: stat.mtimeMs }
  }
  return loaded
}

/**
 * The unit suggester: a fresh one at once; an old one at once while a new one is built behind it; none
 * yet — wait for the first build, or (intake, which must never be slowed by it) go without.
 */
async function unitSuggester(payload: Payload, wait: boolean): Promise<UnitSuggester | undefined> {
  if (unitIndex && Date.now() - unitIndex.builtAt < UNIT_INDEX_TTL_MS) return unitIndex.suggester
  const build = startBuild(payload)
  if (wait && !unitIndex) return build
  build.catch((err) => logger.warn({ err }, 'unit suggestion index not rebuilt'))
  return unitIndex?.suggester
}

/** The build under way, or a new one. */
const startBuild = (payload: Payload) =>
  (building ??= buildUnitSuggester(payload).finally(() => (building = undefined)))

/**
 * Builds the unit suggester at the server's start, in the background (it lets requests run between its
 * pages): the intakes of the first minutes get unit suggestions, which they never wait for. Settles when
 * built; a failure is logged, and the next request for suggestions tries again.
 */
export async function buildUnitSuggestionsAtStart(payload: Payload): Promise<void> {
  await startBuild(payload).catch((err: unknown) => logger.warn({ err }, 'unit suggestion index not built at start'))
}

type HandledRow = Pick<WorkOrder, 'id' | 'number' | 'title' | 'content' | 'category' | 'district' | 'unit' | 'timeline'>

/**
 * Reads the latest dispatched orders page by page through the adapter (the collection's read hooks
 * have nothing to do on these fields, and at 50,000 orders they held the server for seconds) and
 * analyses each page's text, letting requests run between pages: the build runs in the server process.
 */
async function buildUnitSuggester(payload: Payload): Promise<UnitSuggester> {
  // Units are known by id: dispatches record it on their timeline step; older steps only name the unit.
  const unitId = new Map((await referenceUnits(payload)).map((u) => [u.name, String(u.id)]))
  const handled: HandledOrder[] = []
  const tokens: string[][] = []
  // Orders taken during the build move the pages down by as many: an order read twice counts once.
  const seen = new Set<number | string>()
  for (let page = 1; seen.size < UNIT_INDEX_ORDERS; page++) {
    const { docs } = await payload.db.find<HandledRow>({
      collection: 'work-orders',
      where: { unit: { exists: true } },
      sort: '-createdAt',
      limit: UNIT_INDEX_PAGE,
      page,
      pagination: false,
      select: { number: true, title: true, content: true, category: true, district: true, unit: true, timeline: true },
    })
    for (const o of docs) {
      if (seen.size >= UNIT_INDEX_ORDERS || seen.has(o.id)) continue
      seen.add(o.id)
      const outcomes = dispatchOutcomes(
        (o.timeline as TimelineStep[] | null) ?? [],
        o.unit ? String(relationId(o.unit)) : undefined,
        (name) => unitId.get(name),
      )
      if (!outcomes.length) continue
      const text = { title: o.title, content: o.content }
      const words = intakeTokens(text)
      for (const { unit, returned } of outcomes) {
        handled.push({
          id: o.number,
          unit,
          returned,
          ...text,
          category: o.category ? String(relationId(o.category)) : null,
          district: o.district,
        })
        tokens.push(words)
      }
    }
    if (docs.length < UNIT_INDEX_PAGE) break
    await yieldToRequests()
  }
  unitIndex = { suggester: UnitSuggester.build(handled, {}, tokens), builtAt: Date.now() }
  return unitIndex.suggester
}

export type IntakeQuery = { title?: string; content?: string; district?: string; category?: string }

export type IntakeSuggestions = {
  categories: { id: string; path: string; confidence: number; because: string[] }[]
  units: (Omit<UnitSuggestion, 'unit'> & { id: string; name: string })[]
  model: { trainedAt: string; examples: number } | null
}

/**
 * Suggestions for an order being taken. `waitForUnits: false` (intake itself) never waits for the unit
 * index to be built: before the first build it answers without units.
 */
export async function suggestForIntake(
  payload: Payload,
  query: IntakeQuery,
  { waitForUnits = true }: { waitForUnits?: boolean } = {},
): Promise<IntakeSuggestions> {
  const [stored, suggester, categories, units] = await Promise.all([
    categoryModel(),
    unitSuggester(payload, waitForUnits),
    referenceCategories(payload),
    referenceUnits(payload),
  ])
  const categoryPath = new Map(categories.map((c) => [String(c.id), c.path ?? '']))
  const suggested = (stored?.model.suggest(query, 3) ?? []).filter((s) => categoryPath.has(s.label))
  // Units follow the agent's category when given, else the most likely one.
  const category = query.category ?? suggested[0]?.label
  const unitName = new Map(units.map((u) => [String(u.id), u.name]))
  return {
    categories: suggested.map((s) => ({
      id: s.label,
      path: categoryPath.get(s.label)!,
      confidence: Math.round(s.confidence * 1000) / 1000,
      because: stored!.model.explain(query, s.label, 5).map((t) => t.term),
    })),
    // A unit removed since it handled orders is not suggested.
    units: (suggester?.suggest({ ...query, category }, 5) ?? []).flatMap(({ unit, ...rest }) =>
      unitName.has(unit)
        ? [{ id: unit, name: unitName.get(unit)!, ...rest, score: Math.round(rest.score * 1000) / 1000 }]
        : [],
    ),
    model: stored ? { trainedAt: stored.trainedAt, examples: stored.model.examples } : null,
  }
}
