/**
 * Password changes: the policy applies to every new password, and a user changing their own must
 * give the current one (a stolen session cannot take the account over). Payload then ends the user's
 * other sessions.
 */
import { type CollectionBeforeValidateHook, ValidationError } from 'payload'

import { passwordProblem } from '../domain/passwordPolicy'

const refuse = (path: string, message: string) =>
  new ValidationError({ collection: 'users', errors: [{ path, message }] })

export const checkPasswordChange: CollectionBeforeValidateHook = async ({ data, originalDoc, operation, req }) => {
  if (!data || typeof data.password !== 'string') return data
  const account = { email: data.email ?? originalDoc?.email, name: data.name ?? originalDoc?.name }
  const problem = passwordProblem(data.password, account)
  if (problem) throw refuse('password', problem)
  const own = operation === 'update' && req.user && String(req.user.id) === String(originalDoc?.id)
  if (own) {
    const current = typeof data.currentPassword === 'string' ? data.currentPassword : ''
    if (!current) throw refuse('currentPassword', '修改本人密码须输入当前密码')
    // Payload's own login checks the password (and counts a wrong one towards the lock-out); it
    // makes the request its new user, so the acting session is put back for Payload to keep.
    const actor = req.user
    const verified = await req.payload
      .login({ collection: 'users', data: { email: originalDoc.email, password: current }, req })
      .then(() => true)
      .catch(() => false)
      .finally(() => (req.user = actor))
    if (!verified) throw refuse('currentPassword', '当前密码不正确')
  }
  delete data.currentPassword
  return data
}
