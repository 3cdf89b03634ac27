/**
 * Any change to an API key (revoked, scopes or limit edited, deleted) counts here, so that the
 * callers' short memory of verified keys (src/auth/callers.ts) forgets them at once on this app
 * server; other app servers forget within that memory's lifetime.
 */
let generation = 0

export const apiKeysGeneration = (): number => generation

export const noteApiKeysChanged = (): void => {
  generation++
}
