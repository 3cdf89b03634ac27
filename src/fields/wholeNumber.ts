import type { NumberField, Validate } from 'payload'

import { checkWholeNumber, type WholeNumberRange } from '../domain/wholeNumber'

/** A number field that accepts only whole numbers within its range (400 with a message otherwise). */
export const wholeNumberField = (
  field: Omit<NumberField, 'type' | 'min' | 'max' | 'validate'>,
  range: WholeNumberRange,
): NumberField =>
  ({
    ...field,
    type: 'number',
    min: range.min,
    max: range.max,
    validate: ((value: unknown) => checkWholeNumber(value, range)) as Validate,
  }) as NumberField
