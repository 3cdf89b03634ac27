/** What an in-app notification is about. */
export const NOTIFICATION_KINDS = [
  { value: 'expiring', label: '即将到期' },
  { value: 'review_due', label: '即将需复核' },
  { value: 'expired', label: '已过期下线' },
  { value: 'supervision_opened', label: '督办' },
  { value: 'supervision_overdue', label: '督办超期' },
  { value: 'work_order', label: '工单' },
  { value: 'calendar_missing', label: '工作日历待补充' },
  { value: 'report', label: '数据分析报告' },
] as const

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]['value']
