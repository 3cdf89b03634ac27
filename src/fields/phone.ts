import type { TextField } from 'payload'

import { isValidPhone, PHONE_FORMAT_MESSAGE } from '../domain/phone'

/** A text field holding one or more phone numbers, validated with a Chinese message. */
export const phoneField = (overrides: Pick<TextField, 'name' | 'label'> & Partial<TextField>): TextField =>
  ({
    type: 'text',
    validate: (value: string | null | undefined) => (!value || isValidPhone(value) ? true : PHONE_FORMAT_MESSAGE),
    ...overrides,
  }) as TextField
