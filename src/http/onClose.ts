/**
 * What middlewares do once an answer is over (the request log's line, the timing, the anonymous
 * gate's slot) runs from one 'close' listener per response: a listener costs more than a call, and
 * 'close' comes after every answer, finished or not (then the client went away first). The listener
 * is one function for every response, not a closure made per request.
 */
import type { ServerResponse } from 'node:http'

const HOOKS = Symbol('on close')
type Hooked = ServerResponse & { [HOOKS]?: (() => void)[] }

function runHooks(this: Hooked): void {
  for (const run of this[HOOKS]!) run()
}

export function onClose(res: ServerResponse, hook: () => void): void {
  const hooked = res as Hooked
  const hooks = hooked[HOOKS]
  if (hooks) hooks.push(hook)
  else {
    hooked[HOOKS] = [hook]
    // 'close' comes once per response: `on` spares `once`'s wrapper.
    res.on('close', runHooks)
  }
}
