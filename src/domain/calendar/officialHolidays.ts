/**
 * The 2025 and 2026 public holidays and make-up workdays of the State Council's notices, seeded into
 * the `work-calendar` collection; admins add later years there when the notice is published.
 */
const range = (from: string, to: string) => {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

type OfficialDay = { date: string; kind: 'holiday' | 'workday'; name: string }
const holidays = (from: string, to: string, name: string): OfficialDay[] =>
  range(from, to).map((date) => ({ date, kind: 'holiday', name }))
const workday = (date: string, name: string): OfficialDay => ({ date, kind: 'workday', name: `${name}调休上班` })

export const OFFICIAL_DAYS_2025: OfficialDay[] = [
  ...holidays('2025-01-01', '2025-01-01', '元旦'),
  ...holidays('2025-01-28', '2025-02-04', '春节'),
  workday('2025-01-26', '春节'),
  workday('2025-02-08', '春节'),
  ...holidays('2025-04-04', '2025-04-06', '清明节'),
  ...holidays('2025-05-01', '2025-05-05', '劳动节'),
  workday('2025-04-27', '劳动节'),
  ...holidays('2025-05-31', '2025-06-02', '端午节'),
  ...holidays('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  workday('2025-09-28', '国庆节'),
  workday('2025-10-11', '国庆节'),
]

export const OFFICIAL_DAYS_2026: OfficialDay[] = [
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

export const OFFICIAL_DAYS: OfficialDay[] = [...OFFICIAL_DAYS_2025, ...OFFICIAL_DAYS_2026]
