/**
 * Swaps Payload's JSON and code editors (Monaco, loaded from a CDN) for a read-only formatted view,
 * through nested fields: the admin then loads nothing from outside.
 */
import type { Field } from 'payload'

const JSON_VIEW = '/src/components/JsonView#JsonView'

export function readableJson(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'json' || field.type === 'code')
      return {
        ...field,
        admin: { ...field.admin, components: { ...field.admin?.components, Field: JSON_VIEW } },
      } as Field
    if (field.type === 'tabs')
      return { ...field, tabs: field.tabs.map((t) => ({ ...t, fields: readableJson(t.fields) })) }
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: readableJson(field.fields) } as Field
    return field
  })
}
