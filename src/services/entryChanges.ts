/**
 * Who must hear that a knowledge entry changed (published, unpublished, expired, deleted) beyond
 * the search index: the public pages' cache. The index task and the search follower announce each
 * change; an edge (src/http) listens without the jobs importing it.
 */
type Listener = (code: string) => void

const listeners = new Set<Listener>()

/** Returns the function that stops listening. */
export function onEntryChange(listener: Listener): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function entryChanged(code: string): void {
  for (const listener of listeners) listener(code)
}
