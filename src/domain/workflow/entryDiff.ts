/** Field-by-field differences between the live version of an entry and the version under review. */

export type FieldChange = { field: string; before: string; after: string }

/** A field as a collection declares it, as far as labels go (Payload's field config fits it). */
export type LabeledField = {
  name?: string
  label?: unknown
  type?: string
  fields?: readonly LabeledField[]
  tabs?: readonly LabeledField[]
}

const labelText = (label: unknown): string | undefined =>
  typeof label === 'string'
    ? label
    : label && typeof label === 'object'
      ? ((label as Record<string, string>).zh ?? Object.values(label)[0])
      : undefined

/**
 * The reviewer's name of each field path: `guide.materials` → `办事指南 · 申请材料`. Rows,
 * collapsibles and unnamed tabs only lay fields out and add nothing to the path.
 */
export function fieldLabels(fields: readonly LabeledField[], prefix = '', labelPrefix = ''): Map<string, string> {
  const labels = new Map<string, string>()
  for (const f of fields) {
    const nested = f.fields ?? f.tabs
    if (!f.name) {
      if (nested) fieldLabels(nested, prefix, labelPrefix).forEach((v, k) => labels.set(k, v))
      continue
    }
    const path = prefix ? `${prefix}.${f.name}` : f.name
    const label = `${labelPrefix}${labelText(f.label) ?? f.name}`
    labels.set(path, label)
    if (nested && f.type !== 'array') fieldLabels(nested, path, `${label} · `).forEach((v, k) => labels.set(k, v))
  }
  return labels
}

/** A populated relation as a person names it: a category's path, a unit's name, an entry's code and title. */
function relationText(value: Record<string, unknown>): string {
  const s = (k: string) => (typeof value[k] === 'string' && value[k] ? (value[k] as string) : undefined)
  if (s('code') && s('title')) return `${s('code')} ${s('title')}`
  return s('path') ?? s('name') ?? s('title') ?? s('filename') ?? String(value.id)
}

/** Bookkeeping that changes on every save and says nothing about the content. */
const IGNORED = new Set([
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'workflowState',
  'lastEditedBy',
  'reviewedAt',
  'publishedAt',
  'nextReviewAt',
  'publishedUrgently',
  'version',
  'parent',
  'latest',
])

const isTextItem = (v: unknown) => typeof v === 'object' && v !== null && 'text' in v

/** A value as compared (a relation by its id, populated or not) and as shown (by its name). */
type Flat = { key: string; text: string }

function item(v: unknown): Flat {
  if (isTextItem(v)) {
    const text = String((v as { text: unknown }).text ?? '')
    return { key: text, text }
  }
  if (typeof v === 'object' && v && 'id' in v) {
    return { key: String(v.id), text: relationText(v as Record<string, unknown>) }
  }
  const text = v === null || v === undefined ? '' : String(v)
  return { key: text, text }
}

function flatten(
  value: unknown,
  path: string,
  out: Map<string, Flat>,
  plain: (v: unknown) => string | undefined,
): void {
  const text = plain(value)
  if (text !== undefined) out.set(path, { key: text, text })
  else if (Array.isArray(value)) {
    const items = value.map(item)
    out.set(path, { key: items.map((i) => i.key).join('；'), text: items.map((i) => i.text).join('；') })
  } else if (value && typeof value === 'object' && !('id' in value)) {
    for (const [k, v] of Object.entries(value)) if (!IGNORED.has(k)) flatten(v, path ? `${path}.${k}` : k, out, plain)
  } else out.set(path, item(value))
}

/**
 * `plain` turns values that have their own text form (rich text) into text, or returns undefined.
 * Only fields whose value differs are listed, in the order they appear; relations are compared by
 * id and shown by name when populated.
 */
export function diffEntries(
  live: Record<string, unknown> | undefined,
  draft: Record<string, unknown>,
  plain: (v: unknown) => string | undefined = () => undefined,
): FieldChange[] {
  const before = new Map<string, Flat>()
  const after = new Map<string, Flat>()
  // The entries themselves have ids too: walk their fields, not treat them as a relation.
  for (const [k, v] of Object.entries(live ?? {})) if (!IGNORED.has(k)) flatten(v, k, before, plain)
  for (const [k, v] of Object.entries(draft)) if (!IGNORED.has(k)) flatten(v, k, after, plain)
  const none: Flat = { key: '', text: '' }
  const fields = [...new Set([...after.keys(), ...before.keys()])]
  return fields.flatMap((field) => {
    const [b, a] = [before.get(field) ?? none, after.get(field) ?? none]
    return a.key === b.key ? [] : [{ field, before: b.text, after: a.text }]
  })
}
