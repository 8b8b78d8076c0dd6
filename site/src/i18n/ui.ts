import type { DocumentKind, Locale, TranslationState } from '@pressroom/shared'

/** Every word the site itself prints, in each working language. */
export const ui = {
  en: {
    siteName: 'Press room',
    initiative: 'Bring them home alive',
    skipToContent: 'Skip to content',
    mainNav: 'Main',
    home: 'Home',
    kinds: { statement: 'Statements', notice: 'Notices', pressRelease: 'Press releases' },
    kindSingular: { statement: 'Statement', notice: 'Notice', pressRelease: 'Press release' },
    latest: 'Latest',
    allOfKind: (kind: string) => `All ${kind.toLowerCase()}`,
    archive: 'Archive',
    archiveByYear: 'Archive by year',
    yearTitle: (year: string) => `Published in ${year}`,
    documentsCount: (n: number) => `${n} ${n === 1 ? 'document' : 'documents'}`,
    topics: 'Topics',
    topicTitle: (topic: string) => `Topic: ${topic}`,
    pressKits: 'Press kits',
    contacts: 'Press contacts',
    search: 'Search',
    about: 'About',
    subscribe: 'Subscribe',
    feeds: 'Feeds',
    languageChooser: 'Language',
    alsoIn: 'Also in',
    referenceNumber: 'Reference',
    published: 'Published',
    updated: 'Updated',
    signatories: 'Signed',
    addressees: 'To',
    media: 'Images',
    attachments: 'Attachments',
    changeNotes: 'Changes to this document',
    changeKind: { correction: 'Correction', update: 'Update' },
    credit: 'Credit',
    licence: 'Licence',
    download: 'Download',
    noDocuments: 'Nothing has been published here yet.',
    fallbackNotice: (other: string) =>
      `This document has not been translated into English yet. The ${other} original is shown below.`,
    partialNotice: 'This translation is partial; the original may contain more.',
    outdatedNotice: (other: string, date: string) =>
      `The ${other} version was updated on ${date}; this translation may not reflect the changes yet.`,
    otherLanguageName: { en: 'English', ru: 'Russian' } as Record<Locale, string>,
    translationState: {
      complete: 'Complete',
      partial: 'Partial translation',
      outdated: 'Translation outdated',
      missing: 'Not translated',
    } satisfies Record<TranslationState, string>,
    pagination: 'Pages',
    previous: 'Newer',
    next: 'Older',
    pageOf: (page: number, total: number) => `Page ${page} of ${total}`,
    inLanguage: (language: string) => `(in ${language})`,
    searchIntro: 'Search statements, notices and press releases in English.',
    searchNoScript:
      'Search needs JavaScript. Without it, browse the archive by year or by topic, or the lists of each kind.',
    rssFeed: (what: string) => `RSS: ${what}`,
    allPublications: 'All publications',
    jsonFeed: 'JSON Feed',
    subscribeIntro:
      'Receive every publication by e-mail, in English, Russian or both. You will be asked to confirm your address.',
    email: 'E-mail address',
    languages: 'Languages',
    kindsOptional: 'Kinds (none chosen: all)',
    topicsOptional: 'Topics (none chosen: all)',
    honeypot: 'Leave this field empty',
    subscribeButton: 'Subscribe',
    feedsIntro: 'Or follow a feed in your reader:',
    notFoundTitle: 'Page not found',
    notFoundText: 'There is no page at this address. It may have moved, or the link may be mistyped.',
    contactsIntro: 'For interviews, comments and accreditation, contact:',
    languagesSpoken: 'Languages',
    kitContents: 'In this press kit',
    relatedDocuments: 'Documents',
    topicsOf: 'Topics',
    chooseLanguage: 'Choose a language',
  },
  ru: {
    siteName: 'Пресс-центр',
    initiative: 'Вернём их домой живыми',
    skipToContent: 'Перейти к содержанию',
    mainNav: 'Основное меню',
    home: 'Главная',
    kinds: { statement: 'Заявления', notice: 'Уведомления', pressRelease: 'Пресс-релизы' },
    kindSingular: { statement: 'Заявление', notice: 'Уведомление', pressRelease: 'Пресс-релиз' },
    latest: 'Последние',
    allOfKind: (kind: string) => `Все ${kind.toLowerCase()}`,
    archive: 'Архив',
    archiveByYear: 'Архив по годам',
    yearTitle: (year: string) => `Опубликовано в ${year} году`,
    documentsCount: (n: number) => {
      const mod10 = n % 10
      const mod100 = n % 100
      const word =
        mod10 === 1 && mod100 !== 11
          ? 'документ'
          : mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)
            ? 'документа'
            : 'документов'
      return `${n} ${word}`
    },
    topics: 'Темы',
    topicTitle: (topic: string) => `Тема: ${topic}`,
    pressKits: 'Пресс-киты',
    contacts: 'Контакты для прессы',
    search: 'Поиск',
    about: 'Об инициативе',
    subscribe: 'Подписка',
    feeds: 'Ленты',
    languageChooser: 'Язык',
    alsoIn: 'Также на языке',
    referenceNumber: 'Рег. номер',
    published: 'Опубликовано',
    updated: 'Обновлено',
    signatories: 'Подписали',
    addressees: 'Адресаты',
    media: 'Изображения',
    attachments: 'Приложения',
    changeNotes: 'Изменения в документе',
    changeKind: { correction: 'Исправление', update: 'Обновление' },
    credit: 'Автор',
    licence: 'Лицензия',
    download: 'Скачать',
    noDocuments: 'Здесь пока ничего не опубликовано.',
    fallbackNotice: (other: string) =>
      `Этот документ ещё не переведён на русский язык. Ниже приведён оригинал на ${other} языке.`,
    partialNotice: 'Перевод неполный: в оригинале может быть больше текста.',
    outdatedNotice: (other: string, date: string) =>
      `Версия на ${other} языке обновлена ${date}; перевод может ещё не отражать изменений.`,
    otherLanguageName: { en: 'английском', ru: 'русском' } as Record<Locale, string>,
    translationState: {
      complete: 'Полный',
      partial: 'Частичный перевод',
      outdated: 'Перевод устарел',
      missing: 'Не переведён',
    } satisfies Record<TranslationState, string>,
    pagination: 'Страницы',
    previous: 'Новее',
    next: 'Старше',
    pageOf: (page: number, total: number) => `Страница ${page} из ${total}`,
    inLanguage: (language: string) => `(на ${language} языке)`,
    searchIntro: 'Поиск по заявлениям, уведомлениям и пресс-релизам на русском языке.',
    searchNoScript:
      'Для поиска нужен JavaScript. Без него можно просматривать архив по годам и темам или списки документов каждого вида.',
    rssFeed: (what: string) => `RSS: ${what}`,
    allPublications: 'Все публикации',
    jsonFeed: 'JSON Feed',
    subscribeIntro:
      'Получайте каждую публикацию по электронной почте — на русском, английском или на обоих языках. Мы попросим подтвердить адрес.',
    email: 'Адрес электронной почты',
    languages: 'Языки',
    kindsOptional: 'Виды документов (если ничего не выбрано — все)',
    topicsOptional: 'Темы (если ничего не выбрано — все)',
    honeypot: 'Оставьте это поле пустым',
    subscribeButton: 'Подписаться',
    feedsIntro: 'Или подпишитесь на ленту в своей программе чтения:',
    notFoundTitle: 'Страница не найдена',
    notFoundText: 'По этому адресу ничего нет. Возможно, страница перемещена или в ссылке опечатка.',
    contactsIntro: 'По вопросам интервью, комментариев и аккредитации обращайтесь:',
    languagesSpoken: 'Языки',
    kitContents: 'Состав пресс-кита',
    relatedDocuments: 'Документы',
    topicsOf: 'Темы',
    chooseLanguage: 'Выберите язык',
  },
} satisfies Record<Locale, unknown>

export type Ui = (typeof ui)['en']

export function t(locale: Locale): Ui {
  return ui[locale] as Ui
}

export function kindLabel(locale: Locale, kind: DocumentKind): string {
  return t(locale).kinds[kind]
}
