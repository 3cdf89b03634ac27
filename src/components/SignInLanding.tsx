/**
 * Where a sign-in lands. The login form goes to /admin/start unless it was sent elsewhere (a page that
 * asked for sign-in keeps its `redirect`); /admin/start sends each role to its own queue: dispatchers to
 * the dispatch desk, unit handlers to their inbox, supervisors to the supervision desk, agents to the
 * console, and everyone else (knowledge editors, reviewers, hotline staff) to the admin.
 */
import { LoginView } from '@payloadcms/next/views'
import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'

import type { AccessUser } from '../domain/roles'
import { homeOf } from '../services/deskSummary'

export const LANDING_PATH = '/admin/start'

export function SignInView(props: AdminViewServerProps) {
  const searchParams = { ...props.searchParams, redirect: props.searchParams?.redirect ?? LANDING_PATH }
  return LoginView({ ...props, searchParams })
}

export function Landing({ initPageResult }: AdminViewServerProps) {
  const user = initPageResult.req.user as AccessUser | null
  redirect(user ? homeOf(user) : '/admin/login')
}
