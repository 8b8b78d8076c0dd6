import { kindWordInSentence } from '@pressroom/shared'
import type { en } from './en.ts'

const kinds = (kind: Parameters<typeof kindWordInSentence>[0]) => kindWordInSentence(kind, 'ru', 'plural')

/** The texts of `en.ts` in Russian: a key missing here fails the type check. */
export const ru: Record<keyof typeof en, string> = {
  'subscribe.title': 'Проверьте почту',
  'subscribe.body':
    'Если на этот адрес можно отправить письмо, в нём будет ссылка для подтверждения. До подтверждения мы ничего не отправим. Ссылка действует 7 дней.',
  'error.title': 'Что-то не так',
  'error.back': 'Вернитесь, исправьте и отправьте форму ещё раз.',
  'error.email': 'Введите правильный адрес e-mail, например name@example.org.',
  'error.languages': 'Выберите английский, русский или оба языка.',
  'error.kinds': `Неизвестный вид публикаций: выберите ${kinds('statement')}, ${kinds('notice')} или ${kinds('pressRelease')} (или ничего — все).`,
  'error.topics': 'Неизвестная тема: выберите из списка в форме (или ничего — все).',
  'error.locale': 'Неизвестный язык страницы: используйте en или ru.',
  'error.tooLarge': 'Форма слишком велика.',
  'error.contentType': 'Отправьте форму как application/x-www-form-urlencoded, multipart/form-data или JSON.',
  'error.rate': 'Слишком много запросов из вашей сети. Подождите минуту и попробуйте снова.',
  'error.token':
    'Ссылка недействительна: она неполная, изменена или больше не используется. Скопируйте ссылку целиком из последнего письма или подпишитесь снова.',
  'error.expired': 'Срок действия ссылки истёк. Подпишитесь снова, чтобы получить новую.',
  'confirm.title': 'Подтвердите подписку',
  'confirm.body': 'Нажмите кнопку, чтобы получать публикации по e-mail:',
  'confirm.button': 'Подтвердить подписку',
  'confirmed.title': 'Подписка подтверждена',
  'confirmed.body': 'Новые публикации будут приходить по e-mail. В каждом письме есть ссылка для отписки.',
  'confirm.nothing': 'Подтверждать нечего: ваша подписка уже в актуальном состоянии.',
  'prefs.title': 'Ваша подписка',
  'prefs.languages': 'Языки',
  'prefs.kinds': 'Виды публикаций (ничего не отмечено — все)',
  'prefs.topics': 'Темы (ничего не отмечено — все)',
  'prefs.save': 'Сохранить',
  'prefs.saved': 'Настройки сохранены.',
  'prefs.status.active': 'Подписка действует.',
  'prefs.status.pending': 'Подписка ожидает подтверждения.',
  'prefs.status.ended': 'Подписка прекращена; письма не отправляются.',
  'prefs.data': 'Ваши данные',
  'prefs.export': 'Скачать мои данные (JSON)',
  'prefs.erase': 'Удалить мои данные и подписку',
  'unsubscribe.title': 'Отписаться',
  'unsubscribe.body': 'Нажмите кнопку, чтобы больше не получать публикации по e-mail.',
  'unsubscribe.button': 'Отписаться',
  'unsubscribed.title': 'Вы отписались',
  'unsubscribed.body': 'Публикации больше не будут приходить. Подписаться снова можно в любой момент на сайте.',
  'erased.title': 'Ваши данные удалены',
  'erased.body': 'Адрес и настройки удалены; письма больше не будут приходить.',
  'summary.languages': 'Языки',
  'summary.kinds': 'Виды',
  'summary.topics': 'Темы',
  'summary.all': 'все',
  'language.en': 'английский',
  'language.ru': 'русский',
  'kind.statement': kinds('statement'),
  'kind.notice': kinds('notice'),
  'kind.pressRelease': kinds('pressRelease'),
  'consent.text':
    'Прошу {org} присылать мне публикации по e-mail. Языки: {languages}. Виды: {kinds}. Темы: {topics}. Я могу отписаться в любой момент.',
  'mail.confirm.subject': '{org}: подтвердите подписку',
  'mail.confirm.intro': 'Кто-то — надеемся, вы — попросил присылать публикации {org} на этот адрес.',
  'mail.confirm.action': 'Подтвердить подписку',
  'mail.confirm.ignore': 'Если это были не вы, просто проигнорируйте письмо: без подтверждения мы ничего не пришлём.',
  'mail.read': 'Читать на сайте',
  'mail.reference': 'Регистрационный номер',
  'mail.footer': 'Вы получили это письмо, потому что подписались на публикации {org}.',
  'mail.preferences': 'Изменить настройки',
  'mail.unsubscribe': 'Отписаться',
  'mail.correction': 'Исправление',
  'mail.correction.intro': 'В публикацию, которую вы получили, внесено исправление:',

  'acknowledgement.title': 'Подтверждение получения',
  'acknowledgement.addressedTo': 'Адресат',
  'acknowledgement.explain':
    'Нажимая кнопку, вы подтверждаете получение этого уведомления. Само открытие этой страницы ничего не подтверждает.',
  'acknowledgement.button': 'Подтверждаю получение',
  'acknowledgement.pressButton': 'Чтобы подтвердить получение, нажмите кнопку.',
  'acknowledgement.thanks': 'Спасибо. Получение подтверждено',
  'acknowledgement.already': 'Получение уже было подтверждено',
  'acknowledgement.alreadyNote': 'Записанное время не меняется.',
  'acknowledgement.refused.malformed':
    'Ссылка для подтверждения неполна или повреждена. Откройте ссылку точно в том виде, в каком она дана в письме, или свяжитесь с отправителем.',
  'acknowledgement.refused.tampered':
    'Ссылка для подтверждения недействительна: она изменена или не относится к этому пресс-центру. Свяжитесь с отправителем.',
  'acknowledgement.refused.unknown':
    'По этой ссылке нет уведомления, ожидающего подтверждения. Возможно, рассылка отозвана; свяжитесь с отправителем.',
  'acknowledgement.refused.tooLarge':
    'Отправленная форма намного больше той, что отправляет эта страница. Снова откройте ссылку из письма и нажмите кнопку.',

  'noticeMail.to': 'Кому',
  'noticeMail.addressees': 'Адресаты',
  'noticeMail.fallback':
    'Это уведомление не выпускалось на русском языке. Ниже и во вложении — оригинал на {language} языке.',
  // Fills «оригинал на … языке», hence the prepositional case.
  'noticeMail.originalLanguage.en': 'английском',
  'noticeMail.originalLanguage.ru': 'русском',
  'noticeMail.ackIntro':
    'Просим подтвердить получение этого уведомления. Ссылка открывает страницу с кнопкой; получение записывается только после нажатия кнопки.',
  'noticeMail.ackAction': 'Подтвердить получение',
  'noticeMail.attached': 'PDF-версия уведомления приложена к письму:',
  'noticeMail.web': 'Опубликованная версия на сайте',
  'noticeMail.footer':
    '{org} направляет это уведомление по электронной почте в рамках официальной переписки. Чтобы ответить, ответьте на это письмо.',
  'mail.test.subjectPrefix': '[ТЕСТ]',
  'mail.test.banner':
    'ТЕСТ: {who} отправил(а) это письмо из пресс-центра для проверки. Его получили только вы; ссылки для отписки и подтверждения — образцы, они ничего не делают.',
  'advance.embargoLine': 'ЭМБАРГО: не для публикации, эфира и размещения до {instant}.',
  'advance.mail.subject': '[Эмбарго до {instant}] Пресс-релиз: {org}',
  'advance.mail.greeting': 'Здравствуйте, {name}!',
  'advance.mail.intro':
    '{org} направляет вам этот пресс-релиз до окончания эмбарго. Ссылка ниже — только для вас: пожалуйста, не пересылайте её.',
  'advance.mail.open': 'Полный текст, PDF-версия и пресс-кит',
  'advance.mail.footer':
    'Вы получили это письмо, потому что согласились получать релизы под эмбарго от {org}. Чтобы отказаться, ответьте на это письмо.',
  'advance.page.title': 'Под эмбарго: {title}',
  'advance.page.private':
    'Эта страница только для вас и никогда не индексируется. Она показывает релиз до окончания эмбарго; после этого ваша ссылка ведёт на публичную страницу.',
  'advance.page.pdf': 'Скачать PDF-версию',
  'advance.page.kit': 'Скачать пресс-кит (ZIP)',
  'advance.terms.heading': 'Условия эмбарго',
  'advance.terms.text':
    'Открывая этот релиз, вы соглашаетесь не публиковать, не передавать в эфир и не распространять его содержание и не сообщать о его существовании до окончания эмбарго. Готовить материал можно. Если эмбарго будет нарушено, пресс-служба может перестать присылать вам релизы заранее.',
  'advance.terms.accept': 'Я принимаю условия эмбарго',
}
