'use client'
import { TwoFactorSettings } from './TwoFactorSettings.tsx'

export function EnrolPage({ adminUrl }: { adminUrl: string }) {
  return (
    <main className="gutter--left gutter--right pressroom-enrol">
      <TwoFactorSettings onEnrolled={() => window.location.assign(adminUrl)} />
    </main>
  )
}
