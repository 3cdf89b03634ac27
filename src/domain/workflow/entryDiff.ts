/** Field-by-field differences between the live version of an entry and the version under review. */

export type FieldChange = { field: string; before: string; after: string }

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

function flatten(
  value: unknown,
  path: string,
  out: Map<string, string>,
  plain: (v: unknown) => string | undefined,
): void {
  const text = plain(value)
  if (text !== undefined) out.set(path, text)
  else if (Array.isArray(value))
    out.set(
      path,
      value
        .map((v) =>
          isTextItem(v)
            ? String((v as { text: unknown }).text ?? '')
            : typeof v === 'object' && v && 'id' in v
              ? String(v.id)
              : String(v),
        )
        .join('；'),
    )
  else if (value && typeof value === 'object' && !('id' in value)) {
    for (const [k, v] of Object.entries(value)) if (!IGNORED.has(k)) flatten(v, path ? `${path}.${k}` : k, out, plain)
  } else if (value && typeof value === 'object') out.set(path, String((value as { id: unknown }).id))
  else out.set(path, value === null || value === undefined ? '' : String(value))
}

/**
 * `plain` turns values that have their own text form (rich text) into text, or returns undefined.
 * Only fields whose text differs are listed, in the order they appear.
 */
export function diffEntries(
  live: Record<string, unknown> | undefined,
  draft: Record<string, unknown>,
  plain: (v: unknown) => string | undefined = () => undefined,
): FieldChange[] {
  const before = new Map<string, string>()
  const after = new Map<string, string>()
  // The entries themselves have ids too: walk their fields, not treat them as a relation.
  for (const [k, v] of Object.entries(live ?? {})) if (!IGNORED.has(k)) flatten(v, k, before, plain)
  for (const [k, v] of Object.entries(draft)) if (!IGNORED.has(k)) flatten(v, k, after, plain)
  const fields = [...new Set([...after.keys(), ...before.keys()])]
  return fields.flatMap((field) => {
    const [b, a] = [before.get(field) ?? '', after.get(field) ?? '']
    return a === b ? [] : [{ field, before: b, after: a }]
  })
}
