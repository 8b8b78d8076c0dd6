/** @jsxRuntime automatic @jsxImportSource react */
import type { Locale } from '@pressroom/shared'
import { Heading, Hr, Link, Section, Text } from '@react-email/components'
import { render } from '@react-email/render'
import { type MessageKey, t } from '../i18n/reader/index.ts'
import type { MessageTemplate } from '../mail/index.ts'
import { EmailLayout, emailStyles as styles } from '../mail/layout.tsx'
import type { PublicationMail } from './emails.tsx'
import { PublicationExtrasBlock, publicationExtrasText } from './publication/publicationExtrasBlock.tsx'

/**
 * The two e-mails of language-aware announcements (docs/adr/0045): the short notice that a
 * publication exists only in another language, and the bilingual e-mail that carries every
 * language of a publication at once. Per-recipient links stay `{{placeholders}}`, as in emails.tsx.
 */
const unsubscribeHeaders = {
  // RFC 8058: mail clients offer one-click unsubscribe and POST to this URL.
  'List-Unsubscribe': '<{{unsubscribeUrl}}>',
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
}

const inLanguage = (words: Locale, language: Locale) => t(words, `langNotices.in.${language}` as MessageKey)

export type LanguageNoticeMail = {
  /** The subscriber's language: the notice is written in it. */
  locale: Locale
  org: string
  from: string
  /** The kind in the subscriber's language. */
  kindLabel: string
  /** The title as published, in the language it exists in. */
  title: string
  original: Locale
  webUrl: string
}

export async function languageNoticeTemplate(mail: LanguageNoticeMail): Promise<MessageTemplate> {
  const { locale, org } = mail
  const words = {
    org,
    kind: mail.kindLabel,
    inLanguage: inLanguage(locale, mail.original),
    inMyLanguage: inLanguage(locale, locale),
    title: mail.title,
  }
  const subject = t(locale, 'langNotices.notice.subject', words)
  const html = await render(
    <EmailLayout locale={locale} org={org} preview={subject}>
      <Text style={styles.body_}>{t(locale, 'langNotices.notice.intro', words)}</Text>
      <Heading style={styles.h1} lang={mail.original}>
        {mail.title}
      </Heading>
      <Text style={styles.body_}>
        <Link href={mail.webUrl} style={styles.link} hrefLang={mail.original}>
          {t(locale, 'langNotices.notice.read', words)}
        </Link>
      </Text>
      <Text style={styles.body_}>{t(locale, 'langNotices.notice.later')}</Text>
      <Hr />
      <Text style={styles.footer}>
        {t(locale, 'mail.footer', { org })} {t(locale, 'langNotices.notice.switchOff')}{' '}
        <Link href="{{preferencesUrl}}" style={styles.link}>
          {t(locale, 'mail.preferences')}
        </Link>
        {' · '}
        <Link href="{{unsubscribeUrl}}" style={styles.link}>
          {t(locale, 'mail.unsubscribe')}
        </Link>
      </Text>
    </EmailLayout>,
  )
  const text = [
    t(locale, 'langNotices.notice.intro', words),
    mail.title,
    `${t(locale, 'langNotices.notice.read', words)}: ${mail.webUrl}`,
    t(locale, 'langNotices.notice.later'),
    '---',
    `${t(locale, 'mail.footer', { org })} ${t(locale, 'langNotices.notice.switchOff')}`,
    `${t(locale, 'mail.preferences')}: {{preferencesUrl}}`,
    `${t(locale, 'mail.unsubscribe')}: {{unsubscribeUrl}}`,
  ].join('\n\n')
  return { from: mail.from, subject, html, text, headers: unsubscribeHeaders }
}

function LanguagePart({ mail }: { mail: PublicationMail }) {
  const { locale } = mail
  return (
    <Section lang={locale}>
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
    </Section>
  )
}

/**
 * One e-mail with every language of a publication: the subjects joined, each language's text in
 * turn (marked with its `lang`), and one footer whose links are worded in every language.
 */
export async function bilingualTemplate(mails: PublicationMail[]): Promise<MessageTemplate> {
  const first = mails[0]!
  const reference = first.referenceNumber ? ` [${first.referenceNumber}]` : ''
  const subject = `${first.org}: ${mails.map((m) => m.title).join(' / ')}${reference}`
  const html = await render(
    <EmailLayout locale={first.locale} org={mails.map((m) => m.org).join(' / ')} preview={subject}>
      {mails.map((mail) => (
        <LanguagePart key={mail.locale} mail={mail} />
      ))}
      {mails.map((mail) => (
        <Text key={mail.locale} style={styles.footer} lang={mail.locale}>
          {t(mail.locale, 'mail.footer', { org: mail.org })} {t(mail.locale, 'langNotices.bilingual.footer')}{' '}
          <Link href="{{preferencesUrl}}" style={styles.link}>
            {t(mail.locale, 'mail.preferences')}
          </Link>
          {' · '}
          <Link href="{{unsubscribeUrl}}" style={styles.link}>
            {t(mail.locale, 'mail.unsubscribe')}
          </Link>
        </Text>
      ))}
    </EmailLayout>,
  )
  const parts = mails.map((mail) =>
    [
      `${mail.kindLabel}${mail.referenceNumber ? ` · ${t(mail.locale, 'mail.reference')} ${mail.referenceNumber}` : ''}`,
      mail.title,
      mail.dateline,
      mail.summary ?? '',
      mail.bodyText,
      `${t(mail.locale, 'mail.read')}: ${mail.webUrl}`,
      mail.extras ? publicationExtrasText(mail.locale, mail.extras) : '',
    ]
      .filter(Boolean)
      .join('\n\n'),
  )
  const both = (key: MessageKey) => mails.map((mail) => t(mail.locale, key)).join(' / ')
  const text = [
    ...parts.flatMap((p) => [p, '---']),
    ...mails.map(
      (mail) => `${t(mail.locale, 'mail.footer', { org: mail.org })} ${t(mail.locale, 'langNotices.bilingual.footer')}`,
    ),
    `${both('mail.preferences')}: {{preferencesUrl}}`,
    `${both('mail.unsubscribe')}: {{unsubscribeUrl}}`,
  ].join('\n\n')
  return { from: first.from, subject, html, text, headers: unsubscribeHeaders }
}
