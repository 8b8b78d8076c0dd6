/** @jsxRuntime automatic @jsxImportSource react */
import type { Locale } from '@pressroom/shared'
import { Body, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from '@react-email/components'
import { render } from '@react-email/render'
import type { MessageTemplate } from '../mail/index.ts'
import { t } from './i18n.ts'

/**
 * E-mails, built with React Email (HTML) beside a hand-written plain-text part. Per-recipient
 * links stay as `{{placeholders}}` that the delivery core fills in for each recipient, so a
 * send renders once per language, however many subscribers it has.
 */
const font = '-apple-system, "Segoe UI", Helvetica, Arial, sans-serif'
const styles = {
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

function Layout({ locale, org, preview, children }: Shell) {
  return (
    <Html lang={locale}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.org}>{org}</Text>
          {children}
        </Container>
      </Body>
    </Html>
  )
}

export async function confirmationTemplate(locale: Locale, org: string, from: string): Promise<MessageTemplate> {
  const subject = t(locale, 'mail.confirm.subject', { org })
  const html = await render(
    <Layout locale={locale} org={org} preview={subject}>
      <Heading style={styles.h1}>{t(locale, 'confirm.title')}</Heading>
      <Text style={styles.body_}>{t(locale, 'mail.confirm.intro', { org })}</Text>
      <Text style={styles.body_}>
        <Link href="{{confirmUrl}}" style={styles.link}>
          {t(locale, 'mail.confirm.action')}
        </Link>
      </Text>
      <Text style={styles.footer}>{t(locale, 'mail.confirm.ignore')}</Text>
    </Layout>,
  )
  const text = [
    t(locale, 'mail.confirm.intro', { org }),
    `${t(locale, 'mail.confirm.action')}: {{confirmUrl}}`,
    t(locale, 'mail.confirm.ignore'),
  ].join('\n\n')
  return { from, subject, html, text }
}

export type PublicationMail = {
  locale: Locale
  org: string
  from: string
  kindLabel: string
  title: string
  summary?: string | null
  dateline: string
  referenceNumber?: string | null
  bodyHtml: string
  bodyText: string
  webUrl: string
  /** A correction note, shown above the text when this is a correction e-mail. */
  correction?: string
}

export async function publicationTemplate(mail: PublicationMail): Promise<MessageTemplate> {
  const { locale, org } = mail
  const reference = mail.referenceNumber ? ` [${mail.referenceNumber}]` : ''
  const prefix = mail.correction ? `${t(locale, 'mail.correction')}: ` : ''
  const subject = `${org}: ${prefix}${mail.title}${reference}`
  const html = await render(
    <Layout locale={locale} org={org} preview={mail.summary || mail.title}>
      {mail.correction ? (
        <Section>
          <Text style={styles.body_}>
            <strong>{t(locale, 'mail.correction.intro')}</strong> {mail.correction}
          </Text>
          <Hr />
        </Section>
      ) : null}
      <Text style={styles.meta}>
        {mail.kindLabel}
        {mail.referenceNumber ? ` · ${t(locale, 'mail.reference')} ${mail.referenceNumber}` : ''}
      </Text>
      <Heading style={styles.h1}>{mail.title}</Heading>
      <Text style={styles.meta}>{mail.dateline}</Text>
      {mail.summary ? <Text style={{ ...styles.body_, fontWeight: 600 }}>{mail.summary}</Text> : null}
      {/* biome-ignore lint/security/noDangerouslySetInnerHtml: safe HTML from @pressroom/shared/richtext (escaped text, vetted links) */}
      <div style={styles.body_} dangerouslySetInnerHTML={{ __html: mail.bodyHtml }} />
      <Text style={styles.body_}>
        <Link href={mail.webUrl} style={styles.link}>
          {t(locale, 'mail.read')}
        </Link>
      </Text>
      <Hr />
      <Text style={styles.footer}>
        {t(locale, 'mail.footer', { org })}{' '}
        <Link href="{{preferencesUrl}}" style={styles.link}>
          {t(locale, 'mail.preferences')}
        </Link>
        {' · '}
        <Link href="{{unsubscribeUrl}}" style={styles.link}>
          {t(locale, 'mail.unsubscribe')}
        </Link>
      </Text>
    </Layout>,
  )
  const text = [
    mail.correction ? `${t(locale, 'mail.correction.intro')} ${mail.correction}\n\n---` : '',
    `${mail.kindLabel}${mail.referenceNumber ? ` · ${t(locale, 'mail.reference')} ${mail.referenceNumber}` : ''}`,
    mail.title,
    mail.dateline,
    mail.summary ?? '',
    mail.bodyText,
    `${t(locale, 'mail.read')}: ${mail.webUrl}`,
    '---',
    t(locale, 'mail.footer', { org }),
    `${t(locale, 'mail.preferences')}: {{preferencesUrl}}`,
    `${t(locale, 'mail.unsubscribe')}: {{unsubscribeUrl}}`,
  ]
    .filter(Boolean)
    .join('\n\n')
  return {
    from: mail.from,
    subject,
    html,
    text,
    headers: {
      // RFC 8058: mail clients offer one-click unsubscribe and POST to this URL.
      'List-Unsubscribe': '<{{unsubscribeUrl}}>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}
