/** @jsxRuntime automatic @jsxImportSource react */
import type { Locale } from '@pressroom/shared'
import { Heading, Link, Section, Text } from '@react-email/components'
import { t } from '../../i18n/reader/index.ts'
import { emailStyles as styles } from '../../mail/layout.tsx'
import type { PublicationExtras } from './publicationExtras.ts'

/**
 * The extras of a publication e-mail (publicationExtras.ts) as a React Email section and as plain
 * text, for every e-mail that announces a publication (the single one, bilingual ones, digests).
 * Links only, and only to the public site: no image is embedded (docs/adr/0047).
 */
const h2 = { fontSize: '16px', margin: '20px 0 6px' }
const small = { ...styles.body_, fontSize: '14px', margin: '0 0 6px' }

export function PublicationExtrasBlock({ locale, extras }: { locale: Locale; extras: PublicationExtras }) {
  const downloads = extras.pdfUrl || extras.pressKits.length > 0
  return (
    <Section>
      {extras.citeUrl ? (
        <Text style={small}>
          {t(locale, 'mail.extras.citeAs')}:{' '}
          <Link href={extras.citeUrl} style={styles.link}>
            {extras.citeUrl}
          </Link>
        </Text>
      ) : null}
      {downloads ? (
        <>
          <Heading as="h2" style={h2}>
            {t(locale, 'mail.extras.downloads')}
          </Heading>
          {extras.pdfUrl ? (
            <Text style={small}>
              <Link href={extras.pdfUrl} style={styles.link}>
                {t(locale, 'mail.extras.pdf')}
              </Link>
            </Text>
          ) : null}
          {extras.pressKits.map((kit) => (
            <Text key={kit.pageUrl} style={small}>
              <Link href={kit.pageUrl} style={styles.link}>
                {t(locale, 'mail.extras.pressKit', { title: kit.title })}
              </Link>{' '}
              (
              <Link href={kit.zipUrl} style={styles.link}>
                {t(locale, 'mail.extras.pressKitZip')}
              </Link>
              )
            </Text>
          ))}
        </>
      ) : null}
      {extras.images.length > 0 ? (
        <>
          <Heading as="h2" style={h2}>
            {t(locale, 'mail.extras.images')}
          </Heading>
          {extras.images.map((image) => (
            <Text key={image.url} style={small}>
              <Link href={image.url} style={styles.link}>
                {image.label}
              </Link>
              {image.credit ? ` — ${t(locale, 'mail.extras.credit', { credit: image.credit })}` : ''}
              {image.licence ? ` · ${t(locale, 'mail.extras.licence', { licence: image.licence })}` : ''}
            </Text>
          ))}
        </>
      ) : null}
      {extras.contacts.length > 0 ? (
        <>
          <Heading as="h2" style={h2}>
            {t(locale, 'mail.extras.contacts')}
          </Heading>
          {extras.contacts.map((contact) => (
            <Text key={contact.email} style={small}>
              <strong>{contact.name}</strong>
              {contact.role ? `, ${contact.role}` : ''}
              <br />
              <Link href={`mailto:${contact.email}`} style={styles.link}>
                {contact.email}
              </Link>
              {contact.phone ? (
                <>
                  {' · '}
                  <Link href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`} style={styles.link}>
                    {contact.phone}
                  </Link>
                </>
              ) : null}
            </Text>
          ))}
        </>
      ) : null}
      {extras.notesToEditors.length > 0 ? (
        <>
          <Heading as="h2" style={h2}>
            {t(locale, 'mail.extras.notesToEditors')}
          </Heading>
          {extras.notesToEditors.map((paragraph) => (
            <Text key={paragraph} style={small}>
              {paragraph}
            </Text>
          ))}
        </>
      ) : null}
    </Section>
  )
}

/** The same as plain text, one block per part; empty when there is nothing to add. */
export function publicationExtrasText(locale: Locale, extras: PublicationExtras): string {
  const parts: string[] = []
  if (extras.citeUrl) parts.push(`${t(locale, 'mail.extras.citeAs')}: ${extras.citeUrl}`)
  const downloads = [
    ...(extras.pdfUrl ? [`${t(locale, 'mail.extras.pdf')}: ${extras.pdfUrl}`] : []),
    ...extras.pressKits.map(
      (kit) =>
        `${t(locale, 'mail.extras.pressKit', { title: kit.title })}: ${kit.pageUrl} (${t(locale, 'mail.extras.pressKitZip')}: ${kit.zipUrl})`,
    ),
  ]
  if (downloads.length > 0) parts.push([t(locale, 'mail.extras.downloads'), ...downloads].join('\n'))
  if (extras.images.length > 0) {
    const lines = extras.images.map((image) =>
      [
        `${image.label}: ${image.url}`,
        image.credit ? t(locale, 'mail.extras.credit', { credit: image.credit }) : '',
        image.licence ? t(locale, 'mail.extras.licence', { licence: image.licence }) : '',
      ]
        .filter(Boolean)
        .join(' — '),
    )
    parts.push([t(locale, 'mail.extras.images'), ...lines].join('\n'))
  }
  if (extras.contacts.length > 0) {
    const lines = extras.contacts.map((c) =>
      [c.role ? `${c.name}, ${c.role}` : c.name, c.email, c.phone].filter(Boolean).join(' · '),
    )
    parts.push([t(locale, 'mail.extras.contacts'), ...lines].join('\n'))
  }
  if (extras.notesToEditors.length > 0)
    parts.push([t(locale, 'mail.extras.notesToEditors'), ...extras.notesToEditors].join('\n\n'))
  return parts.join('\n\n')
}
