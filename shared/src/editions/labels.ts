import { formatDateInZone, type TimeZone } from '../dates.ts'
import { type ChangeNoteKind, type DocumentKind, documentKinds, kindWord } from '../kinds.ts'
import { type Locale, otherLocale } from '../locales.ts'

type Labels = {
  kind: Record<DocumentKind, string>
  referenceNumber: (ref: string) => string
  page: (page: number, pages: number) => string
  to: string
  signatories: string
  changes: string
  changeKind: Record<ChangeNoteKind, string>
  online: string
  citeAs: string
  fallback: (textLocale: Locale) => string
  languageName: Record<Locale, string>
}

/** The kind printed above a document ("STATEMENT · Ref. …") and in a kit's list: one document, so singular. */
function kindHeadings(locale: Locale): Record<DocumentKind, string> {
  return Object.fromEntries(documentKinds.map(({ kind }) => [kind, kindWord(kind, locale, 'singular')])) as Record<
    DocumentKind,
    string
  >
}

const labels: Record<Locale, Labels> = {
  en: {
    kind: kindHeadings('en'),
    referenceNumber: (ref) => `Ref. ${ref}`,
    page: (page, pages) => `Page ${page} of ${pages}`,
    to: 'To',
    signatories: 'Signed by',
    changes: 'Changes to this document',
    changeKind: { correction: 'Correction', update: 'Update' },
    online: 'Online edition',
    citeAs: 'Cite as',
    fallback: (textLocale) =>
      `This document has not yet been translated into English. The text below is the ${labels.en.languageName[textLocale]} original.`,
    languageName: { en: 'English', ru: 'Russian' },
  },
  ru: {
    kind: kindHeadings('ru'),
    referenceNumber: (ref) => `№ ${ref}`,
    page: (page, pages) => `Страница ${page} из ${pages}`,
    to: 'Кому',
    signatories: 'Подписали',
    changes: 'Изменения в документе',
    changeKind: { correction: 'Исправление', update: 'Обновление' },
    online: 'Электронная версия',
    citeAs: 'Ссылка для цитирования',
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
 * A date as printed in a date line: "11 September 2021", «11 сентября 2021 г.». The calendar
 * day is the one in the document's zone (a release at 01:00 Moscow time on 6 March is dated
 * 6 March); without a zone, UTC's (shared/src/dates.ts).
 */
export function formatEditionDate(iso: string, locale: Locale, zone: TimeZone = 'UTC'): string {
  if (Number.isNaN(new Date(iso).getTime())) throw new Error(`"${iso}" is not an ISO date`)
  return formatDateInZone(iso, locale, zone)
}

export function dateLine(place: string | null | undefined, iso: string, locale: Locale, zone?: TimeZone): string {
  const date = formatEditionDate(iso, locale, zone)
  return place?.trim() ? `${place.trim()}, ${date}` : date
}

type KitLabels = {
  pressKit: string
  documents: string
  images: string
  files: string
  contacts: string
  credit: string
  licence: string
  online: string
  none: string
  readme: (kit: { title: string; url: string }) => string
}

const kitLabels: Record<Locale, KitLabels> = {
  en: {
    pressKit: 'Press kit',
    documents: 'Documents in this kit',
    images: 'Images',
    files: 'Document files',
    contacts: 'Press contacts',
    credit: 'Credit',
    licence: 'Licence',
    online: 'Online',
    none: 'not stated',
    readme: ({ title, url }) =>
      [
        `Press kit: ${title}`,
        `Online: ${url}`,
        '',
        'What is in this folder',
        '- fact-sheet.pdf: the kit in brief, with its documents, images and press contacts.',
        '- documents/: the PDF editions of the kit’s documents in this language.',
        '- images/original/: the images as uploaded, at full resolution.',
        '- images/web/: web-sized versions of the same images (JPEG and WebP).',
        '- files/: other document files of the kit.',
        '- contacts/: press contacts as vCards (.vcf).',
        '- manifest.csv and manifest.json: every file with its size and SHA-256, and each image’s caption, credit and licence.',
        '',
        'Publish each image with its credit and within its licence.',
        '',
        'To check that no file was changed or damaged, run in this folder: sha256sum -c checksums.txt',
        '',
      ].join('\n'),
  },
  ru: {
    pressKit: 'Пресс-кит',
    documents: 'Документы пресс-кита',
    images: 'Изображения',
    files: 'Файлы документов',
    contacts: 'Контакты для прессы',
    credit: 'Автор',
    licence: 'Лицензия',
    online: 'На сайте',
    none: 'не указано',
    readme: ({ title, url }) =>
      [
        `Пресс-кит: ${title}`,
        `На сайте: ${url}`,
        '',
        'Что в этой папке',
        '- fact-sheet.pdf — кратко о пресс-ките: документы, изображения, контакты для прессы.',
        '- documents/ — PDF-версии документов пресс-кита на этом языке.',
        '- images/original/ — изображения в исходном виде, в полном разрешении.',
        '- images/web/ — те же изображения в размере для сайта (JPEG и WebP).',
        '- files/ — другие файлы документов пресс-кита.',
        '- contacts/ — контакты для прессы в формате vCard (.vcf).',
        '- manifest.csv и manifest.json — все файлы с размером и SHA-256, подпись, автор и лицензия для каждого изображения.',
        '',
        'Публикуйте изображения с указанием автора и в рамках лицензии.',
        '',
        'Чтобы проверить, что файлы не изменены и не повреждены, выполните в этой папке: sha256sum -c checksums.txt',
        '',
      ].join('\n'),
  },
}

export function pressKitLabels(locale: Locale): KitLabels {
  return kitLabels[locale]
}
