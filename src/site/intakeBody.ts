/** The call form's state and the order the intake API takes from it. */
export type Cited = { code: string; title: string; version: string }

export const EMPTY_CALL = {
  name: '',
  phone: '',
  kind: 'person',
  companyName: '',
  creditCode: '',
  anonymous: false,
  confidential: false,
  noReply: false,
  type: 'consultation',
  urgency: 'normal',
  complex: false,
  title: '',
  content: '',
  category: '',
  district: '',
  address: '',
  respondent: '',
}
export type Call = typeof EMPTY_CALL

/** The order as the intake API takes it: empty fields left out. */
export function orderBody(call: Call, cited: readonly Cited[], top: string | undefined, related: readonly string[]) {
  const optional = (v: string) => v.trim() || undefined
  return {
    channel: 'phone',
    type: call.type,
    urgency: call.urgency,
    complex: call.complex,
    title: call.title.trim(),
    content: call.content.trim(),
    category: optional(call.category),
    district: optional(call.district),
    address: optional(call.address),
    respondent: optional(call.respondent),
    claimant: {
      kind: call.kind,
      name: call.anonymous ? undefined : optional(call.name),
      phone: optional(call.phone.replace(/\s+/g, '')),
      companyName: call.kind === 'person' ? undefined : optional(call.companyName),
      creditCode: call.kind === 'enterprise' ? optional(call.creditCode) : undefined,
      anonymous: call.anonymous,
      confidential: call.confidential,
      noReply: call.noReply,
    },
    citedEntries: cited.map((c) => c.code),
    // For the suggestion's accuracy report and the duplicate links; the API ignores what it does not know.
    suggestedCategory: top,
    related: related.length ? [...related] : undefined,
  }
}
