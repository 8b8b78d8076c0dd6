import { type Locale, localeInfo } from '@pressroom/shared'
import type { CollectionSlug, DocumentViewServerProps } from 'payload'
import { type AdminKey, adminT } from '../i18n/admin/adminT.ts'
import { type LanguageVersion, readBothLanguages } from '../translations/bothLanguages.ts'

type T = (key: AdminKey<'sideBySide'>, vars?: Record<string, unknown>) => string

const label = { fontWeight: 600, margin: '1rem 0 0.25rem', color: 'var(--theme-elevation-600)' }

function Language({
  version,
  t,
  when,
  editHref,
}: {
  version: LanguageVersion
  t: T
  when: (value: string | null) => string
  editHref: string
}) {
  const { locale } = version
  const written = Boolean(version.title || version.summary || version.bodyHtml)
  return (
    <section data-locale={locale} style={{ flex: '1 1 22rem', minWidth: 0 }}>
      <h2>{t(`language:${locale}`)}</h2>
      <p>
        {t('state')}:{' '}
        <strong data-state={version.state ?? ''}>
          {version.state ? t(`states:${version.state}`) : t('stateNone')}
        </strong>
        <br />
        {t('textChanged')}: {when(version.textUpdatedAt)}
        <br />
        <a href={editHref}>{t('edit', { language: t(`language:${locale}`) })}</a>
      </p>
      {/* The document's words are in its own language, whatever the admin speaks. */}
      <div lang={localeInfo(locale).hreflang}>
        {written ? (
          <>
            <div style={label}>{t('title')}</div>
            <h3 style={{ margin: 0 }}>{version.title}</h3>
            {version.summary ? (
              <>
                <div style={label}>{t('summary')}</div>
                <p style={{ margin: 0 }}>{version.summary}</p>
              </>
            ) : null}
            {version.place ? (
              <>
                <div style={label}>{t('place')}</div>
                <p style={{ margin: 0 }}>{version.place}</p>
              </>
            ) : null}
            {version.bodyHtml ? (
              <>
                <div style={label}>{t('body')}</div>
                {/* biome-ignore lint/security/noDangerouslySetInnerHtml: safe HTML from @pressroom/shared/richtext (escaped text, vetted links; ADR 0007) */}
                <div className="rich-text" dangerouslySetInnerHTML={{ __html: version.bodyHtml }} />
              </>
            ) : null}
          </>
        ) : (
          <p>{t('empty')}</p>
        )}
      </div>
    </section>
  )
}

/**
 * The "Both languages" tab of publications and press kits (issue 15, item 6): every language of
 * the latest draft next to each other, read-only, each with its translation state, when its text
 * last changed and a link to edit it.
 */
export async function BothLanguagesView({ initPageResult, doc }: DocumentViewServerProps) {
  const { req, collectionConfig } = initPageResult
  const t: T = adminT(req.i18n.t, 'sideBySide')
  const id = initPageResult.docID ?? (doc?.id as number | string | undefined)
  const slug = collectionConfig?.slug as CollectionSlug | undefined
  const both =
    slug && id !== undefined
      ? await readBothLanguages({ payload: req.payload, user: req.user, collection: slug, id })
      : null
  if (!slug || !both) {
    return (
      <div className="gutter gutter--left gutter--right">
        <p role="alert">{t('notFound')}</p>
      </div>
    )
  }
  const admin = req.payload.config.routes.admin
  const when = (value: string | null) =>
    value
      ? // With the zone named: the server's clock zone is nobody's in particular.
        new Date(value).toLocaleString(req.i18n.language, {
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
          timeZone: 'UTC',
          timeZoneName: 'short',
        })
      : t('never')
  const editHref = (locale: Locale) => `${admin}/collections/${slug}/${id}?locale=${locale}`
  return (
    <div className="gutter gutter--left gutter--right">
      <h1 style={{ marginTop: '1rem' }}>{t('heading')}</h1>
      <p>{t('intro')}</p>
      <p data-status={both.status}>
        <strong>{t(both.status)}</strong>
      </p>
      <div data-side-by-side style={{ display: 'flex', flexWrap: 'wrap', gap: '2rem', alignItems: 'flex-start' }}>
        {both.versions.map((version) => (
          <Language key={version.locale} version={version} t={t} when={when} editHref={editHref(version.locale)} />
        ))}
      </div>
    </div>
  )
}
