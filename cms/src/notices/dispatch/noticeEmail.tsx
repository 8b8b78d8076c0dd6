/** @jsxRuntime automatic @jsxImportSource react */
import type { Locale } from '@pressroom/shared'
import { Heading, Hr, Link, Section, Text } from '@react-email/components'
import { render } from '@react-email/render'
import type { MessageTemplate } from '../../mail/index.ts'
import { EmailLayout, emailStyles as styles } from '../../mail/layout.tsx'

/**
 * The e-mail that carries a notice to an institution: formal and sober, in the recipient's
 * language, with the notice's text, its PDF edition attached and the "acknowledge receipt" link.
 * One template per notice and language; the delivery core fills in per recipient
 * `{{recipientName}}` / `{{acknowledgementLink}}` (HTML-escaped in the HTML part, see
 * mail/message.ts), so a dispatch renders React Email once per language.
 */
const words = {
  en: {
    notice: 'Notice',
    subjectNotice: 'notice',
    reference: 'Reference number',
    to: 'To',
    addressees: 'Addressed to',
    fallback: (other: string) =>
      `This notice has not been issued in English. The ${other} original follows and is attached.`,
    ackTitle: 'Acknowledgement of receipt',
    ackIntro:
      'Please acknowledge receipt of this notice. The link opens a page with a button; receipt is recorded only when the button is pressed.',
    ackAction: 'Acknowledge receipt',
    attached: 'The PDF edition of the notice is attached:',
    web: 'Published version on the web',
    footer: (org: string) =>
      `${org} sent this notice by e-mail as part of its formal correspondence. To reply, answer this e-mail.`,
  },
  ru: {
    notice: 'Уведомление',
    subjectNotice: 'уведомление',
    reference: 'Регистрационный номер',
    to: 'Кому',
    addressees: 'Адресаты',
    fallback: (other: string) =>
      `Это уведомление не выпускалось на русском языке. Ниже и во вложении — оригинал на ${other} языке.`,
    ackTitle: 'Подтверждение получения',
    ackIntro:
      'Просим подтвердить получение этого уведомления. Ссылка открывает страницу с кнопкой; получение записывается только после нажатия кнопки.',
    ackAction: 'Подтвердить получение',
    attached: 'PDF-версия уведомления приложена к письму:',
    web: 'Опубликованная версия на сайте',
    footer: (org: string) =>
      `${org} направляет это уведомление по электронной почте в рамках официальной переписки. Чтобы ответить, ответьте на это письмо.`,
  },
} as const satisfies Record<Locale, unknown>

/** The other language's name, as used in the fallback sentence ("The Russian original…" / «на английском языке»). */
const languageName: Record<Locale, Record<Locale, string>> = {
  en: { en: 'English', ru: 'Russian' },
  ru: { en: 'английском', ru: 'русском' },
}

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
  return `${mail.org}: ${words[mail.locale].subjectNotice} ${mail.referenceNumber} — ${mail.title}`
}

/** The message template (without attachments) for one notice in one recipient language. */
export async function noticeEmailTemplate(mail: NoticeMail): Promise<MessageTemplate> {
  const w = words[mail.locale]
  const fallback = mail.textLocale !== mail.locale ? w.fallback(languageName[mail.locale][mail.textLocale]) : null
  const subject = noticeSubject(mail)
  const meta = `${w.notice} · ${w.reference} ${mail.referenceNumber}`
  const html = await render(
    <EmailLayout locale={mail.locale} org={mail.org} preview={`${meta}. ${mail.title}`}>
      <Text style={styles.meta}>{meta}</Text>
      <Text style={styles.body_}>
        {w.to}: {'{{recipientName}}'}
      </Text>
      {fallback ? (
        <Text style={{ ...styles.body_, fontStyle: 'italic' }}>
          <strong>{fallback}</strong>
        </Text>
      ) : null}
      <Section lang={mail.textLocale}>
        <Heading style={styles.h1}>{mail.title}</Heading>
        <Text style={styles.meta}>{mail.dateline}</Text>
        {mail.addressees.length > 0 ? (
          <Text style={styles.meta}>
            {words[mail.textLocale].addressees}: {mail.addressees.join('; ')}
          </Text>
        ) : null}
        {mail.summary ? <Text style={{ ...styles.body_, fontWeight: 600 }}>{mail.summary}</Text> : null}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: safe HTML from @pressroom/shared/richtext (escaped text, vetted links) */}
        <div style={styles.body_} dangerouslySetInnerHTML={{ __html: mail.bodyHtml }} />
        {mail.formalClosing ? <Text style={styles.body_}>{mail.formalClosing}</Text> : null}
      </Section>
      <Hr />
      <Heading as="h2" style={{ ...styles.h1, fontSize: '18px' }}>
        {w.ackTitle}
      </Heading>
      <Text style={styles.body_}>{w.ackIntro}</Text>
      <Text style={styles.body_}>
        <Link href="{{acknowledgementLink}}" style={{ ...styles.link, fontWeight: 600 }}>
          {w.ackAction}
        </Link>
      </Text>
      <Text style={styles.body_}>
        {w.attached} {mail.attachmentName}
      </Text>
      <Text style={styles.body_}>
        <Link href={mail.webUrl} style={styles.link}>
          {w.web}
        </Link>
      </Text>
      <Hr />
      <Text style={styles.footer}>{w.footer(mail.org)}</Text>
    </EmailLayout>,
  )
  const text = [
    meta,
    `${w.to}: {{recipientName}}`,
    fallback ?? '',
    mail.title,
    mail.dateline,
    mail.addressees.length > 0 ? `${words[mail.textLocale].addressees}: ${mail.addressees.join('; ')}` : '',
    mail.summary ?? '',
    mail.bodyText,
    mail.formalClosing ?? '',
    '---',
    `${w.ackTitle}. ${w.ackIntro}`,
    `${w.ackAction}: {{acknowledgementLink}}`,
    `${w.attached} ${mail.attachmentName}`,
    `${w.web}: ${mail.webUrl}`,
    '---',
    w.footer(mail.org),
  ]
    .filter(Boolean)
    .join('\n\n')
  return { from: mail.from, subject, html, text }
}
