/** The kinds, channels and outcomes of work orders, and the time-limit rules as data. */
export const ORDER_TYPES = [
  { value: 'consultation', label: '咨询' },
  { value: 'help', label: '求助' },
  { value: 'complaint', label: '投诉' },
  { value: 'report', label: '举报' },
  { value: 'suggestion', label: '建议' },
  { value: 'praise', label: '表扬' },
] as const
export type OrderType = (typeof ORDER_TYPES)[number]['value']

export const CHANNELS = [
  { value: 'phone', label: '电话' },
  { value: 'web', label: '网站' },
  { value: 'wechat', label: '微信' },
  { value: 'app', label: 'APP' },
  { value: 'sms', label: '短信' },
  { value: 'email', label: '电子邮件' },
  { value: 'letter', label: '信件' },
  { value: 'other', label: '其他' },
] as const

/** 诉求人: a person, an enterprise (with its unified social credit code) or another organisation. */
export const CLAIMANT_KINDS = [
  { value: 'person', label: '个人' },
  { value: 'enterprise', label: '企业' },
  { value: 'organisation', label: '其他组织' },
] as const

export const URGENCIES = [
  { value: 'normal', label: '普通' },
  { value: 'urgent', label: '紧急' },
] as const

export const NOT_ACCEPTED_REASONS = [
  { value: 'emergency', label: '紧急警情，已转 110/119/120/122' },
  { value: 'legal-channel', label: '属诉讼、仲裁、行政复议、信息公开、信访等法定途径，已告知' },
  { value: 'secret-privacy', label: '涉及国家秘密、商业秘密或个人隐私' },
  { value: 'malicious', label: '恶意或无实质内容来电' },
  { value: 'duplicate', label: '重复诉求且无新情况，已告知进度' },
  { value: 'other', label: '其他' },
] as const

export const SATISFACTION = [
  { value: 'satisfied', label: '满意' },
  { value: 'basically_satisfied', label: '基本满意' },
  { value: 'dissatisfied', label: '不满意' },
  { value: 'unreachable', label: '联系不上' },
] as const

export const SLA_KINDS = [
  { value: 'dispatch', label: '派发时限（自登记起）' },
  { value: 'consultation', label: '会商答复时限' },
  { value: 'sign-for', label: '签收时限（自派发起）' },
  { value: 'handling', label: '办理时限' },
  { value: 'return-window', label: '退回申请时限' },
  { value: 'callback', label: '回访时限' },
  { value: 'max-extension', label: '单次延期上限' },
  { value: 'pause-clock', label: '待补充期间暂停计时' },
] as const
export type SlaKind = (typeof SLA_KINDS)[number]['value']

export type SlaRule = {
  kind: SlaKind
  orderType?: string | null
  urgency?: string | null
  complex?: boolean | null
  workingDays?: number | null
  workingHours?: number | null
  hours?: number | null
}

/** Defaults from published provincial rules (Guangdong 2022, Shandong 2020); admins change them in `sla-rules`. */
export const DEFAULT_SLA_RULES: (SlaRule & { label: string })[] = [
  { kind: 'dispatch', urgency: 'urgent', hours: 1, label: '紧急工单登记后 1 小时内派发' },
  { kind: 'dispatch', workingHours: 4, label: '登记后 4 个工作小时内派发或办结' },
  { kind: 'consultation', workingDays: 1, label: '会商单位 1 个工作日内答复' },
  { kind: 'sign-for', urgency: 'urgent', hours: 2, label: '紧急工单派发后 2 小时内签收' },
  { kind: 'sign-for', workingHours: 24, label: '派发后 1 个工作日（24 工作小时）内签收' },
  { kind: 'handling', urgency: 'urgent', hours: 24, label: '紧急工单 24 小时' },
  { kind: 'handling', orderType: 'consultation', workingDays: 2, label: '咨询 2 个工作日' },
  { kind: 'handling', orderType: 'help', workingDays: 10, label: '求助 10 个工作日' },
  { kind: 'handling', orderType: 'suggestion', workingDays: 10, label: '建议 10 个工作日' },
  { kind: 'handling', orderType: 'praise', workingDays: 10, label: '表扬 10 个工作日' },
  { kind: 'handling', orderType: 'complaint', workingDays: 15, label: '投诉 15 个工作日' },
  { kind: 'handling', orderType: 'report', workingDays: 15, label: '举报 15 个工作日' },
  { kind: 'return-window', workingDays: 1, label: '派发后 1 个工作日内申请退回' },
  { kind: 'return-window', complex: true, workingDays: 2, label: '复杂工单派发后 2 个工作日内申请退回' },
  { kind: 'callback', workingDays: 2, label: '答复后 2 个工作日内回访' },
  { kind: 'max-extension', workingDays: 10, label: '延期最多 10 个工作日' },
  { kind: 'pause-clock', label: '待补充（等待诉求人补充材料）期间暂停计时' },
]

/** The most specific rule of a kind that fits the order (urgency, then type, then complexity). */
export function pickRule(
  rules: readonly SlaRule[],
  kind: SlaKind,
  order: { type: string; urgency?: string | null; complex?: boolean | null },
): SlaRule | undefined {
  const fits = rules.filter(
    (r) =>
      r.kind === kind &&
      (!r.orderType || r.orderType === order.type) &&
      (!r.urgency || r.urgency === (order.urgency ?? 'normal')) &&
      (r.complex == null || r.complex === false || r.complex === Boolean(order.complex)),
  )
  const specificity = (r: SlaRule) => (r.urgency ? 4 : 0) + (r.orderType ? 2 : 0) + (r.complex ? 1 : 0)
  return fits.sort((a, b) => specificity(b) - specificity(a))[0]
}
