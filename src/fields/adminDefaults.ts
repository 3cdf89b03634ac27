import type { CollectionConfig, Field } from 'payload'

/** The product's one date style in the admin: 2026-11-30, and 2026-11-30 14:05 when the time matters. */
export const DAY_FORMAT = 'yyyy-MM-dd'
export const MOMENT_FORMAT = 'yyyy-MM-dd HH:mm'

/**
 * Gives every date field of a collection (nested ones included) the product's display format,
 * unless it names its own: Payload's default shows US-style dates with "上午/下午" times.
 */
function withFormats(fields: Field[]): Field[] {
  return fields.map((field): Field => {
    if (field.type === 'date') {
      const date = field.admin?.date ?? {}
      const dayOnly = date.pickerAppearance === 'dayOnly'
      return {
        ...field,
        admin: {
          ...field.admin,
          date: {
            ...date,
            pickerAppearance: date.pickerAppearance ?? 'dayAndTime',
            displayFormat: date.displayFormat ?? (dayOnly ? DAY_FORMAT : MOMENT_FORMAT),
            ...(dayOnly ? {} : { timeFormat: 'HH:mm' }),
          },
        },
      } as Field
    }
    if ('fields' in field && Array.isArray(field.fields))
      return { ...field, fields: withFormats(field.fields) } as Field
    if (field.type === 'tabs')
      return { ...field, tabs: field.tabs.map((tab) => ({ ...tab, fields: withFormats(tab.fields) })) } as Field
    return field
  })
}

/**
 * How every collection looks in the admin: dates in the product's style, and no "API" tab (it shows
 * raw JSON and REST addresses in English, which staff have no use for).
 */
export const withAdminDefaults = (collection: CollectionConfig): CollectionConfig => ({
  ...collection,
  admin: { hideAPIURL: true, ...collection.admin },
  fields: withFormats(collection.fields),
})
