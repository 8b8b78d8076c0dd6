/** @jsxRuntime automatic @jsxImportSource react */
import { kindWord, kindWordInSentence, type Locale } from '@pressroom/shared'
import { Heading, Hr, Link, Section, Text } from '@react-email/components'
import { render } from '@react-email/render'
import { t } from '../../i18n/reader/index.ts'
import type { MessageTemplate } from '../../mail/index.ts'
import { EmailLayout, emailStyles as styles } from '../../mail/layout.tsx'

/**
 * The e-mail that carries a notice to an institution: formal and sober, in the recipient's
 * language, with the notice's text, its PDF edition attached and the "acknowledge receipt" link.
 * One template per notice and language; the delivery core fills in per recipient
 * `{{recipientName}}` / `{{acknowledgementLink}}` (HTML-escaped in the HTML part, see
 * mail/message.ts), so a dispatch renders React Email once per language.
 */
export type NoticeMail = {
  /** The recipient's language: everything around the notice is in it. */
  locale: Locale
  /** The language the notice's text is in (the other one when the notice lacks `locale`). */
  textLocale: Locale
  org: string
  from: string
  referenceNumber: string
  title: string
  summary?: string | null
  dateline: string
  addressees: string[]
  bodyHtml: string
  bodyText: string
  formalClosing?: string | null
  attachmentName: string
  webUrl: string
}

export function noticeSubject(mail: Pick<NoticeMail, 'locale' | 'org' | 'referenceNumber' | 'title'>): string {
  return `${mail.org}: ${kindWordInSentence('notice', mail.locale, 'singular')} ${mail.referenceNumber} — ${mail.title}`
}

/** The message template (without attachments) for one notice in one recipient language. */
export async function noticeEmailTemplate(mail: NoticeMail): Promise<MessageTemplate> {
  const { locale, textLocale } = mail
  const fallback =
    textLocale !== locale
      ? t(locale, 'noticeMail.fallback', { language: t(locale, `noticeMail.originalLanguage.${textLocale}`) })
      : null
  const subject = noticeSubject(mail)
  const meta = `${kindWord('notice', locale, 'singular')} · ${t(locale, 'mail.reference')} ${mail.referenceNumber}`
  // The addressees belong to the notice's text, so they are labelled in its language.
  const addressees = t(textLocale, 'noticeMail.addressees')
  const html = await render(
    <EmailLayout locale={locale} org={mail.org} preview={`${meta}. ${mail.title}`}>
      <Text style={styles.meta}>{meta}</Text>
      <Text style={styles.body_}>
        {t(locale, 'noticeMail.to')}: {'{{recipientName}}'}
      </Text>
      {fallback ? (
        <Text style={{ ...styles.body_, fontStyle: 'italic' }}>
          <strong>{fallback}</strong>
        </Text>
      ) : null}
      <Section lang={textLocale}>
        <Heading style={styles.h1}>{mail.title}</Heading>
        <Text style={styles.meta}>{mail.dateline}</Text>
        {mail.addressees.length > 0 ? (
          <Text style={styles.meta}>
            {addressees}: {mail.addressees.join('; ')}
          </Text>
        ) : null}
        {mail.summary ? <Text style={{ ...styles.body_, fontWeight: 600 }}>{mail.summary}</Text> : null}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: safe HTML from @pressroom/shared/richtext (escaped text, vetted links) */}
        <div style={styles.body_} dangerouslySetInnerHTML={{ __html: mail.bodyHtml }} />
        {mail.formalClosing ? <Text style={styles.body_}>{mail.formalClosing}</Text> : null}
      </Section>
      <Hr />
      <Heading as="h2" style={{ ...styles.h1, fontSize: '18px' }}>
        {t(locale, 'acknowledgement.title')}
      </Heading>
      <Text style={styles.body_}>{t(locale, 'noticeMail.ackIntro')}</Text>
      <Text style={styles.body_}>
        <Link href="{{acknowledgementLink}}" style={{ ...styles.link, fontWeight: 600 }}>
          {t(locale, 'noticeMail.ackAction')}
        </Link>
      </Text>
      <Text style={styles.body_}>
        {t(locale, 'noticeMail.attached')} {mail.attachmentName}
      </Text>
      <Text style={styles.body_}>
        <Link href={mail.webUrl} style={styles.link}>
          {t(locale, 'noticeMail.web')}
        </Link>
      </Text>
      <Hr />
      <Text style={styles.footer}>{t(locale, 'noticeMail.footer', { org: mail.org })}</Text>
    </EmailLayout>,
  )
  const text = [
    meta,
    `${t(locale, 'noticeMail.to')}: {{recipientName}}`,
    fallback ?? '',
    mail.title,
    mail.dateline,
    mail.addressees.length > 0 ? `${addressees}: ${mail.addressees.join('; ')}` : '',
    mail.summary ?? '',
    mail.bodyText,
    mail.formalClosing ?? '',
    '---',
    `${t(locale, 'acknowledgement.title')}. ${t(locale, 'noticeMail.ackIntro')}`,
    `${t(locale, 'noticeMail.ackAction')}: {{acknowledgementLink}}`,
    `${t(locale, 'noticeMail.attached')} ${mail.attachmentName}`,
    `${t(locale, 'noticeMail.web')}: ${mail.webUrl}`,
    '---',
    t(locale, 'noticeMail.footer', { org: mail.org }),
  ]
    .filter(Boolean)
    .join('\n\n')
  return { from: mail.from, subject, html, text }
}
