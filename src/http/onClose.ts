/**
 * What middlewares do once an answer is over (the request log's line, the timing, the anonymous
 * gate's slot) runs from one 'close' listener per response: a listener costs more than a call, and
 * 'close' comes after every answer, finished or not (then the client went away first).
 */
import type { ServerResponse } from 'node:http'

const HOOKS = Symbol('on close')
type Hooked = ServerResponse & { [HOOKS]?: (() => void)[] }

export function onClose(res: ServerResponse, hook: () => void): void {
  const hooked = res as Hooked
  const hooks = hooked[HOOKS]
  if (hooks) {
    hooks.push(hook)
    return
  }
  const all = [hook]
  hooked[HOOKS] = all
  res.once('close', () => {
    for (const run of all) run()
  })
}
