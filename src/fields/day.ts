import type { DateField, Validate } from 'payload'

/** A calendar day (validity, effective dates): picked and shown as a date, stored as Shanghai midnight. */
export const dayField = (name: string, label: string, validate?: Validate): DateField =>
  ({
    name,
    label,
    type: 'date',
    admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'yyyy-MM-dd' } },
    ...(validate ? { validate } : {}),
  }) as DateField
