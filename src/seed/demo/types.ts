/** A demo entry in the exchange format, with validity given relative to the seeding day. */
export type DemoEntry = {
  id?: string
  type: 'guide' | 'location' | 'policy' | 'faq' | 'notice' | 'script'
  unit: string
  category: string
  title: string
  summary: string
  body: string
  fields?: Record<string, unknown>
  audience?: 'public' | 'internal'
  tags: string[]
  source?: { documentNumber?: string; issuingBody?: string; link?: string }
  relatedIds?: string[]
  /** Days from the seeding day; negative values lie in the past. Absent: open-ended. */
  validFromDays?: number
  validUntilDays?: number
  /** The title of the entry that replaces this one (an expired entry links to its successor). */
  replacedBy?: string
}
