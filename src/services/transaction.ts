/**
 * One database transaction around a service's writes: every Local API call given the `req` handed to
 * `work` joins it, and an error rolls all of them back. Called inside a transaction already begun on
 * `req`, it joins that one instead of committing on its own.
 */
import { commitTransaction, initTransaction, killTransaction, type Payload, type PayloadRequest } from 'payload'

export async function inTransaction<T>(
  payload: Payload,
  work: (req: PayloadRequest) => Promise<T>,
  req: Partial<PayloadRequest> = {},
): Promise<T> {
  req.payload ??= payload
  const tx = req as PayloadRequest
  const startedHere = await initTransaction(tx)
  try {
    const result = await work(tx)
    if (startedHere) await commitTransaction(tx)
    return result
  } catch (err) {
    if (startedHere) await killTransaction(tx)
    throw err
  }
}
