/** Seeds the work calendar with the official holidays this project ships, once, on a fresh database. */
import type { Payload } from 'payload'

import { OFFICIAL_DAYS } from '../domain/calendar/officialHolidays'

export async function seedWorkCalendar(payload: Payload): Promise<number> {
  if ((await payload.count({ collection: 'work-calendar', overrideAccess: true })).totalDocs > 0) return 0
  for (const day of OFFICIAL_DAYS) {
    await payload.create({
      collection: 'work-calendar',
      overrideAccess: true,
      data: { ...day, date: `${day.date}T00:00:00+08:00` },
    })
  }
  return OFFICIAL_DAYS.length
}
