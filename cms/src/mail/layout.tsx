/** @jsxRuntime automatic @jsxImportSource react */
import type { Locale } from '@pressroom/shared'
import { Body, Container, Head, Html, Preview, Text } from '@react-email/components'
import type React from 'react'

/**
 * The frame every e-mail of the press room shares (React Email): a sober white page with the
 * organization's name on top. Subscriptions (issue 4) and notices to institutions (issue 6)
 * fill it with their own content.
 */
const font = '-apple-system, "Segoe UI", Helvetica, Arial, sans-serif'
export const emailStyles = {
  body: { backgroundColor: '#f4f4f2', fontFamily: font, color: '#1a1a1a', margin: 0, padding: '24px 0' },
  container: { backgroundColor: '#ffffff', maxWidth: '640px', margin: '0 auto', padding: '32px' },
  org: { fontSize: '13px', letterSpacing: '0.04em', textTransform: 'uppercase' as const, color: '#555', margin: 0 },
  h1: { fontSize: '24px', lineHeight: '1.3', margin: '12px 0' },
  meta: { fontSize: '13px', color: '#555', margin: '0 0 16px' },
  body_: { fontSize: '16px', lineHeight: '1.6' },
  footer: { fontSize: '12px', color: '#666', lineHeight: '1.5' },
  link: { color: '#0b4f8a' },
}

type Shell = { locale: Locale; org: string; preview: string; children: React.ReactNode }

export function EmailLayout({ locale, org, preview, children }: Shell) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={emailStyles.body}>
        <Container style={emailStyles.container}>
          <Text style={emailStyles.org}>{org}</Text>
          {children}
        </Container>
      </Body>
    </Html>
  )
}
