/**
 * The 2026 public holidays and make-up workdays of the State Council's notice, seeded into the
 * `work-calendar` collection; admins maintain later years there (check against the official notice).
 */
const range = (from: string, to: string) => {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

export const OFFICIAL_DAYS_2026: { date: string; kind: 'holiday' | 'workday'; name: string }[] = [
  ...range('2026-01-01', '2026-01-03').map((date) => ({ date, kind: 'holiday' as const, name: '元旦' })),
  { date: '2026-01-04', kind: 'workday', name: '元旦调休上班' },
  ...range('2026-02-15', '2026-02-23').map((date) => ({ date, kind: 'holiday' as const, name: '春节' })),
  { date: '2026-02-14', kind: 'workday', name: '春节调休上班' },
  { date: '2026-02-28', kind: 'workday', name: '春节调休上班' },
  ...range('2026-04-04', '2026-04-06').map((date) => ({ date, kind: 'holiday' as const, name: '清明节' })),
  ...range('2026-05-01', '2026-05-05').map((date) => ({ date, kind: 'holiday' as const, name: '劳动节' })),
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休上班' },
  ...range('2026-06-19', '2026-06-21').map((date) => ({ date, kind: 'holiday' as const, name: '端午节' })),
  ...range('2026-09-25', '2026-09-27').map((date) => ({ date, kind: 'holiday' as const, name: '中秋节' })),
  ...range('2026-10-01', '2026-10-07').map((date) => ({ date, kind: 'holiday' as const, name: '国庆节' })),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休上班' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休上班' },
]
