/** @jsxRuntime automatic @jsxImportSource react */
import type { Locale } from '@pressroom/shared'
import { Heading, Hr, Link, Section, Text } from '@react-email/components'
import { render } from '@react-email/render'
import { t } from '../../i18n/reader/index.ts'
import type { MessageTemplate } from '../../mail/index.ts'
import { EmailLayout, emailStyles as styles } from '../../mail/layout.tsx'

/** One publication as a digest lists it, already in the digest's language. */
export type DigestEntry = {
  title: string
  kindLabel: string
  date: string
  referenceNumber: string | null
  summary: string | null
  webUrl: string
}

export type DigestMail = {
  locale: Locale
  org: string
  from: string
  subject: string
  /** "Published from … to …", with the zone named. */
  intro: string
  entries: DigestEntry[]
}

const meta = (e: DigestEntry) => [e.kindLabel, e.date, e.referenceNumber].filter(Boolean).join(' · ')

/** A digest: the period, then each publication's kind, date, title (a link) and summary. */
export async function digestTemplate(mail: DigestMail): Promise<MessageTemplate> {
  const { locale, org } = mail
  const html = await render(
    <EmailLayout locale={locale} org={org} preview={mail.intro}>
      <Heading style={styles.h1}>{mail.subject}</Heading>
      <Text style={styles.meta}>{mail.intro}</Text>
      {mail.entries.map((entry) => (
        <Section key={entry.webUrl}>
          <Text style={{ ...styles.meta, margin: '16px 0 4px' }}>{meta(entry)}</Text>
          <Text style={{ ...styles.body_, fontWeight: 600, margin: 0 }}>
            <Link href={entry.webUrl} style={styles.link}>
              {entry.title}
            </Link>
          </Text>
          {entry.summary ? <Text style={{ ...styles.body_, margin: '4px 0' }}>{entry.summary}</Text> : null}
        </Section>
      ))}
      <Hr />
      <Text style={styles.footer}>
        {t(locale, 'digest.footer')}{' '}
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
    mail.intro,
    ...mail.entries.map((e) => [meta(e), e.title, e.summary, e.webUrl].filter(Boolean).join('\n')),
    '---',
    t(locale, 'digest.footer'),
    `${t(locale, 'mail.preferences')}: {{preferencesUrl}}`,
    `${t(locale, 'mail.unsubscribe')}: {{unsubscribeUrl}}`,
  ].join('\n\n')
  return {
    from: mail.from,
    subject: mail.subject,
    html,
    text,
    headers: {
      // RFC 8058, as the publication e-mails: one-click unsubscribe.
      'List-Unsubscribe': '<{{unsubscribeUrl}}>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  }
}
