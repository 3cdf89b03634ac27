'use client'
/** The current password, asked for when users change their own (a masked input, never stored). */
import { PasswordField } from '@payloadcms/ui'
import type { TextFieldClientProps } from 'payload'

export function CurrentPasswordField({ field, path }: TextFieldClientProps) {
  return <PasswordField field={field} path={path} autoComplete="current-password" />
}
