/** The Chinese label of a value in one of the domain's `{ value, label }` option lists. */
export const labelOf = (list: readonly { value: string; label: string }[], value: string): string =>
  list.find((o) => o.value === value)?.label ?? value
