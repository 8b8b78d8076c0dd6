'use client'
import { useAuth, useConfig } from '@payloadcms/ui'
import { usePathname, useRouter } from 'next/navigation'
import { type ReactNode, useEffect, useState } from 'react'

/**
 * With TOTP_REQUIRED_FOR_ADMINS, an administrator without two-factor sign-in is sent to its set-up
 * page from anywhere in the admin. The server enforces it anyway (no role until then); this only
 * spares them an admin that shows nothing.
 */
export function EnrolmentGate({ children }: { children: ReactNode }) {
  const { user } = useAuth()
  const { config } = useConfig()
  const pathname = usePathname()
  const router = useRouter()
  const [mustEnrol, setMustEnrol] = useState(false)
  const staff = user as { id?: unknown; role?: unknown; totpEnabled?: unknown } | null
  const candidate = staff?.role === 'admin' && staff.totpEnabled !== true
  const enrolPath = `${config.routes.admin}/two-factor`
  const exempt = pathname === enrolPath || pathname.startsWith(`${config.routes.admin}/logout`)

  useEffect(() => {
    if (!candidate) return setMustEnrol(false)
    let live = true
    fetch(`${config.routes.api}/${config.admin.user}/totp/status`, { credentials: 'include' })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((status) => live && setMustEnrol(Boolean(status?.mustEnrol)))
      .catch(() => undefined)
    return () => {
      live = false
    }
  }, [candidate, config.routes.api, config.admin.user])

  useEffect(() => {
    if (mustEnrol && !exempt) router.replace(enrolPath)
  }, [mustEnrol, exempt, enrolPath, router])

  return children
}
