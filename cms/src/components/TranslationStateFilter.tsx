import { localeCodes, translationStates } from '@pressroom/shared'
import type { BeforeListTableServerProps } from 'payload'
import { adminT } from '../i18n/admin/adminT.ts'
import {
  parseTranslationFilter,
  type TranslationFilter,
  translationFilterValue,
  translationParam,
} from '../translations/stateFilter.ts'

/** The list's own URL with the translation choice set (or removed), keeping search, filters and columns. */
function listHref(searchParams: BeforeListTableServerProps['searchParams'], filter: TranslationFilter | null): string {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(searchParams ?? {})) {
    if (key === translationParam || key === 'page' || value === undefined) continue
    for (const one of Array.isArray(value) ? value : [value]) query.append(key, one)
  }
  if (filter) query.set(translationParam, translationFilterValue(filter))
  const search = query.toString()
  return search ? `?${search}` : '?'
}

/**
 * Above the publication lists: one link per language and translation state ("Russian: outdated"),
 * whatever language the admin shows. The list applies the choice through `translationListFilter`
 * (src/translations/stateFilter.ts), together with the staff member's own filters.
 */
export function TranslationStateFilter({ i18n, searchParams }: BeforeListTableServerProps) {
  const t = adminT(i18n.t, 'sideBySide')
  const active = parseTranslationFilter(searchParams?.[translationParam])
  const link = { marginRight: '0.75rem', whiteSpace: 'nowrap' as const }
  return (
    <nav data-translation-filter style={{ margin: '0 0 1rem' }} aria-label={t('filter')}>
      <div style={{ fontWeight: 600 }}>{t('filter')}</div>
      {localeCodes.map((locale) => (
        <div key={locale} data-locale={locale}>
          <span style={{ display: 'inline-block', minWidth: '7rem' }}>{t(`language:${locale}`)}:</span>
          {translationStates.map((state) => {
            const current = active?.locale === locale && active.state === state
            return (
              <a
                key={state}
                href={listHref(searchParams, { locale, state })}
                aria-current={current ? 'true' : undefined}
                style={{ ...link, fontWeight: current ? 700 : undefined }}
              >
                {t(`states:${state}`)}
              </a>
            )
          })}
        </div>
      ))}
      {active ? (
        <p role="status">
          {t('filtered', { language: t(`language:${active.locale}`), state: t(`states:${active.state}`) })}{' '}
          <a href={listHref(searchParams, null)}>{t('showAll')}</a>
        </p>
      ) : null}
    </nav>
  )
}
