import type { ChangeNoteKind, DocumentKind } from '../kinds.ts'
import { type Locale, localeInfo, otherLocale } from '../locales.ts'

type Labels = {
  kind: Record<DocumentKind, string>
  referenceNumber: (ref: string) => string
  page: (page: number, pages: number) => string
  to: string
  signatories: string
  changes: string
  changeKind: Record<ChangeNoteKind, string>
  online: string
  fallback: (textLocale: Locale) => string
  languageName: Record<Locale, string>
}

const labels: Record<Locale, Labels> = {
  en: {
    kind: { statement: 'Statement', notice: 'Notice', pressRelease: 'Press release' },
    referenceNumber: (ref) => `Ref. ${ref}`,
    page: (page, pages) => `Page ${page} of ${pages}`,
    to: 'To',
    signatories: 'Signed by',
    changes: 'Changes to this document',
    changeKind: { correction: 'Correction', update: 'Update' },
    online: 'Online edition',
    fallback: (textLocale) =>
      `This document has not yet been translated into English. The text below is the ${labels.en.languageName[textLocale]} original.`,
    languageName: { en: 'English', ru: 'Russian' },
  },
  ru: {
    kind: { statement: 'Заявление', notice: 'Уведомление', pressRelease: 'Пресс-релиз' },
    referenceNumber: (ref) => `№ ${ref}`,
    page: (page, pages) => `Страница ${page} из ${pages}`,
    to: 'Кому',
    signatories: 'Подписали',
    changes: 'Изменения в документе',
    changeKind: { correction: 'Исправление', update: 'Обновление' },
    online: 'Электронная версия',
    fallback: (textLocale) =>
      `Этот документ ещё не переведён на русский язык. Ниже приведён текст оригинала на ${textLocale === 'en' ? 'английском' : 'русском'} языке.`,
    languageName: { en: 'английский', ru: 'русский' },
  },
}

export function editionLabels(locale: Locale): Labels {
  return labels[locale]
}

/** The text of a fallback edition is in the other working language. */
export function fallbackNotice(locale: Locale): string {
  return labels[locale].fallback(otherLocale(locale))
}

/**
 * A date as printed in a date line: "11 September 2021", «11 сентября 2021 г.». Read in UTC,
 * so a date picked as a day in the CMS prints as that day on any build machine.
 */
export function formatEditionDate(iso: string, locale: Locale): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) throw new Error(`"${iso}" is not an ISO date`)
  return new Intl.DateTimeFormat(localeInfo(locale).dateLocale, {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}

export function dateLine(place: string | null | undefined, iso: string, locale: Locale): string {
  const date = formatEditionDate(iso, locale)
  return place?.trim() ? `${place.trim()}, ${date}` : date
}
