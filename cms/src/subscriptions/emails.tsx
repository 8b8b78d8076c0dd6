/** @jsxRuntime automatic @jsxImportSource react */
import type { Locale } from '@pressroom/shared'
import { Heading, Hr, Link, Section, Text } from '@react-email/components'
import { render } from '@react-email/render'
import { t } from '../i18n/reader/index.ts'
import type { MessageTemplate } from '../mail/index.ts'
import { EmailLayout, emailStyles } from '../mail/layout.tsx'
import type { PublicationExtras } from './publication/publicationExtras.ts'
import { PublicationExtrasBlock, publicationExtrasText } from './publication/publicationExtrasBlock.tsx'

/**
 * E-mails, built with React Email (HTML) beside a hand-written plain-text part. Per-recipient
 * links stay as `{{placeholders}}` that the delivery core fills in for each recipient, so a
 * send renders once per language, however many subscribers it has.
 */
const styles = emailStyles
const Layout = EmailLayout

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
  /** Contacts, downloads, images, notes to editors, the link to cite (docs/adr/0047). */
  extras?: PublicationExtras
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
      {mail.extras ? <PublicationExtrasBlock locale={locale} extras={mail.extras} /> : null}
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
    mail.extras ? publicationExtrasText(locale, mail.extras) : '',
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
