/**
 * The lean write of a work order: the row(s) a service planned, written through the database adapter
 * (`payload.db`, joining the caller's transaction through `req`) instead of the Local API's `create` /
 * `update`, which for an order of ≈ 70 fields spent most of an intake's CPU in field traversal,
 * validation by deep merge and the read-back of the whole document inside the write lock.
 *
 * What the Local API did for a work order and this keeps: the collection's field defaults (array rows'
 * ids included), its `required` and select-option checks (refused with Payload's ValidationError, as
 * before), `createdAt` / `updatedAt`, and its one beforeChange hook's `reportFlags` (computed here from
 * the row written). What it did not need to keep: the collection has no beforeValidate/afterChange
 * hooks and no versions; its afterRead hook
 * (maskConfidentialClaimant), masks what Payload's REST API and the admin show, and the services present
 * orders themselves (workOrderPresentation.ts); field access is overridden by the services anyway.
 * tests/integration/workOrderWrite.test.ts compares the stored documents with the Local API's.
 */
import { type FlattenedField, type Payload, type PayloadRequest, ValidationError } from 'payload'

import { storedReportFlags } from '../domain/workOrders/reports'
import type { WorkOrder } from '../payload-types'
import { fillDefaults } from './collectionDefaults'
import { ORDER } from './workOrders'

type Req = Partial<PayloadRequest>
type Data = Record<string, unknown>

const empty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)

/** The checks of the collection that a planned row could fail: required fields and select options. */
function check(
  fields: readonly FlattenedField[],
  data: Data,
  path: string,
  errors: { path: string; message: string }[],
) {
  for (const field of fields) {
    const value = data[field.name]
    const at = `${path}${field.name}`
    if ('required' in field && field.required && empty(value)) errors.push({ path: at, message: '该字段为必填项' })
    if (field.type === 'select' && !empty(value)) {
      const allowed = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      for (const v of Array.isArray(value) ? value : [value])
        if (!allowed.includes(v as string)) errors.push({ path: at, message: `不是可选的值：${String(v)}` })
    }
    if ((field.type === 'group' || field.type === 'tab') && value && typeof value === 'object')
      check(field.flattenedFields, value as Data, `${at}.`, errors)
    if (field.type === 'array' && Array.isArray(value))
      value.forEach((row, i) => check(field.flattenedFields, (row ?? {}) as Data, `${at}.${i}.`, errors))
  }
}

function validate(fields: readonly FlattenedField[], data: Data, only?: ReadonlySet<string>) {
  const errors: { path: string; message: string }[] = []
  check(only ? fields.filter((f) => only.has(f.name)) : fields, data, '', errors)
  if (errors.length) throw new ValidationError({ collection: ORDER, errors })
}

const defined = (data: Data): Data => Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined))

const fieldsOf = (payload: Payload) => payload.collections[ORDER].config.flattenedFields

export type PreparedOrder = { readonly data: Data }

/**
 * A new order's row as the collection stores it (defaults filled, checked), short of its number, which
 * is taken inside the write transaction: preparing it before keeps the transaction short.
 */
export async function prepareOrder(payload: Payload, planned: Data, req: Req = {}): Promise<PreparedOrder> {
  const fields = fieldsOf(payload)
  const stamp = new Date().toISOString()
  const data: Data = {
    ...(await fillDefaults(fields, planned, req)),
    createdAt: planned.createdAt ?? stamp,
    updatedAt: stamp,
  }
  data.reportFlags = storedReportFlags(data)
  validate(fields, data, new Set(fields.flatMap((f) => (f.name === 'number' ? [] : [f.name]))))
  return { data }
}

/**
 * Inserts a prepared order with its number and returns it as stored, without reading it back: on SQLite
 * the adapter reads only the new id (`select`), on MongoDB it returns the inserted document.
 */
export async function insertOrder(
  payload: Payload,
  prepared: PreparedOrder,
  number: string,
  req: Req,
): Promise<WorkOrder> {
  const data = { ...prepared.data, number }
  validate(fieldsOf(payload), data, new Set(['number']))
  // The adapter's write transforms change the object they are given: keep ours as planned.
  const created = await payload.db.create({ collection: ORDER, data: structuredClone(data), req, select: { id: true } })
  return { ...data, id: created.id } as unknown as WorkOrder
}

/**
 * Writes an action's changes to a stored order (read in the same transaction): the stored document with
 * the changes over it (a changed group merged field by field, undefined meaning "as stored"), as the
 * Local API's update writes it — SQLite's adapter cannot write a part of an order that has list rows.
 */
export async function updateOrder(payload: Payload, stored: WorkOrder, changes: Data, req: Req): Promise<void> {
  const fields = fieldsOf(payload)
  const { id, ...before } = stored as unknown as Data
  const data: Data = { ...before, ...defined(changes), updatedAt: new Date().toISOString() }
  for (const field of fields)
    if (field.type === 'group' && changes[field.name] && before[field.name])
      data[field.name] = { ...(before[field.name] as Data), ...defined(changes[field.name] as Data) }
  const filled = await fillDefaults(fields, data, req)
  filled.reportFlags = storedReportFlags(filled)
  validate(fields, filled)
  await payload.db.updateOne({
    collection: ORDER,
    id: id as number,
    data: structuredClone(filled),
    req,
    returning: false,
  })
}
