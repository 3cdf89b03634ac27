/**
 * What a work order teaches the unit suggestion: the unit that kept it, and the units whose return
 * request was approved (it was not theirs), read from the order's timeline in its order of events.
 * Dispatches record the unit's id on their timeline step (`unit`); steps written before that carry
 * only the note "派发至 X" / "改派至 X", whose name `resolveName` turns into the same kind of key.
 */
export type TimelineStep = { action: string; note?: string | null; unit?: string | number | null }

export type DispatchOutcome = { unit: string; returned: boolean }

/** The unit named by a dispatch ("派发至 X") or a reassignment ("改派至 X（争议后指定承办）"). */
const dispatchedTo = (note: string | null | undefined) => /^(?:派发至|改派至)\s*([^（(]+)/.exec(note ?? '')?.[1].trim()

export function dispatchOutcomes(
  timeline: readonly TimelineStep[],
  finalUnit: string | undefined,
  resolveName: (name: string) => string | undefined = (name) => name,
): DispatchOutcome[] {
  const unitOf = (step: TimelineStep) => {
    if (step.unit !== undefined && step.unit !== null) return String(step.unit)
    const name = dispatchedTo(step.note)
    return name === undefined ? undefined : resolveName(name)
  }
  const outcomes: DispatchOutcome[] = []
  let current: string | undefined
  for (const step of timeline) {
    if (step.action === 'dispatch') current = unitOf(step) ?? current
    if (step.action === 'approve-return') {
      if (current) outcomes.push({ unit: current, returned: true })
      current = unitOf(step)
    }
  }
  const kept = finalUnit ?? current
  if (kept) outcomes.push({ unit: kept, returned: false })
  return outcomes
}
