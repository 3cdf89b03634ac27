/** The six kinds of knowledge entry and what differs between them. */
export const ENTRY_TYPES = [
  { value: 'guide', label: '办事指南', reviewCycleDays: 180 },
  { value: 'location', label: '办事地点', reviewCycleDays: 365 },
  { value: 'policy', label: '政策文件', reviewCycleDays: 90 },
  { value: 'faq', label: '常见问题', reviewCycleDays: 180 },
  // A notice is reviewed when its event ends, so it has no fixed cycle.
  { value: 'notice', label: '通知公告', reviewCycleDays: undefined },
  { value: 'script', label: '答复口径', reviewCycleDays: 90 },
] as const

export type EntryType = (typeof ENTRY_TYPES)[number]['value']

export const AUDIENCES = [
  { value: 'public', label: '公开' },
  { value: 'internal', label: '内部' },
] as const

export type Audience = (typeof AUDIENCES)[number]['value']

export const isEntryType = (value: unknown): value is EntryType => ENTRY_TYPES.some((t) => t.value === value)

export const defaultReviewCycleDays = (type: EntryType): number | undefined =>
  ENTRY_TYPES.find((t) => t.value === type)?.reviewCycleDays

/** Answer scripts are for agents only, whatever the editor chose. */
export const effectiveAudience = (type: EntryType, audience: Audience | undefined): Audience =>
  type === 'script' ? 'internal' : (audience ?? 'public')
