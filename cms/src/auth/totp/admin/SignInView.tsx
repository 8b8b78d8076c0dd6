import { redirect } from 'next/navigation'
import type { AdminViewServerProps } from 'payload'
import { getSafeRedirect } from 'payload/shared'
import { SignInForm } from './SignInForm.tsx'

/**
 * Replaces Payload's login view: the same e-mail and password, plus the code field that
 * two-factor sign-in needs, sent together in one login request (docs/adr/0034).
 */
export function SignInView({ initPageResult, searchParams }: AdminViewServerProps) {
  const { req } = initPageResult
  const { admin, api } = req.payload.config.routes
  const asked = searchParams?.redirect
  const redirectTo = getSafeRedirect({ fallbackTo: admin, redirectTo: typeof asked === 'string' ? asked : '' })
  if (req.user) redirect(redirectTo)
  return (
    <SignInForm
      loginUrl={`${api}/${req.payload.config.admin.user}/login`}
      forgotUrl={`${admin}${req.payload.config.admin.routes.forgot}`}
      redirectTo={redirectTo}
    />
  )
}
