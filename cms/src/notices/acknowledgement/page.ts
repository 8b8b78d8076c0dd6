import { type Locale, localeInfo } from '@pressroom/shared'
import type { AcknowledgementState } from './acknowledgeReceipt.ts'
import { type Html, html } from './html.ts'

const text = {
  en: {
    title: 'Acknowledgement of receipt',
    notice: 'Notice',
    addressedTo: 'Addressed to',
    explain:
      'By pressing the button you confirm that this notice was received. Opening this page alone does not confirm anything.',
    button: 'I acknowledge receipt',
    pressButton: 'Press the button to acknowledge receipt.',
    thanks: 'Thank you. Receipt was acknowledged on',
    already: 'Receipt was already acknowledged on',
    alreadyNote: 'The recorded time does not change.',
  },
  ru: {
    title: 'Подтверждение получения',
    notice: 'Уведомление',
    addressedTo: 'Адресат',
    explain:
      'Нажимая кнопку, вы подтверждаете получение этого уведомления. Само открытие этой страницы ничего не подтверждает.',
    button: 'Подтверждаю получение',
    pressButton: 'Чтобы подтвердить получение, нажмите кнопку.',
    thanks: 'Спасибо. Получение подтверждено',
    already: 'Получение уже было подтверждено',
    alreadyNote: 'Записанное время не меняется.',
  },
} as const satisfies Record<Locale, Record<string, string>>

const refusals = {
  malformed: {
    status: 400,
    en: 'This acknowledgement link is incomplete or malformed. Open the link exactly as it appears in the message, or contact the sender.',
    ru: 'Ссылка для подтверждения неполна или повреждена. Откройте ссылку точно в том виде, в каком она дана в письме, или свяжитесь с отправителем.',
  },
  tampered: {
    status: 400,
    en: 'This acknowledgement link is not valid: it was altered or does not belong to this press room. Contact the sender.',
    ru: 'Ссылка для подтверждения недействительна: она изменена или не относится к этому пресс-центру. Свяжитесь с отправителем.',
  },
  unknown: {
    status: 404,
    en: 'No notice is waiting for acknowledgement under this link. It may belong to a withdrawn dispatch; contact the sender.',
    ru: 'По этой ссылке нет уведомления, ожидающего подтверждения. Возможно, рассылка отозвана; свяжитесь с отправителем.',
  },
  tooLarge: {
    status: 413,
    en: 'The form sent was far larger than this page sends. Open the link from the message again and press the button.',
    ru: 'Отправленная форма намного больше той, что отправляет эта страница. Снова откройте ссылку из письма и нажмите кнопку.',
  },
} as const

export function formatTime(iso: string, locale: Locale): string {
  const formatted = new Intl.DateTimeFormat(localeInfo(locale).dateLocale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(new Date(iso))
  return `${formatted} UTC`
}

function layout(lang: Locale | 'en ru', title: string, body: Html): string {
  return html`<!doctype html>
<html lang="${lang === 'en ru' ? 'en' : lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${title}</title>
<style>
body{font:17px/1.5 Georgia,'PT Serif',serif;max-width:38rem;margin:3rem auto;padding:0 1rem;color:#1a1a1a}
h1{font-size:1.5rem}dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{color:#555}
button{font:inherit;padding:.6rem 1.2rem;border:2px solid #1a1a1a;background:#fff;cursor:pointer}
.done{border-left:4px solid #2a7a2a;padding-left:1rem}.refused{border-left:4px solid #a33;padding-left:1rem}
</style>
</head>
<body>${body}</body>
</html>
`.value
}

export type RenderedPage = { status: number; html: string }

/** A refusal in both languages: the link's own language is not known (or not to be trusted). */
function refusalPage(kind: keyof typeof refusals): RenderedPage {
  const refusal = refusals[kind]
  const body = html`<h1>${text.en.title} · <span lang="ru">${text.ru.title}</span></h1>
<p class="refused">${refusal.en}</p>
<p class="refused" lang="ru">${refusal.ru}</p>`
  return { status: refusal.status, html: layout('en ru', `${text.en.title} · ${text.ru.title}`, body) }
}

/** The answer to a POST whose body is over the public form cap (docs/adr/0035). */
export const renderTooLargePage = (): RenderedPage => refusalPage('tooLarge')

/** The page for a link's state, in the recipient's language (both languages when the link is bad). */
export function renderAcknowledgementPage(
  state: AcknowledgementState,
  options: { prompt?: boolean } = {},
): RenderedPage {
  if (state.kind === 'malformed' || state.kind === 'tampered' || state.kind === 'unknown')
    return refusalPage(state.kind)
  const lang = state.row.language
  const t = text[lang]
  const details = html`<dl>
<dt>${t.notice}</dt><dd>${state.notice?.referenceNumber ?? ''} ${state.notice?.title ?? ''}</dd>
<dt>${t.addressedTo}</dt><dd>${state.row.recipientName ?? ''}</dd>
</dl>`
  if (state.kind === 'acknowledged') {
    const message = state.justNow ? t.thanks : t.already
    const body = html`<h1>${t.title}</h1>${details}
<p class="done">${message} <strong>${formatTime(state.at, lang)}</strong>.${state.justNow ? '' : html` ${t.alreadyNote}`}</p>`
    return { status: 200, html: layout(lang, t.title, body) }
  }
  const body = html`<h1>${t.title}</h1>${details}
${options.prompt ? html`<p class="refused">${t.pressButton}</p>` : ''}
<p>${t.explain}</p>
<form method="post"><input type="hidden" name="confirm" value="yes"><button type="submit">${t.button}</button></form>`
  return { status: options.prompt ? 400 : 200, html: layout(lang, t.title, body) }
}
