import type { AdminViewServerProps } from 'payload'
import { EnrolPage } from './EnrolPage.tsx'

/** /admin/two-factor: where an administrator who must set up two-factor sign-in is sent first. */
export function EnrolView({ initPageResult }: AdminViewServerProps) {
  return <EnrolPage adminUrl={initPageResult.req.payload.config.routes.admin} />
}
