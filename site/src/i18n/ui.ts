import {
  type DocumentKind,
  documentKinds,
  type KindWords,
  kindWord,
  kindWordInSentence,
  type Locale,
  type TranslationState,
} from '@pressroom/shared'

/** Each kind's name in one language, from shared/src/kinds.ts, the one place kinds are named. */
function kindNames(locale: Locale, number: keyof KindWords): Record<DocumentKind, string> {
  return Object.fromEntries(documentKinds.map(({ kind }) => [kind, kindWord(kind, locale, number)])) as Record<
    DocumentKind,
    string
  >
}

/** Every word the site itself prints, in each working language. */
export const ui = {
  en: {
    siteName: 'Press room',
    initiative: 'Bring them home alive',
    skipToContent: 'Skip to content',
    mainNav: 'Main',
    home: 'Home',
    kinds: kindNames('en', 'plural'),
    kindSingular: kindNames('en', 'singular'),
    latest: 'Latest',
    allOfKind: (kind: DocumentKind) => `All ${kindWordInSentence(kind, 'en', 'plural')}`,
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
    embargoUntil: 'Embargo until',
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
    previewBanner: 'Preview — not published',
    previewExplained: 'A draft as readers will see it once published. This link expires and is not indexed.',
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
    searchLabel: 'Search the press room',
    // The search's filter names: each language's index names its filters with these words,
    // since Pagefind's UI shows a filter's key as its name.
    searchFilters: { kind: 'Kind', topic: 'Topic', year: 'Year' },
    // Pagefind's count lines, given to it as translations: its own Russian ones have a single
    // plural form ("1 результатов"), so each language says them in a form right for any number.
    searchCounts: {
      zero_results: 'No results for [SEARCH_TERM]',
      one_result: '[COUNT] result for [SEARCH_TERM]',
      many_results: '[COUNT] results for [SEARCH_TERM]',
    },
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
    downloads: 'Downloads',
    pdfEdition: 'PDF edition',
    pdfEditionIn: (language: string) => `PDF edition in ${language}`,
    pressKitZip: 'Press kit (ZIP)',
    pressKitZipIn: (language: string) => `Press kit in ${language} (ZIP)`,
    pressKitZipContents:
      'Each ZIP holds the original and web-sized images with a manifest of captions, credits and licences, a fact sheet, the PDF editions of the documents in that language, the document files and the press contacts’ vCards.',
    fallbackEditionNotice: (other: string) =>
      `This document has no English version yet: its PDF edition is in ${other}.`,
    kitMissingEditions: (n: number) =>
      `${n === 1 ? 'One document' : `${n} documents`} of this kit ${n === 1 ? 'has' : 'have'} no English version yet and ${n === 1 ? 'is' : 'are'} only in the other language’s ZIP.`,
    sha256: 'SHA-256',
    verifyLink: 'How to verify a download',
    checksumsLink: 'Checksums of all English files (checksums.txt)',
    checksumsOf: (language: string) => `checksums of the files in ${language}`,
    vcard: 'vCard',
    vcardOf: (name: string) => `: add ${name} to your address book`,
    verify: {
      title: 'Verify a document',
      description: 'How to check that a PDF edition or press kit is exactly the file the press room published.',
      intro:
        'Every PDF edition and press-kit ZIP on this site is shown with its SHA-256 checksum, on its own page and in a list per language. If the checksum of the file you have matches, the file is exactly the one we published: not altered and not damaged on the way.',
      listTitle: 'The checksum lists',
      listText:
        'Each list has one line per file: the checksum, two spaces and the file’s name (the format of GNU sha256sum). The names are relative to the list itself: every file is published in the same folder as its list, under the name your browser saves it with.',
      listEnglish: 'English files:',
      listRussian: 'Russian files:',
      oneFile: 'Check one file',
      allFiles: 'Check every downloaded file at once',
      allFilesText: 'Save checksums.txt in the folder that holds the downloaded files, open a terminal there and run:',
      linux: 'Linux',
      mac: 'macOS',
      powershell: 'Windows (PowerShell)',
      powershellText: 'PowerShell shows the checksum in capital letters; the comparison ignores case.',
      certutil: 'Windows (Command Prompt)',
      compare: 'Compare the 64 characters printed with the checksum on the document’s page or in the list.',
      mismatchTitle: 'If the checksums differ',
      mismatchText:
        'Download the file again from this site. If it still differs, do not rely on it and tell the press office.',
      trustText:
        'A checksum proves a file is the one listed on the page you read it from: check it against this site, not against a copy. A corrected document gets a new PDF edition and a new checksum; the change is listed on its page.',
    },
    // The hand-written policy pages (privacy notice, accessibility, embargo policy) and the print edition of a page.
    policies: {
      privacy: 'Privacy notice',
      accessibility: 'Accessibility',
      embargo: 'Embargo policy',
      privacyVersion: (version: string) => `Version ${version}`,
      beforeSubscribing: 'What we keep about subscribers, for how long, and how to get it or erase it:',
      permanentLink: 'Permanent link',
    },
  },
  ru: {
    siteName: 'Пресс-центр',
    initiative: 'Вернём их домой живыми',
    skipToContent: 'Перейти к содержанию',
    mainNav: 'Основное меню',
    home: 'Главная',
    kinds: kindNames('ru', 'plural'),
    kindSingular: kindNames('ru', 'singular'),
    latest: 'Последние',
    allOfKind: (kind: DocumentKind) => `Все ${kindWordInSentence(kind, 'ru', 'plural')}`,
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
    embargoUntil: 'Эмбарго до',
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
    previewBanner: 'Предпросмотр — не опубликовано',
    previewExplained:
      'Черновик в том виде, в каком его увидят читатели после публикации. Ссылка временная и не индексируется.',
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
    searchLabel: 'Поиск по пресс-центру',
    searchFilters: { kind: 'Вид', topic: 'Тема', year: 'Год' },
    searchCounts: {
      zero_results: 'По запросу «[SEARCH_TERM]» ничего не найдено',
      one_result: 'Найдено: [COUNT] — по запросу «[SEARCH_TERM]»',
      many_results: 'Найдено: [COUNT] — по запросу «[SEARCH_TERM]»',
    },
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
    downloads: 'Файлы для скачивания',
    pdfEdition: 'PDF-версия',
    pdfEditionIn: (language: string) => `PDF-версия на ${language} языке`,
    pressKitZip: 'Пресс-кит (ZIP)',
    pressKitZipIn: (language: string) => `Пресс-кит на ${language} языке (ZIP)`,
    pressKitZipContents:
      'В каждом архиве — оригиналы изображений и их версии для веба с описью подписей, авторов и лицензий, справка о пресс-ките, PDF-версии документов на этом языке, файлы документов и визитки контактов для прессы.',
    fallbackEditionNotice: (other: string) =>
      `У этого документа ещё нет русской версии: его PDF-версия — на ${other} языке.`,
    kitMissingEditions: (n: number) =>
      `Документов пресс-кита без русской версии: ${n}. Они есть только в архиве на другом языке.`,
    sha256: 'SHA-256',
    verifyLink: 'Как проверить скачанный файл',
    checksumsLink: 'Контрольные суммы всех русских файлов (checksums.txt)',
    checksumsOf: (language: string) => `контрольные суммы файлов на ${language} языке`,
    vcard: 'vCard',
    vcardOf: (name: string) => `: добавить контакт «${name}» в адресную книгу`,
    verify: {
      title: 'Проверка документа',
      description:
        'Как убедиться, что PDF-версия или пресс-кит — в точности тот файл, который опубликовал пресс-центр.',
      intro:
        'У каждой PDF-версии и каждого архива пресс-кита на этом сайте указана контрольная сумма SHA-256 — на странице файла и в списке для каждого языка. Если контрольная сумма вашего файла совпадает, это в точности опубликованный нами файл: он не изменён и не повреждён при передаче.',
      listTitle: 'Списки контрольных сумм',
      listText:
        'В списке по строке на файл: контрольная сумма, два пробела и имя файла (формат GNU sha256sum). Имена указаны относительно самого списка: каждый файл опубликован в той же папке, что и список, под тем именем, с которым его сохраняет браузер.',
      listEnglish: 'Файлы на английском:',
      listRussian: 'Файлы на русском:',
      oneFile: 'Проверить один файл',
      allFiles: 'Проверить все скачанные файлы сразу',
      allFilesText: 'Сохраните checksums.txt в папку со скачанными файлами, откройте в ней терминал и выполните:',
      linux: 'Linux',
      mac: 'macOS',
      powershell: 'Windows (PowerShell)',
      powershellText: 'PowerShell выводит контрольную сумму заглавными буквами; регистр при сравнении не важен.',
      certutil: 'Windows (командная строка)',
      compare: 'Сравните выведенные 64 символа с контрольной суммой на странице документа или в списке.',
      mismatchTitle: 'Если суммы не совпадают',
      mismatchText:
        'Скачайте файл с этого сайта ещё раз. Если сумма снова не совпадает, не полагайтесь на файл и сообщите пресс-службе.',
      trustText:
        'Контрольная сумма доказывает, что файл совпадает с указанным на той странице, где вы её прочли: сверяйте с этим сайтом, а не с копией. У исправленного документа новая PDF-версия и новая контрольная сумма; изменение указано на его странице.',
    },
    policies: {
      privacy: 'Политика конфиденциальности',
      accessibility: 'Доступность',
      embargo: 'Правила эмбарго',
      privacyVersion: (version: string) => `Редакция ${version}`,
      beforeSubscribing: 'Что мы храним о подписчиках, как долго и как получить или удалить эти данные:',
      permanentLink: 'Постоянная ссылка',
    },
  },
} satisfies Record<Locale, unknown>

export type Ui = (typeof ui)['en']

export function t(locale: Locale): Ui {
  return ui[locale] as Ui
}
