import { defaultLocale, isLocale, type Locale } from '@pressroom/shared'
import { Forbidden, type PayloadRequest } from 'payload'
import type { Role } from './roles.ts'

/**
 * Every refusal staff can meet because of their role, in each admin language: what was refused
 * and what to do instead (docs/adr/0024). One dictionary, so both languages stay side by side.
 */
type Text = Record<Locale, string>

export const refusals = {
  draftsOnly: {
    en: 'Translators can save drafts only. Save as draft and ask an editor to publish it.',
    ru: 'Переводчики могут сохранять только черновики. Сохраните черновик и попросите редактора опубликовать его.',
  },
  publishedCopy: {
    en: 'This copy would be published at once, and translators can save drafts only. Duplicate it as a draft (as the Duplicate button does) and ask an editor to publish it.',
    ru: 'Эта копия сразу стала бы опубликованной, а переводчики могут сохранять только черновики. Создайте копию как черновик (так делает кнопка «Дублировать») и попросите редактора опубликовать её.',
  },
  restoreChangesPublic: {
    en: 'Restoring this version would change what the public reads, and translators can save drafts only. Restore it as a draft, or ask an editor to restore it.',
    ru: 'Восстановление этой версии изменило бы то, что видят читатели, а переводчики могут сохранять только черновики. Восстановите её как черновик или попросите редактора.',
  },
  scheduleNeedsPublisher: {
    en: 'Only editors and administrators schedule publishing and unpublishing. Ask an editor to schedule it.',
    ru: 'Планировать публикацию и снятие с публикации могут только редакторы и администраторы. Попросите редактора.',
  },
} satisfies Record<string, Text>

const roleNames: Record<Role, Text> = {
  admin: { en: 'administrator', ru: 'администратор' },
  editor: { en: 'editor', ru: 'редактор' },
  translator: { en: 'translator', ru: 'переводчик' },
}

const actions = {
  create: { en: 'add', ru: 'добавлять записи' },
  update: { en: 'change', ru: 'изменять записи' },
  delete: { en: 'delete', ru: 'удалять записи' },
} satisfies Record<string, Text>

const askWhom: Record<'editorOrAdmin' | 'admin', Text> = {
  editorOrAdmin: { en: 'an editor or an administrator', ru: 'к редактору или администратору' },
  admin: { en: 'an administrator', ru: 'к администратору' },
}

/**
 * "Your role may not delete topics", with whom to ask; `labels` are the collection's plural
 * label. `nobody` is for records the CMS keeps itself (site builds, jobs), refused to every role.
 */
export function roleMayNot(options: {
  role: Role
  action: keyof typeof actions
  labels: Text
  ask: keyof typeof askWhom | 'nobody'
}): Text {
  const { role, action, labels, ask } = options
  if (ask === 'nobody') {
    return {
      en: `Nobody may ${actions[action].en} ${labels.en.toLowerCase()} by hand: the CMS keeps them itself.`,
      ru: `В разделе «${labels.ru}» никто не может ${actions[action].ru} вручную: их ведёт сама CMS.`,
    }
  }
  return {
    en: `Your role (${roleNames[role].en}) may not ${actions[action].en} ${labels.en.toLowerCase()}. Ask ${askWhom[ask].en} to do it.`,
    ru: `Ваша роль (${roleNames[role].ru}) не позволяет ${actions[action].ru} в разделе «${labels.ru}». Обратитесь ${askWhom[ask].ru}.`,
  }
}

/** The admin's language for this request (Accept-Language or the admin's setting), else English. */
export function languageOf(req: PayloadRequest): Locale {
  const language = req.i18n?.language
  return isLocale(language) ? language : defaultLocale
}

/**
 * A 403 whose message is shown to the caller as it is, in their language. It is Payload's own
 * Forbidden, so it is logged as one (a line at info level, not an error with a stack).
 */
export function refuse(req: PayloadRequest, text: Text): Forbidden {
  const error = new Forbidden(req.t)
  error.message = text[languageOf(req)]
  error.isPublic = true
  return error
}
