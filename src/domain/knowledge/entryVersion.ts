/**
 * The version of an entry's live content that answers cite: when it was published, on the hotline
 * clock (Payload stamps `updatedAt` with the real clock on every save, reviews included). Entries
 * published before `publishedAt` existed fall back to `updatedAt`.
 */
export const entryVersion = (entry: { publishedAt?: string | null; updatedAt: string }): string =>
  entry.publishedAt ?? entry.updatedAt
