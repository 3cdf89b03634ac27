/**
 * The defaults Payload gives a document's absent fields when it is created (its beforeValidate field
 * pass), for the writes that go around the Local API (workOrderWrite.ts, the import's bulk create).
 *
 * It walks a sanitized collection's `flattenedFields`, as Payload does: the fields of unnamed rows,
 * collapsibles and tabs sit at the level they are in; named groups and tabs are entered (an absent one
 * becomes an object); array rows are entered (which gives each row its `id`, a default of the row);
 * a function default is called with the request, its user and locale, by Payload's own getDefaultValue.
 * Blocks are not entered: no collection written this way has them (sqliteBulkCreate.ts refuses them).
 */
import { type FlattenedField, getDefaultValue, type PayloadRequest } from 'payload'

type Data = Record<string, unknown>

/** The data with every undefined field that has a default filled, nested ones included; a new object. */
export async function fillDefaults(
  fields: readonly FlattenedField[],
  data: Data,
  req: Partial<PayloadRequest>,
): Promise<Data> {
  const out: Data = { ...data }
  for (const field of fields) {
    if (out[field.name] === undefined && 'defaultValue' in field && field.defaultValue !== undefined) {
      const value = await getDefaultValue({
        defaultValue: field.defaultValue,
        locale: req.locale || '',
        req: req as PayloadRequest,
        user: req.user as PayloadRequest['user'],
      })
      if (value !== undefined) out[field.name] = value
    }
    const value = out[field.name]
    if (field.type === 'group' || field.type === 'tab') {
      out[field.name] = await fillDefaults(
        field.flattenedFields,
        value && typeof value === 'object' ? (value as Data) : {},
        req,
      )
    } else if (field.type === 'array' && Array.isArray(value)) {
      // Payload drops rows that are not objects (with a warning) before it fills them.
      const rows = value.filter((row): row is Data => row !== null && typeof row === 'object' && !Array.isArray(row))
      out[field.name] = await Promise.all(rows.map((row) => fillDefaults(field.flattenedFields, row, req)))
    }
  }
  return out
}
