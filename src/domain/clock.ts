/**
 * The one source of "now" for the whole product. HOTLINE_NOW fixes it (set once at start by the
 * config loader) so that tests, jobs, imports and the search evaluation are reproducible.
 */
let fixedNow: Date | undefined

export function fixClock(at: Date | undefined): void {
  fixedNow = at ? new Date(at.getTime()) : undefined
}

export function now(): Date {
  return fixedNow ? new Date(fixedNow.getTime()) : new Date()
}

/** The fixed instant, if the clock is fixed (to restore it after moving it). */
export function fixedClock(): Date | undefined {
  return fixedNow ? new Date(fixedNow.getTime()) : undefined
}
