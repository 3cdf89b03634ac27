/** Lets the requests already received run before long work goes on (one turn of the event loop). */
export const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve))
